// Locale-free ASCII helpers for the hot paths (libc's tolower/isalnum go
// through the locale on every call). Text is UTF-8: bytes >= 0x80 pass through.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

inline char cn_ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
inline char cn_ascii_lower(unsigned char c) { return cn_ascii_lower(static_cast<char>(c)); }

// Byte-parallel ("eight bytes at a time") tests read a word, little-endian
// on the x86-64 this is built for, and use these masks.
inline constexpr uint64_t kCnEveryByte = 0x0101010101010101ULL;  // 1 in each byte
inline constexpr uint64_t kCnHighBits = 0x8080808080808080ULL;   // bit 7 of each byte
inline uint64_t cn_load8(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, 8);
  return word;
}
inline void cn_store8(char* p, uint64_t word) { std::memcpy(p, &word, 8); }

// Lower-cases ASCII letters in place, eight bytes at a time (bytes >= 0x80
// are left alone).
inline void cn_ascii_lower_in_place(std::string& s) {
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t word = cn_load8(s.data() + i);
    const uint64_t low7 = word & ~kCnHighBits;
    // Bit 7 set where the low seven bits are >= 'A', and where they are > 'Z'.
    const uint64_t at_least_a = low7 + kCnEveryByte * (0x80 - 'A');
    const uint64_t above_z = low7 + kCnEveryByte * (0x80 - 'Z' - 1);
    const uint64_t upper = (at_least_a ^ above_z) & ~word & kCnHighBits;
    word |= upper >> 2;  // 0x80 >> 2 is 0x20, the case bit
    cn_store8(s.data() + i, word);
  }
  for (; i < s.size(); ++i) s[i] = cn_ascii_lower(s[i]);
}

// A lower-cased (ASCII) copy of at most N bytes of `s`, kept on the stack:
// the short look-behind and look-ahead windows of the stages need no heap
// string. Longer text is cut to its first N bytes.
template <size_t N>
class cn_lower_span {
 public:
  explicit cn_lower_span(std::string_view s) : size_(s.size() < N ? s.size() : N) {
    for (size_t i = 0; i < size_; ++i) bytes_[i] = cn_ascii_lower(s[i]);
  }
  std::string_view view() const { return std::string_view(bytes_, size_); }

 private:
  char bytes_[N];
  size_t size_;
};

// A lower-cased (ASCII) copy of `s`.
inline std::string cn_ascii_lower_copy(std::string_view s) {
  std::string out(s);
  cn_ascii_lower_in_place(out);
  return out;
}

// Where `lower_needle` (given in lower case) first occurs in `s` at or after
// `from`, ignoring ASCII case; npos when it does not. memchr finds each
// candidate first letter (in either case), so long texts are scanned at
// memchr speed.
inline size_t cn_find_no_case(std::string_view s, std::string_view lower_needle, size_t from = 0) {
  if (lower_needle.empty()) return from <= s.size() ? from : std::string_view::npos;
  if (from >= s.size() || s.size() - from < lower_needle.size()) return std::string_view::npos;
  const char lower_first = lower_needle[0];
  const char upper_first = (lower_first >= 'a' && lower_first <= 'z') ? static_cast<char>(lower_first - 32) : lower_first;
  const char* end = s.data() + (s.size() - lower_needle.size() + 1);  // last possible start + 1
  size_t best = std::string_view::npos;
  for (char first : {lower_first, upper_first}) {
    const char* p = s.data() + from;
    // Only a match before the one already found can be better.
    if (best != std::string_view::npos) end = s.data() + best;
    while (p < end) {
      p = static_cast<const char*>(std::memchr(p, first, static_cast<size_t>(end - p)));
      if (p == nullptr) break;
      size_t k = 1;
      while (k < lower_needle.size() && cn_ascii_lower(p[k]) == lower_needle[k]) ++k;
      if (k == lower_needle.size()) {
        best = std::min(best, static_cast<size_t>(p - s.data()));
        break;
      }
      ++p;
    }
    if (upper_first == lower_first) break;
  }
  return best;
}

// True when `s` contains `lower_needle` (given in lower case), ignoring ASCII case.
inline bool cn_contains_no_case(std::string_view s, std::string_view lower_needle) {
  return cn_find_no_case(s, lower_needle) != std::string_view::npos;
}

// starts_with / ends_with for the stages' phrase lists, which mostly miss:
// the phrase's last byte, compared first, rules out most phrases without a
// memcmp call.
inline bool cn_starts_with(std::string_view s, std::string_view phrase) {
  if (s.size() < phrase.size()) return false;
  if (phrase.empty()) return true;
  return s[phrase.size() - 1] == phrase.back() && std::memcmp(s.data(), phrase.data(), phrase.size()) == 0;
}
inline bool cn_ends_with(std::string_view s, std::string_view phrase) {
  if (s.size() < phrase.size()) return false;
  if (phrase.empty()) return true;
  return s.back() == phrase.back() &&
         std::memcmp(s.data() + (s.size() - phrase.size()), phrase.data(), phrase.size()) == 0;
}

// Where the first ASCII digit at or after `from` is, or s.size() when there
// is none; eight bytes are tested at once.
inline size_t cn_find_digit(std::string_view s, size_t from) {
  size_t i = from;
  for (; i + 8 <= s.size(); i += 8) {
    const uint64_t x = cn_load8(s.data() + i) ^ (kCnEveryByte * '0');
    if (((x - kCnEveryByte * 10) & ~x & kCnHighBits) == 0) continue;  // no byte below 10 after the XOR
    for (size_t j = i; j < i + 8; ++j)
      if (static_cast<unsigned char>(s[j] - '0') < 10) return j;
  }
  for (; i < s.size(); ++i)
    if (static_cast<unsigned char>(s[i] - '0') < 10) return i;
  return s.size();
}

// True when `s` holds an ASCII digit; eight bytes are tested at once.
inline bool cn_has_digit(std::string_view s) {
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    // Digits become bytes 0-9 after the XOR; look for a byte below 10
    // (exact for ASCII bytes; a byte >= 0x80 only sends us to the slow check).
    const uint64_t x = cn_load8(s.data() + i) ^ (kCnEveryByte * '0');
    if (((x - kCnEveryByte * 10) & ~x & kCnHighBits) != 0) break;
  }
  for (; i < s.size(); ++i)
    if (static_cast<unsigned char>(s[i] - '0') < 10) return true;
  return false;
}
