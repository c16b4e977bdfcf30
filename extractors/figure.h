// A figure: one mention of a number of interest in an article, typed per the
// figure contract (docs/FIGURES.md: every field and its values). Plain value
// type.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

namespace cn {

enum class FigureKind {
  kPrice, kPriceRange, kPriceChange, kPercentChange, kLiquidation,
  kMarketCap, kVolume, kOpenInterest, kEtfFlow, kIndicator,
};
// Every kind, in the order above (for flags and tables that list them).
inline constexpr FigureKind kAllFigureKinds[] = {
    FigureKind::kPrice,       FigureKind::kPriceRange, FigureKind::kPriceChange, FigureKind::kPercentChange,
    FigureKind::kLiquidation, FigureKind::kMarketCap,  FigureKind::kVolume,      FigureKind::kOpenInterest,
    FigureKind::kEtfFlow,     FigureKind::kIndicator,
};
static_assert(std::size(kAllFigureKinds) == static_cast<size_t>(FigureKind::kIndicator) + 1,
              "kAllFigureKinds lists every FigureKind");
enum class Qualifier { kExact, kApprox, kOver, kUnder };
enum class Direction { kNone, kUp, kDown };
enum class Side { kNone, kLong, kShort };
// What a price is to the reader (prices and price ranges only).
enum class PriceRole {
  kNone,     // unsure, or not a price
  kCurrent,  // where the price is now: "BTC is trading at $63,280", "falls to $63,000"
  kLevel,    // a mark on the chart: support, resistance, zones, moving averages
  kTarget,   // a destination not reached: targets, forecasts, "could reach"
  kPast,     // an earlier price: all-time highs, "from $0.50", entry prices
};

struct Figure {
  FigureKind kind = FigureKind::kPrice;
  std::string asset;                  // canonical ticker; empty means null (market-wide)
  double value = 0;                   // fully expanded, never negative
  std::optional<double> value_high;   // upper end of a range
  std::string unit = "USD";           // "USD", other ISO 4217 codes, "%", "index"
  Qualifier qualifier = Qualifier::kExact;
  Direction direction = Direction::kNone;
  std::string window;                 // ISO 8601 duration ("PT24H", "P7D", "YTD"); empty = null
  Side side = Side::kNone;            // liquidations only
  std::string name;                   // indicators: "rsi", "fear_greed", "dominance"; else empty
  PriceRole role = PriceRole::kNone;  // prices and price ranges: current, level, target, past
  std::string metric;                 // percent_change: "price", "market_cap", …; else empty
  int64_t start = 0;                  // code-point offsets into the article text, end exclusive
  int64_t end = 0;
  std::string text;                   // the article's code points [start, end)
  int sentence = 0;                   // 0-based sentence number within the article
};

std::string_view ToString(FigureKind kind);
std::string_view ToString(Qualifier q);
std::string_view ToString(Direction d);  // "" for kNone
std::string_view ToString(Side s);       // "" for kNone
std::string_view ToString(PriceRole r);  // "" for kNone

}  // namespace cn
