#include "pipeline/cli/whole_number.h"

#include <charconv>
#include <string>

namespace cn {
namespace {

// How much of a rejected value a message repeats.
constexpr size_t kMaxQuotedChars = 24;

std::string Quoted(const std::string& text) {
  if (text.size() <= kMaxQuotedChars) return "'" + text + "'";
  return "'" + text.substr(0, kMaxQuotedChars) + "…' (" + std::to_string(text.size()) + " characters)";
}

}  // namespace

CLI::Validator WholeNumber(int64_t low, int64_t high) {
  const std::string range = std::to_string(low) + " to " + std::to_string(high);
  auto check = [low, high, range](std::string& text) -> std::string {
    const std::string expected = "expected a whole number from " + range + ", got " + Quoted(text);
    const bool negative = !text.empty() && text[0] == '-';
    std::string digits = text.substr(negative ? 1 : 0);
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos || (negative && low >= 0))
      return expected;
    digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - 1));
    const std::string normal = (negative ? "-" : "") + digits;
    int64_t value = 0;
    auto [end, ec] = std::from_chars(normal.data(), normal.data() + normal.size(), value);
    if (ec != std::errc() || end != normal.data() + normal.size() || value < low || value > high) return expected;
    text = normal;
    return "";
  };
  return CLI::Validator(check, "in " + range, "WholeNumber");
}

}  // namespace cn
