// The one number/money lexer every stage shares: it finds quantities in
// matching-normalised text (see text_normalizer.h) and expands them.
//
//   "$1.95 billion", "$1.95B", "$2BILLION", "US$5 million", "USD 5m",
//   "5 million dollars", "$63K", "€40M", "30%", "30 percent", "-8%",
//   ranges "$63,000–$65,000", "$63-65K", "between $63K and $65K", "2-3%".
//
// Years, dates, clock times, ordinals ("17th"), version numbers ("1.2.3"),
// multiples ("10x") and numbers glued to words ("100-day", "0.5σ") are
// marked so stages can skip them. Stages add meaning (which asset, which
// kind of figure); they never re-parse numbers.
//
// Pure and thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cn {

enum class QuantityType {
  kMoney,    // has a currency: "$5M", "5 million dollars", "€40M"
  kPercent,  // "30%", "30 percent"
  kPlain,    // a bare number: "28.4", "60", "11,931"
};

struct Quantity {
  size_t begin = 0;                 // byte span of the whole expression in the text
  size_t end = 0;
  QuantityType type = QuantityType::kPlain;
  std::string currency;             // ISO 4217 for kMoney ("USD", "EUR", "GBP")
  double value = 0;                 // expanded, non-negative
  std::optional<double> value_high; // set for ranges
  int sign = 0;                     // -1 for "-8%", +1 for "+5%", 0 unsigned
  bool has_magnitude = false;       // "million", "K", "bn", … was stated
  bool is_range_between = false;    // "between X and Y", "within X and Y"
  bool is_range_to = false;         // "X to Y": with "from" before it, a move from one level to another
  // Not a figure of interest on its own: a year, date part, time, ordinal,
  // version, multiple, or a number glued to a word ("100-day").
  bool is_noise = false;
};

std::vector<Quantity> LexQuantities(std::string_view text);
// The same into `out` (cleared first), so a caller can reuse its storage.
void LexQuantities(std::string_view text, std::vector<Quantity>& out);

}  // namespace cn
