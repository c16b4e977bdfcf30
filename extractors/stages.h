// The extractor stages. Each looks at one quantity of a sentence (see
// sentence_analysis.h) and returns the figures it claims — usually one,
// several when the figure is stated for coordinated assets ("UNI and AAVE
// slumped 6%") — or none. Figures carry byte offsets into the sentence in
// start/end; the extractor turns them into code-point offsets.
//
// The extractor asks the stages in this order and the first claim wins:
//   IndicatorStage    bare numbers: RSI, Fear & Greed
//   PercentStage      percentages: percent_change (with metric), dominance
//   MarketFigureStage money with a metric word: liquidation, market_cap,
//                     volume, open_interest, etf_flow
//   PriceStage        remaining money: price, price_range, price_change
//
// All stages are pure functions of the sentence analysis, thread-safe; they
// compile no patterns (their phrase tests compare plain strings).
#pragma once

#include <vector>

#include "extractors/figure.h"
#include "extractors/sentence_analysis.h"

namespace cn {

std::vector<Figure> IndicatorStage(const SentenceAnalysis& s, const Quantity& q);
std::vector<Figure> PercentStage(const SentenceAnalysis& s, const Quantity& q);
std::vector<Figure> MarketFigureStage(const SentenceAnalysis& s, const Quantity& q);
std::vector<Figure> PriceStage(const SentenceAnalysis& s, const Quantity& q);

// A figure with the fields every stage fills the same way: kind, value(s),
// unit, qualifier, window and byte offsets (stages.cc).
Figure MakeFigure(FigureKind kind, const SentenceAnalysis& s, const Quantity& q);

// A stage's one figure, moved into the result (`return {f};` would copy it).
inline std::vector<Figure> SingleFigure(Figure f) {
  std::vector<Figure> figures;
  figures.push_back(std::move(f));
  return figures;
}

}  // namespace cn
