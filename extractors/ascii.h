// Locale-free ASCII helpers for the hot paths (libc's tolower/isalnum go
// through the locale on every call). Text is UTF-8: bytes >= 0x80 pass through.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

inline char cn_ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
inline char cn_ascii_lower(unsigned char c) { return cn_ascii_lower(static_cast<char>(c)); }

// A lower-cased (ASCII) copy of `s`.
inline std::string cn_ascii_lower_copy(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = cn_ascii_lower(c);
  return out;
}

// True when `s` contains `lower_needle` (given in lower case), ignoring ASCII
// case. memchr finds each candidate first letter (in either case), so whole
// lines are scanned at memchr speed.
inline bool cn_contains_no_case(std::string_view s, std::string_view lower_needle) {
  if (lower_needle.empty()) return true;
  if (s.size() < lower_needle.size()) return false;
  const char lower_first = lower_needle[0];
  const char upper_first = (lower_first >= 'a' && lower_first <= 'z') ? static_cast<char>(lower_first - 32) : lower_first;
  const char* const end = s.data() + (s.size() - lower_needle.size() + 1);  // last possible start + 1
  for (char first : {lower_first, upper_first}) {
    const char* p = s.data();
    while (p < end) {
      p = static_cast<const char*>(std::memchr(p, first, static_cast<size_t>(end - p)));
      if (p == nullptr) break;
      size_t k = 1;
      while (k < lower_needle.size() && cn_ascii_lower(p[k]) == lower_needle[k]) ++k;
      if (k == lower_needle.size()) return true;
      ++p;
    }
    if (upper_first == lower_first) break;
  }
  return false;
}

// True when `s` holds an ASCII digit; eight bytes are tested at once.
inline bool cn_has_digit(std::string_view s) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    // Digits become bytes 0-9 after the XOR; look for a byte below 10
    // (exact for ASCII bytes; a byte >= 0x80 only sends us to the slow check).
    const uint64_t x = word ^ (kOnes * '0');
    if (((x - kOnes * 10) & ~x & kHigh) != 0) break;
  }
  for (; i < s.size(); ++i)
    if (static_cast<unsigned char>(s[i] - '0') < 10) return true;
  return false;
}
