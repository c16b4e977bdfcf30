#include "extractors/figure_extractor.h"

namespace cn {

struct FigureExtractor::Impl {};

FigureExtractor::FigureExtractor() : impl_(std::make_unique<Impl>()) {}
FigureExtractor::~FigureExtractor() = default;

std::vector<Figure> FigureExtractor::Extract(std::string_view utf8) const {
  DocumentContext context;
  return Extract(NormalizeText(utf8), context);
}

std::vector<Figure> FigureExtractor::Extract(const NormalizedText&, DocumentContext&) const { return {}; }

}  // namespace cn
