// Price roles (price_role.h): one sentence of our own per case, the role of
// its last price.
#include <gtest/gtest.h>

#include <string>

#include "extractors/figure_extractor.h"

namespace cn {
namespace {

struct RoleCase {
  const char* text;
  const char* role;
};

class PriceRoleTest : public ::testing::TestWithParam<RoleCase> {};

TEST_P(PriceRoleTest, GivesTheRoleOfItsWords) {
  static const FigureExtractor extractor;
  const RoleCase& c = GetParam();
  const auto figures = extractor.Extract(c.text);
  ASSERT_FALSE(figures.empty()) << c.text;
  EXPECT_EQ(ToString(figures.back().role), c.role) << c.text;  // the last price is the one meant
}

INSTANTIATE_TEST_SUITE_P(
    Current, PriceRoleTest,
    ::testing::Values(RoleCase{"At press time, Litecoin is trading at $84.20.", "current"},
                      RoleCase{"Litecoin slips to $81 as sellers return.", "current"},
                      RoleCase{"Litecoin hovers near $83 after a quiet week.", "current"},
                      RoleCase{"Orbitrail Network (ORBX) sells at a presale price of $0.021 in the current round.",
                               "current"},
                      RoleCase{"Litecoin touched $90 before pulling back to about $86.", "current"}));

INSTANTIATE_TEST_SUITE_P(
    Level, PriceRoleTest,
    ::testing::Values(RoleCase{"Litecoin found support at $78 on the daily chart.", "level"},
                      RoleCase{"Litecoin buyers defend the $78 support for now.", "level"},
                      RoleCase{"Litecoin sits above its 200-day EMA at $76.40.", "level"},
                      RoleCase{"A daily close above $95 would confirm the breakout for Litecoin.", "level"},
                      RoleCase{"Bulls may struggle if Litecoin were to slide below $70.", "level"}));

INSTANTIATE_TEST_SUITE_P(
    Target, PriceRoleTest,
    ::testing::Values(RoleCase{"Analysts think Litecoin could climb toward $120 by year-end.", "target"},
                      RoleCase{"One trader eyes $150 for Litecoin.", "target"},
                      RoleCase{"Litecoin might fall to $64 if the support gives way.", "target"},
                      RoleCase{"A deeper pullback could drag Litecoin toward the support at $66.", "target"},
                      RoleCase{"The desk set a $140 price target on Litecoin.", "target"}));

INSTANTIATE_TEST_SUITE_P(
    Past, PriceRoleTest,
    ::testing::Values(RoleCase{"Litecoin remains far below its all-time high of $410.", "past"},
                      RoleCase{"The fund bought its Litecoin at an average price of $71 per coin.", "past"},
                      RoleCase{"Litecoin had jumped to $97 on Monday before the selloff.", "past"},
                      RoleCase{"Litecoin's rebound from the $60 level has been steady.", "past"},
                      RoleCase{"Litecoin printed a new all-time high of $440 today.", "current"}));

}  // namespace
}  // namespace cn
