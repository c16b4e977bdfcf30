// The figure fields every stage fills the same way (stages.h); the stages
// themselves live in their own files (indicator_stage.cc, percent_stage.cc,
// market_figure_stage.cc, price_stage.cc).
#include "extractors/stages.h"

#include "extractors/qualifier.h"

namespace cn {

Figure MakeFigure(FigureKind kind, const SentenceAnalysis& s, const Quantity& q) {
  Figure f;
  f.kind = kind;
  f.value = q.value;
  f.value_high = q.value_high;
  f.unit = q.type == QuantityType::kPercent ? "%" : (q.currency.empty() ? "USD" : q.currency);
  f.qualifier = QualifierBefore(s.lower, q.begin);
  if (f.qualifier == Qualifier::kExact) f.qualifier = QualifierAfter(s.lower, q.end);
  // Levels (prices, market caps, indicators) have no window; stages clear
  // one found in their own sentence, and none is carried over for them.
  const bool level = kind == FigureKind::kPrice || kind == FigureKind::kPriceRange || kind == FigureKind::kMarketCap ||
                     kind == FigureKind::kIndicator;
  f.window = s.WindowFor(q, !level);
  f.start = static_cast<int64_t>(q.begin);
  f.end = static_cast<int64_t>(q.end);
  return f;
}

}  // namespace cn
