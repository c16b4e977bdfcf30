// ASCII character tests, case folding and case-insensitive search for
// extractors/: the one helper for every stage, lexicon and tokenizer here.
// Locale-free (libc's isalpha/tolower go through the locale on every call);
// text is UTF-8, and bytes >= 0x80 are never letters, digits or space and
// pass through the case folding unchanged.
//
// "Space" is what C's isspace accepts in the "C" locale: space, tab, line
// feed, vertical tab, form feed and carriage return.
//
// pipeline/ has its own, pipeline/web/ascii_text.h (the same character tests
// and case folding, without the hot-path search): web, the lowest pipeline
// layer, may not include extractors (cmake/CheckLayers.cmake). Both define
// their names in cn::ascii, so a file includes one of the two: code in
// extractors/ this one, code in pipeline/ that one.
//
// Header-only, pure, thread-safe. Views returned point into the argument.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace cn::ascii {

constexpr bool IsDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool IsAlpha(char c) { return IsUpper(c) || IsLower(c); }
constexpr bool IsAlnum(char c) { return IsAlpha(c) || IsDigit(c); }
constexpr bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

constexpr char ToLower(char c) { return IsUpper(c) ? static_cast<char>(c + 32) : c; }
constexpr char ToUpper(char c) { return IsLower(c) ? static_cast<char>(c - 32) : c; }

// `s` without leading and trailing space; a view into `s`.
inline std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Byte-parallel ("eight bytes at a time") tests read a word, little-endian
// on the x86-64 this is built for, and use these masks.
inline constexpr uint64_t kEveryByte = 0x0101010101010101ULL;  // 1 in each byte
inline constexpr uint64_t kHighBits = 0x8080808080808080ULL;   // bit 7 of each byte
inline uint64_t Load8(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, 8);
  return word;
}
inline void Store8(char* p, uint64_t word) { std::memcpy(p, &word, 8); }

// Lower-cases ASCII letters in place, eight bytes at a time (bytes >= 0x80
// are left alone).
inline void ToLowerInPlace(std::string& s) {
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t word = Load8(s.data() + i);
    const uint64_t low7 = word & ~kHighBits;
    // Bit 7 set where the low seven bits are >= 'A', and where they are > 'Z'.
    const uint64_t at_least_a = low7 + kEveryByte * (0x80 - 'A');
    const uint64_t above_z = low7 + kEveryByte * (0x80 - 'Z' - 1);
    const uint64_t upper = (at_least_a ^ above_z) & ~word & kHighBits;
    word |= upper >> 2;  // 0x80 >> 2 is 0x20, the case bit
    Store8(s.data() + i, word);
  }
  for (; i < s.size(); ++i) s[i] = ToLower(s[i]);
}

// A lower-cased (ASCII) copy of at most N bytes of `s`, kept on the stack:
// the short look-behind and look-ahead windows of the stages need no heap
// string. Longer text is cut to its first N bytes.
template <size_t N>
class LowerSpan {
 public:
  explicit LowerSpan(std::string_view s) : size_(s.size() < N ? s.size() : N) {
    for (size_t i = 0; i < size_; ++i) bytes_[i] = ToLower(s[i]);
  }
  std::string_view view() const { return std::string_view(bytes_, size_); }

 private:
  char bytes_[N];
  size_t size_;
};

// A lower-cased (ASCII) copy of `s`.
inline std::string ToLower(std::string_view s) {
  std::string out(s);
  ToLowerInPlace(out);
  return out;
}

// An upper-cased (ASCII) copy of `s`.
inline std::string ToUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ToUpper(c);
  return out;
}

// Equal but for ASCII case; `lower` is given in lower case.
inline bool EqualsNoCase(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i)
    if (ToLower(s[i]) != lower[i]) return false;
  return true;
}

// True when `s` starts with `lower` (given in lower case), ignoring ASCII case.
inline bool StartsWithNoCase(std::string_view s, std::string_view lower) {
  return s.size() >= lower.size() && EqualsNoCase(s.substr(0, lower.size()), lower);
}

// Where `lower_needle` (given in lower case) first occurs in `s` at or after
// `from`, ignoring ASCII case; npos when it does not. memchr finds each
// candidate first letter (in either case), so long texts are scanned at
// memchr speed.
inline size_t FindNoCase(std::string_view s, std::string_view lower_needle, size_t from = 0) {
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
      while (k < lower_needle.size() && ToLower(p[k]) == lower_needle[k]) ++k;
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
inline bool ContainsNoCase(std::string_view s, std::string_view lower_needle) {
  return FindNoCase(s, lower_needle) != std::string_view::npos;
}

// starts_with / ends_with for the stages' phrase lists, which mostly miss:
// the phrase's last byte, compared first, rules out most phrases without a
// memcmp call.
inline bool StartsWith(std::string_view s, std::string_view phrase) {
  if (s.size() < phrase.size()) return false;
  if (phrase.empty()) return true;
  return s[phrase.size() - 1] == phrase.back() && std::memcmp(s.data(), phrase.data(), phrase.size()) == 0;
}
inline bool EndsWith(std::string_view s, std::string_view phrase) {
  if (s.size() < phrase.size()) return false;
  if (phrase.empty()) return true;
  return s.back() == phrase.back() &&
         std::memcmp(s.data() + (s.size() - phrase.size()), phrase.data(), phrase.size()) == 0;
}

// Where the first ASCII digit at or after `from` is, or s.size() when there
// is none; eight bytes are tested at once.
inline size_t FindDigit(std::string_view s, size_t from) {
  size_t i = from;
  for (; i + 8 <= s.size(); i += 8) {
    const uint64_t x = Load8(s.data() + i) ^ (kEveryByte * '0');
    if (((x - kEveryByte * 10) & ~x & kHighBits) == 0) continue;  // no byte below 10 after the XOR
    for (size_t j = i; j < i + 8; ++j)
      if (static_cast<unsigned char>(s[j] - '0') < 10) return j;
  }
  for (; i < s.size(); ++i)
    if (static_cast<unsigned char>(s[i] - '0') < 10) return i;
  return s.size();
}

// True when `s` holds an ASCII digit; eight bytes are tested at once.
inline bool HasDigit(std::string_view s) {
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    // Digits become bytes 0-9 after the XOR; look for a byte below 10
    // (exact for ASCII bytes; a byte >= 0x80 only sends us to the slow check).
    const uint64_t x = Load8(s.data() + i) ^ (kEveryByte * '0');
    if (((x - kEveryByte * 10) & ~x & kHighBits) != 0) break;
  }
  for (; i < s.size(); ++i)
    if (static_cast<unsigned char>(s[i] - '0') < 10) return true;
  return false;
}

}  // namespace cn::ascii
