// Hash tables keyed by words and phrases that are looked up with a
// std::string_view, so the hot paths never build a std::string to ask.
// FNV-1a is enough for short words and much cheaper than std::hash's
// general-purpose byte hash.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace cn {

struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view word) const noexcept {
    uint64_t h = 14695981039346656037ULL;
    for (unsigned char c : word) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    return static_cast<size_t>(h);
  }
};

template <typename Value>
using WordMap = std::unordered_map<std::string, Value, WordHash, std::equal_to<>>;
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

}  // namespace cn
