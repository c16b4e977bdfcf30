// PriceStage rules, one sentence (or a title and a sentence) in, figures out.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/figure_extractor.h"

namespace cn {
namespace {

const FigureExtractor& Extractor() {
  static const FigureExtractor extractor;
  return extractor;
}

std::vector<Figure> Prices(std::string_view text) {
  std::vector<Figure> out;
  for (Figure& f : Extractor().Extract(text))
    if (f.kind == FigureKind::kPrice || f.kind == FigureKind::kPriceRange) out.push_back(std::move(f));
  return out;
}

TEST(PriceStageTest, FromOneLevelToAnotherIsTwoPricesNotAZone) {
  const auto figures = Prices("Litecoin climbed from roughly $71 to $96 over the summer.");
  ASSERT_EQ(figures.size(), 2u);
  EXPECT_EQ(figures[0].kind, FigureKind::kPrice);
  EXPECT_DOUBLE_EQ(figures[0].value, 71);
  EXPECT_EQ(figures[0].text, "$71");
  EXPECT_EQ(figures[0].qualifier, Qualifier::kApprox);
  EXPECT_DOUBLE_EQ(figures[1].value, 96);
  EXPECT_EQ(figures[1].text, "$96");
  for (const Figure& f : figures) EXPECT_EQ(f.asset, "LTC");
  // Without "from" it stays a zone.
  const auto zone = Prices("Litecoin could trade in a $71 to $96 band for weeks.");
  ASSERT_EQ(zone.size(), 1u);
  EXPECT_EQ(zone[0].kind, FigureKind::kPriceRange);
}

TEST(PriceStageTest, ZonesWrittenTopDownOrWithWithinAreRanges) {
  const auto down = Prices("Buyers defend Polkadot between $4.40-$4.10 this week.");
  ASSERT_EQ(down.size(), 1u);
  EXPECT_EQ(down[0].kind, FigureKind::kPriceRange);
  EXPECT_DOUBLE_EQ(down[0].value, 4.10);
  EXPECT_DOUBLE_EQ(*down[0].value_high, 4.40);
  const auto within = Prices("Tezos may stay boxed within $0.61 and $0.70 for now.");
  ASSERT_EQ(within.size(), 1u);
  EXPECT_EQ(within[0].kind, FigureKind::kPriceRange);
  EXPECT_DOUBLE_EQ(within[0].value, 0.61);
}

TEST(PriceStageTest, AStablecoinIsNeverTheCoinOfAPriceAwayFromADollar) {
  const auto figures = Prices("Solana rallied.\nThe USDT pair on one venue printed $212 for a moment.");
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].asset, "SOL");
}

TEST(PriceStageTest, SumsOfMoneyAreNotPrices) {
  EXPECT_TRUE(Prices("Ronin (RON) runs a $40,000 bug bounty for auditors.").empty());
  EXPECT_TRUE(Prices("Ronin (RON) holders can join a $250,000 giveaway this month.").empty());
  EXPECT_TRUE(Prices("A $900 allocation into Ronin (RON) is what the promoter suggests.").empty());
}

}  // namespace
}  // namespace cn
