#include "pipeline/cli/whole_number.h"

#include <gtest/gtest.h>

#include <CLI/CLI.hpp>

namespace cn {
namespace {

// Parses `--n VALUE` into an int64 checked by WholeNumber(low, high); the
// value, or the message CLI11 throws.
std::string Parse(const std::string& value, int64_t low, int64_t high) {
  CLI::App app;
  int64_t n = -12345;
  app.add_option("--n", n)->transform(WholeNumber(low, high));
  try {
    app.parse(std::vector<std::string>{value, "--n"});
  } catch (const CLI::ParseError& e) {
    return e.what();
  }
  return std::to_string(n);
}

TEST(WholeNumberTest, AcceptsPlainDecimalsInRange) {
  EXPECT_EQ(Parse("0", 0, 100), "0");
  EXPECT_EQ(Parse("100", 0, 100), "100");
  EXPECT_EQ(Parse("010", 0, 100), "10") << "decimal, not octal";
  EXPECT_EQ(Parse("000", 0, 100), "0");
  EXPECT_EQ(Parse("-5", -10, 10), "-5");
  EXPECT_EQ(Parse("4611686018427387904", 0, int64_t{1} << 62), "4611686018427387904");
}

TEST(WholeNumberTest, RefusesEverythingElseNamingTheFlagAndTheRange) {
  const std::string big(300, '9');
  for (const std::string& bad : {std::string("-1"), std::string("101"), std::string("99999999999999999999"),
                                 std::string("0x10"), std::string("1e3"), std::string(""), std::string("+5"),
                                 std::string(" 5"), std::string("5 "), std::string("2.0"), std::string("-"), big}) {
    std::string message = Parse(bad, 0, 100);
    EXPECT_TRUE(message.starts_with("--n: expected a whole number from 0 to 100, got '")) << bad << ": " << message;
    EXPECT_LT(message.size(), 120u) << "a long value is cut: " << message;
  }
}

}  // namespace
}  // namespace cn
