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
  size_t invalid_sequences = 0;        // how many ill-formed sequences were replaced
  size_t first_invalid_byte = 0;       // byte offset in the input of the first one

  size_t CodePoints() const { return code_points_; }
  // The code-point index of byte `b` of `matching` (b ≤ matching.size()).
  size_t CodePointAt(size_t b) const;
  // The original text of code points [begin, end).
  std::string_view OriginalSlice(size_t begin_cp, size_t end_cp) const;

 private:
  friend NormalizedText NormalizeText(std::string_view utf8);
  // Offsets are found by counting from a checkpoint every kBlock bytes or
  // code points, so the maps cost 1/kBlock of the text, not 4 bytes a byte.
  static constexpr size_t kBlock = 64;  // at least 8: checkpoints are found a word at a time
  size_t OriginalByteAt(size_t cp) const;
  size_t code_points_ = 0;
  bool ascii_only_ = false;  // then byte and code-point offsets coincide: no maps

  std::vector<uint32_t> cp_before_block_;     // code points before matching byte k*kBlock
  std::vector<uint32_t> byte_of_cp_block_;    // original byte offset of code point k*kBlock
};

NormalizedText NormalizeText(std::string_view utf8);

}  // namespace cn
