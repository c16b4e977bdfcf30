// Text normalisation for matching, with an offset map back to the text as given.
//
// NormalizeText() decodes UTF-8 (replacing each ill-formed sequence with
// U+FFFD), and produces `matching`: the same sequence of code points with
// look-alikes folded to ASCII so that patterns stay simple — dashes and the
// minus sign to '-', every space separator (no-break, thin, …) to ' ', curly
// quotes to '\'' and '"', decimal digits of any script to '0'–'9', full-width
// forms to their ASCII twins. Because the fold is one code point to one code
// point, a code-point offset in `matching` is the same offset in `original`.
//
// Pure and thread-safe (ICU character properties only).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cn {

struct NormalizedText {
  std::string original;   // the input as valid UTF-8 (ill-formed bytes → U+FFFD)
  std::string matching;   // folded text for patterns; same code points count
  // code_point_at[b] = code-point index of byte b of `matching`, for
  // b in [0, matching.size()]; the last entry is the total code-point count.
  std::vector<uint32_t> code_point_at;
  // original_byte_at[c] = byte offset in `original` of code point c, for
  // c in [0, code points]; lets evidence be sliced from `original`.
  std::vector<uint32_t> original_byte_at;
  size_t invalid_sequences = 0;        // how many ill-formed sequences were replaced
  size_t first_invalid_byte = 0;       // byte offset in the input of the first one

  size_t CodePoints() const { return original_byte_at.size() - 1; }
  // The original text of code points [begin, end).
  std::string_view OriginalSlice(size_t begin_cp, size_t end_cp) const {
    return std::string_view(original).substr(original_byte_at[begin_cp],
                                             original_byte_at[end_cp] - original_byte_at[begin_cp]);
  }
};

NormalizedText NormalizeText(std::string_view utf8);

}  // namespace cn
