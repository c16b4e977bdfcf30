// ASCII character tests and case folding for the protocol text pipeline/
// reads: URLs, HTTP headers, robots.txt, dates, charset labels, HTML
// attribute values. Locale-free (libc's isalpha/tolower follow the locale);
// bytes >= 0x80 are never letters, digits or space and pass through the
// case folding unchanged, so UTF-8 text stays intact.
//
// "Space" is the WHATWG's ASCII whitespace: tab, line feed, form feed,
// carriage return and space.
//
// Header-only, pure, thread-safe. This is the one ASCII helper of pipeline/:
// every pipeline layer uses it, and no pipeline file keeps a copy.
// extractors/ has the other, extractors/ascii.h (the same tests and folding,
// plus the stages' fast search; its "space" is C's isspace set, which adds
// vertical tab). web, the lowest pipeline layer, may not include extractors
// (cmake/CheckLayers.cmake), hence two. Both define their names in
// cn::ascii, so a file includes one of them, never both.
#pragma once

#include <string>
#include <string_view>

namespace cn::ascii {

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAlpha(char c) { return IsUpper(c) || IsLower(c); }
inline bool IsAlnum(char c) { return IsAlpha(c) || IsDigit(c); }
inline bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

inline char ToLower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// A copy of `s` with ASCII letters lower-cased.
inline std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ToLower(c);
  return out;
}

// Equal but for the case of ASCII letters.
inline bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (ToLower(a[i]) != ToLower(b[i])) return false;
  return true;
}

// `s` without leading and trailing space; a view into `s`.
inline std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace cn::ascii
