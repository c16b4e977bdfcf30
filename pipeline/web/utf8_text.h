// The pipeline's UTF-8 length and cut helpers: counting code points for
// display widths and stored lengths, and moving a byte cut back so it never
// falls inside a character. They look at lead and continuation bytes only
// (no validation: text reaching them is already valid UTF-8, or the
// answer is merely approximate for the stray bytes). Header-only, no state.
#pragma once

#include <cstddef>
#include <string_view>

namespace cn::utf8 {

// A byte 10xxxxxx: the second, third or fourth byte of a character.
inline bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Code points in `text` (bytes that start a character).
inline size_t CodePointCount(std::string_view text) {
  size_t n = 0;
  for (char c : text) n += IsContinuationByte(c) ? 0 : 1;
  return n;
}

// The largest cut <= `cut` that starts a character of `text` (0 if none);
// `cut` at or past the end is returned as is.
inline size_t CharacterStartAtOrBefore(std::string_view text, size_t cut) {
  if (cut >= text.size()) return cut;
  while (cut > 0 && IsContinuationByte(text[cut])) --cut;
  return cut;
}

// The byte offset where code point number `count` begins (its size if the
// text has at most `count` code points).
inline size_t ByteOffsetOfCodePoint(std::string_view text, size_t count) {
  size_t seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (IsContinuationByte(text[i])) continue;
    if (seen == count) return i;
    ++seen;
  }
  return text.size();
}

}  // namespace cn::utf8
