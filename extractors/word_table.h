// Hash tables keyed by words and phrases that are looked up with a
// std::string_view, so the hot paths never build a std::string to ask.
// The hash reads a fixed number of bytes, cheaper than std::hash's
// byte-by-byte general-purpose one.
#pragma once

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <utility>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace cn {

struct WordHash {
  using is_transparent = void;
  // Constant time: the length and the first and last eight bytes, mixed.
  // Words are short; longer phrases that share both ends only cost a compare.
  size_t operator()(std::string_view word) const noexcept {
    const size_t n = word.size();
    uint64_t head = 0, tail = 0;
    if (n >= 8) {
      std::memcpy(&head, word.data(), 8);
      std::memcpy(&tail, word.data() + n - 8, 8);
    } else if (n >= 4) {
      uint32_t h32, t32;
      std::memcpy(&h32, word.data(), 4);
      std::memcpy(&t32, word.data() + n - 4, 4);
      head = h32;
      tail = t32;
    } else if (n > 0) {
      head = static_cast<unsigned char>(word[0]) | static_cast<uint64_t>(static_cast<unsigned char>(word[n / 2])) << 8 |
             static_cast<uint64_t>(static_cast<unsigned char>(word[n - 1])) << 16;
    }
    uint64_t h = (head ^ 0x9E3779B97F4A7C15ULL) * 0xBF58476D1CE4E5B9ULL;
    h ^= (tail + n) * 0x94D049BB133111EBULL;
    return static_cast<size_t>(h ^ (h >> 31));
  }
};

template <typename Value>
using WordMap = std::unordered_map<std::string, Value, WordHash, std::equal_to<>>;
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

// A word map for look-ups that mostly miss (every word of a sentence against
// a lexicon): a bit per (length, first byte, last byte) answers "certainly
// absent" for most words before any hashing.
template <typename Value>
class WordTable {
 public:
  // The value for `key`, inserted value-initialised if absent.
  Value& operator[](std::string_view key) {
    filter_.set(Slot(key));
    auto it = map_.find(key);
    if (it == map_.end()) it = map_.emplace(std::string(key), Value{}).first;
    return it->second;
  }
  // Adds `key` unless present (then the first value stays, as with emplace).
  bool Insert(std::string_view key, Value value) {
    filter_.set(Slot(key));
    return map_.emplace(std::string(key), std::move(value)).second;
  }
  // Null when `key` is absent.
  const Value* Find(std::string_view key) const {
    if (key.empty() || !filter_.test(Slot(key))) return nullptr;
    auto it = map_.find(key);
    return it == map_.end() ? nullptr : &it->second;
  }
  bool Contains(std::string_view key) const { return Find(key) != nullptr; }
  size_t size() const { return map_.size(); }
  auto begin() const { return map_.begin(); }
  auto end() const { return map_.end(); }

 private:
  static constexpr size_t kSlots = size_t{1} << 14;
  // Letters of either case keep their 26 distinct low five bits.
  static size_t Slot(std::string_view key) {
    if (key.empty()) return 0;
    const auto first = static_cast<unsigned char>(key.front()), last = static_cast<unsigned char>(key.back());
    return (std::min<size_t>(key.size(), 15) << 10) | ((first & 31u) << 5) | (last & 31u);
  }
  std::bitset<kSlots> filter_;
  WordMap<Value> map_;
};

}  // namespace cn
