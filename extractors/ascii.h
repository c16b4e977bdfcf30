// Locale-free ASCII helpers for the hot paths (libc's tolower/isalnum go
// through the locale on every call). Text is UTF-8: bytes >= 0x80 pass through.
#pragma once

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
