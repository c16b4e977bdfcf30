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

  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const int32_t length = static_cast<int32_t>(in.size());
  int32_t i = 0;
  while (i < length) {
    // ASCII fast path: most article text is ASCII and folds to itself.
    int32_t run = i;
    while (run < length && s[run] < 0x80) ++run;
    if (run > i) {
      out.original.append(in.data() + i, static_cast<size_t>(run - i));
      out.matching.append(in.data() + i, static_cast<size_t>(run - i));
      i = run;
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
    if (folded >= 0) {
      out.matching.push_back(static_cast<char>(folded));
    } else {
      AppendUtf8(out.matching, c);
    }
  }
  // Checkpoints for offset conversion.
  size_t cps = 0;
  for (size_t b = 0; b < out.matching.size(); ++b) {
    if (b % NormalizedText::kBlock == 0) out.cp_before_block_.push_back(static_cast<uint32_t>(cps));
    if ((static_cast<unsigned char>(out.matching[b]) & 0xC0) != 0x80) ++cps;
  }
  out.code_points_ = cps;
  size_t cp = 0;
  for (size_t b = 0; b < out.original.size(); ++b) {
    if ((static_cast<unsigned char>(out.original[b]) & 0xC0) == 0x80) continue;
    if (cp % NormalizedText::kBlock == 0) out.byte_of_cp_block_.push_back(static_cast<uint32_t>(b));
    ++cp;
  }
  return out;
}

size_t NormalizedText::CodePointAt(size_t b) const {
  if (b >= matching.size()) return code_points_;
  size_t block = b / kBlock;
  size_t cp = cp_before_block_[block];
  for (size_t i = block * kBlock; i < b; ++i)
    if ((static_cast<unsigned char>(matching[i]) & 0xC0) != 0x80) ++cp;
  return cp;
}

size_t NormalizedText::OriginalByteAt(size_t cp) const {
  if (cp >= code_points_) return original.size();
  size_t block = cp / kBlock;
  size_t b = byte_of_cp_block_[block];
  for (size_t n = block * kBlock; n < cp; ++n) {
    ++b;
    while (b < original.size() && (static_cast<unsigned char>(original[b]) & 0xC0) == 0x80) ++b;
  }
  return b;
}

std::string_view NormalizedText::OriginalSlice(size_t begin_cp, size_t end_cp) const {
  size_t b = OriginalByteAt(begin_cp);
  size_t e = OriginalByteAt(end_cp);
  return std::string_view(original).substr(b, e - b);
}

}  // namespace cn
