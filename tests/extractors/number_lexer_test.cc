#include "extractors/number_lexer.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <random>
#include <string>

namespace cn {
namespace {

struct LexCase {
  const char* text;
  QuantityType type;
  double value;
  std::optional<double> high;
  const char* currency;
};

class NumberLexerTest : public ::testing::TestWithParam<LexCase> {};

TEST_P(NumberLexerTest, ExpandsTheFirstQuantity) {
  const LexCase& c = GetParam();
  auto qs = LexQuantities(c.text);
  ASSERT_FALSE(qs.empty()) << c.text;
  EXPECT_EQ(qs[0].type, c.type) << c.text;
  EXPECT_DOUBLE_EQ(qs[0].value, c.value) << c.text;
  EXPECT_EQ(qs[0].value_high, c.high) << c.text;
  EXPECT_EQ(qs[0].currency, c.currency) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Table, NumberLexerTest,
    ::testing::Values(LexCase{"$1.95 billion", QuantityType::kMoney, 1950000000, std::nullopt, "USD"},
                      LexCase{"$1.95B", QuantityType::kMoney, 1950000000, std::nullopt, "USD"},
                      LexCase{"$2BILLION", QuantityType::kMoney, 2000000000, std::nullopt, "USD"},
                      LexCase{"US$5 million", QuantityType::kMoney, 5000000, std::nullopt, "USD"},
                      LexCase{"USD 5m", QuantityType::kMoney, 5000000, std::nullopt, "USD"},
                      LexCase{"5 million dollars", QuantityType::kMoney, 5000000, std::nullopt, "USD"},
                      LexCase{"$63K", QuantityType::kMoney, 63000, std::nullopt, "USD"},
                      LexCase{"\u20ac40M", QuantityType::kMoney, 40000000, std::nullopt, "EUR"},
                      LexCase{"$2.16 trillion", QuantityType::kMoney, 2160000000000, std::nullopt, "USD"},
                      LexCase{"$1.265 trillion", QuantityType::kMoney, 1265000000000, std::nullopt, "USD"},
                      LexCase{"$63,000-$65,000", QuantityType::kMoney, 63000, 65000, "USD"},
                      LexCase{"$63,000 - $65,000", QuantityType::kMoney, 63000, 65000, "USD"},
                      LexCase{"$63-65K", QuantityType::kMoney, 63000, 65000, "USD"},
                      LexCase{"between $63K and $65K", QuantityType::kMoney, 63000, 65000, "USD"},
                      LexCase{"30%", QuantityType::kPercent, 30, std::nullopt, ""},
                      LexCase{"30 percent", QuantityType::kPercent, 30, std::nullopt, ""},
                      LexCase{"2-3%", QuantityType::kPercent, 2, 3, ""},
                      LexCase{"28.4", QuantityType::kPlain, 28.4, std::nullopt, ""}));

TEST(NumberLexerTest, NegativePercentKeepsItsSign) {
  auto qs = LexQuantities("BTC -8% today");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].sign, -1);
  EXPECT_DOUBLE_EQ(qs[0].value, 8);
}

TEST(NumberLexerTest, MarksNoiseThatIsNoFigure) {
  for (const char* text : {"in 2025", "at 10:08 pm", "on the 17th", "version 1.2.3", "a 10x rally",
                           "the 100-day EMA", "the $27,200s", "the low 30s"}) {
    auto qs = LexQuantities(text);
    for (const Quantity& q : qs) EXPECT_TRUE(q.is_noise) << text;
  }
}

// Values are built from the digits without strtod where that is exact; they
// must be the very doubles strtod gives, the long ones included.
TEST(NumberLexerTest, DecimalValuesEqualStrtod) {
  std::mt19937 rng(11);
  for (int n = 0; n < 5000; ++n) {
    std::string digits;
    const int length = 1 + static_cast<int>(rng() % 18);
    for (int i = 0; i < length; ++i) digits.push_back(static_cast<char>('0' + rng() % 10));
    if (digits.size() > 1 && rng() % 2) digits.insert(1 + rng() % (digits.size() - 1), ".");
    if (digits[0] == '0' && digits.size() > 1 && digits[1] != '.') digits[0] = '7';  // no leading zeros
    const std::vector<Quantity> q = LexQuantities(digits + "%");
    ASSERT_EQ(q.size(), 1u) << digits;
    EXPECT_EQ(q[0].value, std::strtod(digits.c_str(), nullptr)) << digits;
  }
}

TEST(NumberLexerTest, NoNumbersNoQuantities) {
  EXPECT_TRUE(LexQuantities("Bitcoin fell sharply on Friday.").empty());
  EXPECT_TRUE(LexQuantities("").empty());
  EXPECT_TRUE(LexQuantities("$ and % alone").empty());
}

}  // namespace
}  // namespace cn
