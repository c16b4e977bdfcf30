#include "extractors/text_normalizer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace cn {
namespace {

// The ASCII stand-in for a code point, or -1 to keep it as it is.
int32_t FoldToAscii(UChar32 c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;  // full-width ASCII forms
  if (c == 0x2212 || c == 0xFE63 || c == 0xFF0D) return '-';  // minus signs
  switch (u_charType(c)) {
    case U_DASH_PUNCTUATION: return '-';
    case U_SPACE_SEPARATOR: return ' ';
    case U_DECIMAL_DIGIT_NUMBER: return '0' + u_charDigitValue(c);
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
      // Curly quotes: the single ones (and the apostrophe U+2019) fold to '\''.
      return (c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B || c == 0x2039 ||
              c == 0x203A) ? '\'' : '"';
    default: break;
  }
  if (c == 0x2032) return '\'';  // prime, used as an apostrophe
  return -1;
}

void AppendUtf8(std::string& out, UChar32 c) {
  char buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, c, error);
  (void)error;  // c is always a valid scalar value here
  out.append(buf, static_cast<size_t>(n));
}

}  // namespace

NormalizedText NormalizeText(std::string_view in) {
  NormalizedText out;
  out.original.reserve(in.size());
  out.matching.reserve(in.size());
  out.code_point_at.reserve(in.size() + 1);
  out.original_byte_at.reserve(in.size() + 1);

  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const int32_t length = static_cast<int32_t>(in.size());
  int32_t i = 0;
  uint32_t cp = 0;
  while (i < length) {
    out.original_byte_at.push_back(static_cast<uint32_t>(out.original.size()));
    // ASCII fast path: most article text is ASCII and folds to itself.
    if (s[i] < 0x80) {
      out.original.push_back(static_cast<char>(s[i]));
      out.matching.push_back(static_cast<char>(s[i]));
      out.code_point_at.push_back(cp);
      ++i;
      ++cp;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      if (out.invalid_sequences++ == 0) out.first_invalid_byte = static_cast<size_t>(start);
      c = 0xFFFD;
      AppendUtf8(out.original, c);
    } else {
      out.original.append(in.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    }
    const int32_t folded = FoldToAscii(c);
    const size_t before = out.matching.size();
    if (folded >= 0) {
      out.matching.push_back(static_cast<char>(folded));
    } else {
      AppendUtf8(out.matching, c);
    }
    out.code_point_at.insert(out.code_point_at.end(), out.matching.size() - before, cp);
    ++cp;
  }
  out.original_byte_at.push_back(static_cast<uint32_t>(out.original.size()));
  out.code_point_at.push_back(cp);
  return out;
}

}  // namespace cn
