// Fuzzes the whole figure extractor: any bytes in, no crash, and every
// figure's offsets lie inside the text with `text` equal to that slice.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "extractors/figure_extractor.h"
#include "extractors/text_normalizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const cn::FigureExtractor extractor;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  cn::NormalizedText text = cn::NormalizeText(input);
  cn::DocumentContext context;
  for (const cn::Figure& f : extractor.Extract(text, context)) {
    if (f.start < 0 || f.end <= f.start || static_cast<size_t>(f.end) > text.CodePoints()) std::abort();
    if (text.OriginalSlice(static_cast<size_t>(f.start), static_cast<size_t>(f.end)) != f.text) std::abort();
    if (!(f.value >= 0)) std::abort();
  }
  return 0;
}
