#include "extractors/ascii.h"
#include "extractors/number_lexer.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>

namespace cn {
namespace {

using ascii::IsAlpha;
using ascii::IsDigit;
using ascii::ToLower;

// Space or tab (C's isblank), not a line break: a figure and its sign,
// unit or magnitude word stand on one line.
bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// True when `word` (lower case) stands at `pos` in `text`, ignoring ASCII case.
bool StartsWithNoCase(std::string_view text, size_t pos, std::string_view word) {
  return pos <= text.size() && ascii::StartsWithNoCase(text.substr(pos), word);
}
bool WordEndsAt(std::string_view text, size_t pos) {
  return pos >= text.size() || !(IsAlpha(text[pos]) || IsDigit(text[pos]));
}

struct Magnitude {
  std::string_view word;  // lower case
  double factor;
  bool needs_attach;      // single letters must touch the number: "$5M", not "$5 M"
};
constexpr std::array<Magnitude, 17> kMagnitudes = {{
    {"trillion", 1e12, false}, {"billion", 1e9, false}, {"million", 1e6, false},
    {"thousand", 1e3, false}, {"mln", 1e6, false}, {"bln", 1e9, false}, {"bn", 1e9, false},
    {"mn", 1e6, false}, {"tn", 1e12, false}, {"mil", 1e6, false}, {"mm", 1e6, true},
    {"t", 1e12, true}, {"b", 1e9, true}, {"m", 1e6, true}, {"k", 1e3, true},
    {"thousands", 1e3, false}, {"millions", 1e6, false},
}};

// value × factor without binary noise: "$2.16 trillion" is exactly
// 2160000000000, not 2160000000000.0002.
double Expand(double value, int decimals, double factor) {
  if (factor == 1 || decimals == 0) return value * factor;
  double scale = std::pow(10.0, decimals);
  double mantissa = std::round(value * scale);
  if (factor >= scale) return mantissa * (factor / scale);
  return mantissa * factor / scale;
}

// Reads a magnitude at `pos` (after the digits). Returns the factor and
// advances `pos`, or returns 1 and leaves it.
double ReadMagnitude(std::string_view text, size_t& pos) {
  size_t p = pos;
  bool spaced = false;
  if (p < text.size() && IsBlank(text[p])) {
    ++p;
    spaced = true;
  }
  // Every magnitude word starts with t, b, m or k: most numbers stop here.
  const char first = p < text.size() ? ToLower(text[p]) : '\0';
  if (first != 't' && first != 'b' && first != 'm' && first != 'k') return 1;
  for (const auto& m : kMagnitudes) {
    if (m.word[0] != first || (spaced && m.needs_attach)) continue;
    if (StartsWithNoCase(text, p, m.word) && WordEndsAt(text, p + m.word.size())) {
      // A lone "m"/"t"/"b" glued to a number could be a unit ("5m" = minutes
      // is rare in news; "5t" tons). Accept: money context decides later.
      pos = p + m.word.size();
      return m.factor;
    }
  }
  return 1;
}

struct Currency {
  std::string_view token;
  std::string_view code;
  bool is_word;  // needs a word boundary / may be followed by a space
};
constexpr std::array<Currency, 9> kPrefixCurrencies = {{
    {"us$", "USD", false}, {"usd", "USD", true}, {"$", "USD", false},
    {"\xE2\x82\xAC", "EUR", false}, {"eur", "EUR", true}, {"\xC2\xA3", "GBP", false},
    {"gbp", "GBP", true}, {"a$", "AUD", false}, {"c$", "CAD", false},
}};
constexpr std::array<Currency, 8> kSuffixCurrencies = {{
    {"dollars", "USD", true}, {"dollar", "USD", true}, {"usd", "USD", true},
    {"euros", "EUR", true}, {"euro", "EUR", true}, {"eur", "EUR", true},
    {"pounds", "GBP", true}, {"gbp", "GBP", true},
}};

// Reads a currency prefix at `pos`; returns its code and end, or empty.
std::string_view ReadCurrencyPrefix(std::string_view text, size_t pos, size_t& end) {
  const char first = pos < text.size() ? ToLower(text[pos]) : '\0';
  for (const auto& c : kPrefixCurrencies) {
    if (c.token[0] != first || !StartsWithNoCase(text, pos, c.token)) continue;
    if (c.is_word && pos > 0 && IsAlpha(text[pos - 1])) continue;
    size_t p = pos + c.token.size();
    if (c.is_word && p < text.size() && IsAlpha(text[p])) continue;
    if ((c.token == "us$" || c.token == "a$" || c.token == "c$") && pos > 0 && IsAlpha(text[pos - 1])) continue;
    if (p < text.size() && IsBlank(text[p])) ++p;
    if (p < text.size() && IsDigit(text[p])) {
      end = p;
      return c.code;
    }
  }
  return {};
}

// Parses digits with optional thousands separators and decimals at `pos`.
// Returns false when there is no number there.
// The value of "123.45"-style digits. Up to 15 significant digits the
// integer and the power of ten are exact doubles, so one division is
// correctly rounded, the same double strtod gives; longer numbers go to
// strtod.
double DigitsValue(const std::string& digits, int decimals) {
  constexpr double kPowersOfTen[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  if (digits.size() - (decimals > 0 ? 1 : 0) > 15) return std::strtod(digits.c_str(), nullptr);
  uint64_t integer = 0;
  for (char c : digits)
    if (c != '.') integer = integer * 10 + static_cast<uint64_t>(c - '0');
  return static_cast<double>(integer) / kPowersOfTen[decimals];
}

bool ReadNumber(std::string_view text, size_t& pos, double& value, int& dots, int& decimals) {
  size_t p = pos;
  std::string digits;
  size_t run = 0;
  while (p < text.size() && IsDigit(text[p])) digits.push_back(text[p++]), ++run;
  if (run == 0) return false;
  // Thousands groups: ",ddd" repeated, only after 1–3 leading digits.
  if (run <= 3) {
    while (p + 3 < text.size() + 0 && text[p] == ',' && IsDigit(text[p + 1]) && IsDigit(text[p + 2]) &&
           IsDigit(text[p + 3]) && (p + 4 >= text.size() || !IsDigit(text[p + 4]))) {
      digits.append(text.substr(p + 1, 3));
      p += 4;
    }
  }
  dots = 0;
  if (p + 1 < text.size() && text[p] == '.' && IsDigit(text[p + 1])) {
    digits.push_back('.');
    ++p;
    while (p < text.size() && IsDigit(text[p])) digits.push_back(text[p++]);
    dots = 1;
    // "1.2.3": a version number, not a quantity.
    while (p + 1 < text.size() && text[p] == '.' && IsDigit(text[p + 1])) {
      ++dots;
      ++p;
      while (p < text.size() && IsDigit(text[p])) ++p;
    }
  }
  decimals = 0;
  if (size_t dot = digits.find('.'); dot != std::string::npos) decimals = static_cast<int>(digits.size() - dot - 1);
  value = DigitsValue(digits, decimals);
  pos = p;
  return true;
}

// One quantity (no range handling) starting at `pos`, which must be at a
// currency sign, a sign, or a digit. Returns false if none.
bool ReadQuantity(std::string_view text, size_t pos, Quantity& q) {
  q = Quantity{};
  q.begin = pos;
  size_t p = pos;
  if (text[p] == '-' || text[p] == '+') {
    q.sign = text[p] == '-' ? -1 : 1;
    ++p;
  }
  size_t after_currency = p;
  std::string_view currency = ReadCurrencyPrefix(text, p, after_currency);
  if (!currency.empty()) {
    q.currency = std::string(currency);
    p = after_currency;
    if (p < text.size() && (text[p] == '-' || text[p] == '+') ) return false;
  }
  if (p >= text.size() || !IsDigit(text[p])) return false;
  // A digit glued to a preceding letter ("Q3", "x10", "L2") is not a quantity.
  if (currency.empty() && q.sign == 0 && p > 0 && (IsAlpha(text[p - 1]) || text[p - 1] == '_')) return false;
  size_t number_begin = p;
  double value = 0;
  int dots = 0;
  int decimals = 0;
  if (!ReadNumber(text, p, value, dots, decimals)) return false;
  if (dots > 1) q.is_noise = true;
  size_t digits_end = p;
  double factor = ReadMagnitude(text, p);
  q.has_magnitude = factor != 1;
  q.value = Expand(value, decimals, factor);

  // Percent.
  size_t pp = p;
  if (pp < text.size() && IsBlank(text[pp]) && pp + 1 < text.size() && text[pp + 1] == '%') ++pp;
  if (pp < text.size() && text[pp] == '%') {
    q.type = QuantityType::kPercent;
    p = pp + 1;
  } else {
    size_t w = (pp < text.size() && IsBlank(text[pp])) ? pp + 1 : pp;
    for (std::string_view word : {std::string_view("percent"), std::string_view("per cent"),
                                  std::string_view("pct")}) {
      if (w > pp && StartsWithNoCase(text, w, word) && WordEndsAt(text, w + word.size())) {
        q.type = QuantityType::kPercent;
        p = w + word.size();
        break;
      }
    }
  }
  if (q.type != QuantityType::kPercent) {
    if (!q.currency.empty()) {
      q.type = QuantityType::kMoney;
    } else {
      // Currency after the number: "5 million dollars", "500 USD".
      size_t w = (p < text.size() && IsBlank(text[p])) ? p + 1 : p;
      const char first = w < text.size() ? ToLower(text[w]) : '\0';
      for (const auto& c : kSuffixCurrencies) {
        if (w > p && c.token[0] == first && StartsWithNoCase(text, w, c.token) &&
            WordEndsAt(text, w + c.token.size())) {
          q.type = QuantityType::kMoney;
          q.currency = std::string(c.code);
          p = w + c.token.size();
          break;
        }
      }
    }
  }
  q.end = p;

  if (q.type == QuantityType::kPlain) {
    // Noise checks only matter for bare numbers.
    std::string_view digits = text.substr(number_begin, digits_end - number_begin);
    bool four_digit_year = digits.size() == 4 && (digits.starts_with("19") || digits.starts_with("20")) &&
                           !q.has_magnitude;
    if (four_digit_year) q.is_noise = true;
    if (p < text.size() && text[p] == ':' && p + 1 < text.size() && IsDigit(text[p + 1])) q.is_noise = true;
    if (number_begin > 0 && text[number_begin - 1] == ':') q.is_noise = true;
    // Ordinals and glued words: "17th", "100-day", "24h", "10x".
    if (p < text.size() && (IsAlpha(text[p]) || static_cast<unsigned char>(text[p]) >= 0x80)) q.is_noise = true;
    if (p + 1 < text.size() && text[p] == '-' && IsAlpha(text[p + 1])) q.is_noise = true;
    if (p < text.size() && text[p] == '/' ) q.is_noise = true;   // dates 5/2
    if (number_begin > 0 && text[number_begin - 1] == '/') q.is_noise = true;
  } else {
    // "$5-day"? no; but a percent or money glued to letters is fine ("30%+").
    // "the $27,200s", "mid-$30,000s": a vague level, not a figure.
    if (p < text.size() && text[p] == 's' && WordEndsAt(text, p + 1)) q.is_noise = true;
    if (q.type == QuantityType::kMoney && p < text.size() && IsAlpha(text[p]) && !q.has_magnitude) {
      // "$5bn" handled by magnitude; "$50k-ish" rare. "$5x" is a multiple.
      if (ToLower(text[p]) == 'x') q.is_noise = true;
    }
  }
  if (p < text.size() && ToLower(text[p]) == 'x' && WordEndsAt(text, p + 1)) q.is_noise = true;  // "10x"
  return true;
}

// Bytes that can begin a quantity: digits, signs, currency symbols and the
// first letters of currency codes. Every other byte is skipped at once.
constexpr auto kMayStartQuantity = [] {
  std::array<bool, 256> table{};
  for (unsigned char c : std::string_view("0123456789$-+UuEeGgAC\xE2\xC2")) table[c] = true;
  return table;
}();

bool IsQuantityStart(std::string_view text, size_t i) {
  char c = text[i];
  if (!kMayStartQuantity[static_cast<unsigned char>(c)]) return false;
  if (IsDigit(c)) return i == 0 || !IsDigit(text[i - 1]);
  if (c == '$') return true;
  if ((c == '-' || c == '+') && i + 1 < text.size() && (IsDigit(text[i + 1]) || text[i + 1] == '$'))
    return i == 0 || IsBlank(text[i - 1]) || text[i - 1] == '(' || text[i - 1] == '"';
  unsigned char u = static_cast<unsigned char>(c);
  if (u == 0xE2 || u == 0xC2) return true;  // € and £ lead bytes
  // Letters start a quantity only as a currency code before the number:
  // "USD 5m", "US$5", "EUR 3bn", "GBP", "A$1", "C$2".
  if (i > 0 && IsAlpha(text[i - 1])) return false;
  if (c == 'A' || c == 'C') return i + 1 < text.size() && text[i + 1] == '$';
  return StartsWithNoCase(text, i, "us") || StartsWithNoCase(text, i, "eur") || StartsWithNoCase(text, i, "gbp");
}

// Skips a range connector after a quantity: "-", " - ", " to ", " and ".
// Returns the position after it, or npos.
size_t RangeConnector(std::string_view text, size_t p, bool allow_and) {
  size_t q = p;
  while (q < text.size() && IsBlank(text[q])) ++q;
  if (q < text.size() && text[q] == '-') {
    ++q;
    // "-" ranges allow at most one space on either side.
    if (q - p > 2) return std::string_view::npos;
    size_t r = q;
    while (r < text.size() && IsBlank(text[r])) ++r;
    return r - q > 1 ? std::string_view::npos : r;
  }
  for (std::string_view w : {std::string_view("to "), std::string_view("and ")}) {
    if (w == "and " && !allow_and) continue;
    if (q > p && StartsWithNoCase(text, q, w)) {
      q += w.size();
      while (q < text.size() && IsBlank(text[q])) ++q;
      return q;
    }
  }
  return std::string_view::npos;
}

bool EndsWithWord(std::string_view text, size_t pos, std::string_view word) {
  // Is `word` (lower case) the last word before `pos` (skipping spaces)?
  size_t e = pos;
  while (e > 0 && IsBlank(text[e - 1])) --e;
  if (e < word.size()) return false;
  size_t b = e - word.size();
  if (b > 0 && IsAlpha(text[b - 1])) return false;
  return StartsWithNoCase(text, b, word);
}

}  // namespace

std::vector<Quantity> LexQuantities(std::string_view text) {
  std::vector<Quantity> out;
  out.reserve(4);
  LexQuantities(text, out);
  return out;
}

void LexQuantities(std::string_view text, std::vector<Quantity>& out) {
  out.clear();
  // A quantity has a digit at most this far after its start ("-$ 5",
  // "USD 5", "€ 5"): text further before the next digit starts none.
  constexpr size_t kLongestLeadIn = 6;
  size_t next_digit = ascii::FindDigit(text, 0);
  size_t i = 0;
  while (i < text.size()) {
    if (next_digit < i) next_digit = ascii::FindDigit(text, i);
    if (next_digit == text.size()) break;
    if (next_digit - i > kLongestLeadIn) i = next_digit - kLongestLeadIn;
    if (!IsQuantityStart(text, i)) {
      ++i;
      continue;
    }
    Quantity q;
    if (!ReadQuantity(text, i, q)) {
      ++i;
      continue;
    }
    // A range: the second quantity follows a connector. "to" and "and" only
    // join two quantities of the same type; "and" only after "between".
    bool between = EndsWithWord(text, q.begin, "between") || EndsWithWord(text, q.begin, "within");
    size_t next = RangeConnector(text, q.end, between);
    if (next != std::string_view::npos && next < text.size()) {
      Quantity hi;
      bool dash = text.substr(q.end, next - q.end).find('-') != std::string_view::npos;
      if (ReadQuantity(text, next, hi) && hi.sign == q.sign && !hi.is_noise) {
        bool same_kind = hi.type == q.type ||
                         (dash && q.type == QuantityType::kPlain && hi.type != QuantityType::kPlain) ||
                         (q.type == QuantityType::kMoney && hi.type == QuantityType::kPlain && dash);
        if (same_kind) {
          Quantity r = q;
          r.type = hi.type == QuantityType::kPlain ? q.type : hi.type;
          if (r.currency.empty()) r.currency = hi.currency;
          double lo = q.value;
          // "$63-65K": the low end takes the high end's magnitude.
          if (!q.has_magnitude && hi.has_magnitude) {
            double factor = 1;
            for (double f : {1e3, 1e6, 1e9, 1e12})
              if (hi.value / f >= 1) factor = f;
            if (lo * factor <= hi.value) lo *= factor;
          }
          if (q.sign < 0 && hi.value < lo) std::swap(lo, hi.value);  // "-2% to -8%"
          // "$3,950-$3,750": a zone written from the top down.
          if (dash && r.type == QuantityType::kMoney && hi.value < lo && hi.value > 0 && lo <= 2 * hi.value)
            std::swap(lo, hi.value);
          if (hi.value > lo) {
            r.value = lo;
            r.value_high = hi.value;
            r.end = hi.end;
            r.has_magnitude = q.has_magnitude || hi.has_magnitude;
            r.is_range_between = between;
            r.is_range_to = !dash && !between;
            r.is_noise = q.is_noise && hi.is_noise;
            if (r.type != QuantityType::kPlain || !dash || !q.is_noise) {
              out.push_back(r);
              i = r.end;
              continue;
            }
          }
        }
      }
    }
    out.push_back(q);
    i = q.end > i ? q.end : i + 1;
  }
}

}  // namespace cn
