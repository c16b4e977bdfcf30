#include "extractors/figure.h"

namespace cn {

std::string_view ToString(FigureKind kind) {
  switch (kind) {
    case FigureKind::kPrice: return "price";
    case FigureKind::kPriceRange: return "price_range";
    case FigureKind::kPriceChange: return "price_change";
    case FigureKind::kPercentChange: return "percent_change";
    case FigureKind::kLiquidation: return "liquidation";
    case FigureKind::kMarketCap: return "market_cap";
    case FigureKind::kVolume: return "volume";
    case FigureKind::kOpenInterest: return "open_interest";
    case FigureKind::kEtfFlow: return "etf_flow";
    case FigureKind::kIndicator: return "indicator";
  }
  return "?";
}

std::string_view ToString(Qualifier q) {
  switch (q) {
    case Qualifier::kExact: return "exact";
    case Qualifier::kApprox: return "approx";
    case Qualifier::kOver: return "over";
    case Qualifier::kUnder: return "under";
  }
  return "exact";
}

std::string_view ToString(Direction d) {
  switch (d) {
    case Direction::kUp: return "up";
    case Direction::kDown: return "down";
    case Direction::kNone: return "";
  }
  return "";
}

std::string_view ToString(Side s) {
  switch (s) {
    case Side::kLong: return "long";
    case Side::kShort: return "short";
    case Side::kNone: return "";
  }
  return "";
}

std::string_view ToString(PriceRole r) {
  switch (r) {
    case PriceRole::kCurrent: return "current";
    case PriceRole::kLevel: return "level";
    case PriceRole::kTarget: return "target";
    case PriceRole::kPast: return "past";
    case PriceRole::kNone: return "";
  }
  return "";
}

}  // namespace cn
