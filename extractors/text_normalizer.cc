#include "extractors/text_normalizer.h"

#include "extractors/ascii.h"

#include <algorithm>
#include <bit>
#include <cstring>

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

// Length of the run of ASCII bytes at s[i..length), eight bytes at a time.
int32_t AsciiRunEnd(const uint8_t* s, int32_t i, int32_t length) {
  while (i + 8 <= length) {
    if (ascii::Load8(reinterpret_cast<const char*>(s) + i) & ascii::kHighBits) break;
    i += 8;
  }
  while (i < length && s[i] < 0x80) ++i;
  return i;
}

// How many bytes of a mask with only bit 7 of some bytes set have it set:
// multiplying sums the bytes into the top one (baseline x86-64 has no
// popcount instruction).
inline size_t CountHighBits(uint64_t mask) { return static_cast<size_t>(((mask >> 7) * ascii::kEveryByte) >> 56); }

// How many of the eight bytes at s start a code point (are not 10xxxxxx).
inline size_t LeadBytesIn8(const char* s) {
  const uint64_t word = ascii::Load8(s);
  if ((word & ascii::kHighBits) == 0) return 8;  // ASCII, by far the most common
  const uint64_t continuation = word & ~(word << 1) & ascii::kHighBits;
  return 8 - CountHighBits(continuation);
}

// How many bytes of s[0..n) start a code point.
size_t CountLeadBytes(const char* s, size_t n) {
  size_t count = 0;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) count += LeadBytesIn8(s + i);
  for (; i < n; ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++count;
  return count;
}

}  // namespace

NormalizedText NormalizeText(std::string_view in) {
  NormalizedText out;
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const int32_t length = static_cast<int32_t>(in.size());
  if (AsciiRunEnd(s, 0, length) == length) {
    // Most article text is ASCII: it folds to itself, offsets need no map.
    out.original.assign(in);
    out.matching.assign(in);
    out.code_points_ = in.size();
    out.ascii_only_ = true;
    return out;
  }
  out.original.reserve(in.size());
  out.matching.reserve(in.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t run = AsciiRunEnd(s, i, length);
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
  const size_t blocks = (out.matching.size() + NormalizedText::kBlock - 1) / NormalizedText::kBlock;
  out.cp_before_block_.reserve(blocks);
  size_t cps = 0;
  for (size_t b = 0; b < out.matching.size(); b += NormalizedText::kBlock) {
    out.cp_before_block_.push_back(static_cast<uint32_t>(cps));
    cps += CountLeadBytes(out.matching.data() + b, std::min(NormalizedText::kBlock, out.matching.size() - b));
  }
  out.code_points_ = cps;
  // Byte offsets of every kBlock-th code point of `original`, eight bytes
  // at a time.
  out.byte_of_cp_block_.reserve(blocks + 1);
  const std::string& orig = out.original;
  size_t cp = 0;
  size_t next_checkpoint = 0;
  size_t b = 0;
  for (; b + 8 <= orig.size(); b += 8) {
    const uint64_t word = ascii::Load8(orig.data() + b);
    // Bit 7 of each byte that starts a code point (is not 10xxxxxx).
    uint64_t leads = ~(word & ~(word << 1)) & ascii::kHighBits;
    const size_t count = (word & ascii::kHighBits) == 0 ? 8 : CountHighBits(leads);
    if (next_checkpoint < cp + count) {  // kBlock >= 8: at most one checkpoint per word
      for (size_t skip = next_checkpoint - cp; skip > 0; --skip) leads &= leads - 1;
      out.byte_of_cp_block_.push_back(static_cast<uint32_t>(b + static_cast<size_t>(std::countr_zero(leads)) / 8));
      next_checkpoint += NormalizedText::kBlock;
    }
    cp += count;
  }
  for (; b < orig.size(); ++b) {
    if ((static_cast<unsigned char>(orig[b]) & 0xC0) == 0x80) continue;
    if (cp == next_checkpoint) {
      out.byte_of_cp_block_.push_back(static_cast<uint32_t>(b));
      next_checkpoint += NormalizedText::kBlock;
    }
    ++cp;
  }
  return out;
}

size_t NormalizedText::CodePointAt(size_t b) const {
  if (b >= matching.size()) return code_points_;
  if (ascii_only_) return b;
  const size_t block = b / kBlock;
  return cp_before_block_[block] + CountLeadBytes(matching.data() + block * kBlock, b - block * kBlock);
}

size_t NormalizedText::OriginalByteAt(size_t cp) const {
  if (cp >= code_points_) return original.size();
  if (ascii_only_) return cp;
  const size_t block = cp / kBlock;
  size_t b = byte_of_cp_block_[block];
  // The checkpoint's own code point is the first to count.
  size_t remaining = cp - block * kBlock + 1;
  for (size_t leads; b + 8 <= original.size() && (leads = LeadBytesIn8(original.data() + b)) < remaining; b += 8)
    remaining -= leads;
  for (;; ++b)
    if ((static_cast<unsigned char>(original[b]) & 0xC0) != 0x80 && --remaining == 0) return b;
}

std::string_view NormalizedText::OriginalSlice(size_t begin_cp, size_t end_cp) const {
  size_t b = OriginalByteAt(begin_cp);
  size_t e = OriginalByteAt(end_cp);
  return std::string_view(original).substr(b, e - b);
}

}  // namespace cn
