// PhrasePrefixSet: a fixed list of phrases, asked "does this text start with
// one of them?" — the words right after a number ("$2 million fine", "30%
// of the supply"). The phrases are kept under their second byte (most start
// with a space), so a text is compared only with the few it may start with
// instead of with every phrase of the list.
//
// Same answer as testing each phrase in turn. Holds views of the phrases,
// which must outlive it (string literals do). Pure and thread-safe once built.
#pragma once

#include <array>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace cn {

class PhrasePrefixSet {
 public:
  PhrasePrefixSet(std::initializer_list<std::string_view> phrases) {
    for (std::string_view p : phrases) {
      if (p.size() < 2) short_.push_back(p);
      else by_second_byte_[static_cast<unsigned char>(p[1])].push_back(p);
    }
  }

  bool StartsAny(std::string_view text) const {
    if (text.size() >= 2)
      for (std::string_view p : by_second_byte_[static_cast<unsigned char>(text[1])])
        if (text.starts_with(p)) return true;
    for (std::string_view p : short_)
      if (text.starts_with(p)) return true;
    return false;
  }

 private:
  std::array<std::vector<std::string_view>, 256> by_second_byte_;
  std::vector<std::string_view> short_;  // phrases of fewer than two bytes
};

}  // namespace cn
