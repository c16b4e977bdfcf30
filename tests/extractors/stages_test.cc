// Table tests for the extractor stages, through FigureExtractor so each case
// is one sentence in, figures out.
#include <gtest/gtest.h>

#include <string>

#include "extractors/figure_extractor.h"

namespace cn {
namespace {

struct StageCase {
  const char* text;
  const char* kind;       // expected kind of the first figure
  const char* asset;      // "" for null
  double value;
  const char* qualifier;
  const char* direction;  // "" for null
  const char* window;     // "" for null
  const char* extra;      // side, name or metric, whichever the kind has ("" for none)
};

const FigureExtractor& Extractor() {
  static const FigureExtractor extractor;
  return extractor;
}

class StageTest : public ::testing::TestWithParam<StageCase> {};

TEST_P(StageTest, ExtractsTheExpectedFigure) {
  const StageCase& c = GetParam();
  auto figures = Extractor().Extract(c.text);
  ASSERT_FALSE(figures.empty()) << c.text;
  const Figure& f = figures[0];
  EXPECT_EQ(ToString(f.kind), c.kind) << c.text;
  EXPECT_EQ(f.asset, c.asset) << c.text;
  EXPECT_DOUBLE_EQ(f.value, c.value) << c.text;
  EXPECT_EQ(ToString(f.qualifier), c.qualifier) << c.text;
  EXPECT_EQ(ToString(f.direction), c.direction) << c.text;
  EXPECT_EQ(f.window, c.window) << c.text;
  std::string extra = f.kind == FigureKind::kLiquidation ? std::string(ToString(f.side))
                      : f.kind == FigureKind::kIndicator   ? f.name
                      : f.kind == FigureKind::kPercentChange ? f.metric
                                                             : std::string();
  EXPECT_EQ(extra, c.extra) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Liquidation, StageTest,
    ::testing::Values(
        StageCase{"Crypto liquidations reached nearly $2 billion in the past 24 hours.", "liquidation", "",
                  2e9, "approx", "", "PT24H", ""},
        StageCase{"Traders saw $1.7B in long liquidations overnight.", "liquidation", "", 1.7e9, "exact", "",
                  "PT24H", "long"},
        StageCase{"Bitcoin short positions worth more than $80 million were liquidated.", "liquidation",
                  "BTC", 8e7, "over", "", "", "short"}));

INSTANTIATE_TEST_SUITE_P(
    Prices, StageTest,
    ::testing::Values(
        StageCase{"Bitcoin fell to $63,000 on Friday.", "price", "BTC", 63000, "exact", "", "", ""},
        StageCase{"Ether is trading just under $2,900.", "price", "ETH", 2900, "under", "", "", ""},
        StageCase{"Solana faces resistance in the $180-$190 zone.", "price_range", "SOL", 180, "exact", "", "",
                  ""},
        StageCase{"Bitcoin dropped by about $3,000 in an hour.", "price_change", "BTC", 3000, "approx", "down",
                  "PT1H", ""},
        StageCase{"Bitcoin has lost roughly $5,000 since Monday.", "price_change", "BTC", 5000, "approx", "down",
                  "", ""}));

INSTANTIATE_TEST_SUITE_P(
    Attribution, StageTest,
    ::testing::Values(
        // The second clause has its own subject.
        StageCase{"BTC liquidations hit $240 million, while ETH positions lost $130 million.", "liquidation",
                  "BTC", 2.4e8, "exact", "", "", ""},
        // "outperforming Bitcoin" is an object: the subject is the article's topic.
        StageCase{"Ether jumped.\nThe second-largest coin gained 12% this week, outperforming Bitcoin.",
                  "percent_change", "ETH", 12, "exact", "up", "P7D", "price"},
        StageCase{"Ethereum dropped more than Bitcoin, with weekly losses exceeding 30%.", "percent_change", "ETH",
                  30, "over", "down", "P7D", "price"},
        // A short ticker that is also a word counts with a bracketed figure
        // right after it, as market round-ups list them.
        StageCase{"PI (5%) also rallied on the day.", "percent_change", "PI", 5, "exact", "up", "PT24H", "price"},
        // A relative clause hanging off a group word is the group's, not the
        // article's asset (ETH, from the title).
        StageCase{"Ether slides as traders cut risk\nAnalysts warned the rout could spread to memecoins, whose "
                  "prices might drop another 40% if support breaks.",
                  "percent_change", "", 40, "exact", "down", "", "price"},
        // "the altcoin's price" is the coin just named, not altcoins at large.
        StageCase{"Markets steady\nAave (AAVE) drew buyers on Friday. The altcoin's price has climbed 9% over the "
                  "past week.",
                  "percent_change", "AAVE", 9, "exact", "up", "P7D", "price"}));

INSTANTIATE_TEST_SUITE_P(
    Moves, StageTest,
    ::testing::Values(
        StageCase{"Solana is falling over 30% on the week.", "percent_change", "SOL", 30, "over", "down", "P7D",
                  "price"},
        // "that period" points back at a sentence that holds no figure.
        StageCase{"The month under review was rough for traders. Within that period, SOL fell 12%.",
                  "percent_change", "SOL", 12, "exact", "down", "P30D", "price"},
        StageCase{"Bitcoin rose 2% while ether fell 4%.", "percent_change", "BTC", 2, "exact", "up", "",
                  "price"},
        StageCase{"Bitcoin's daily trading volume fell 43.5% in the last day.", "percent_change", "BTC", 43.5,
                  "exact", "down", "PT24H", "volume"},
        StageCase{"The total crypto market cap dropped 3.2% today.", "percent_change", "", 3.2, "exact", "down",
                  "PT24H", "market_cap"}));

INSTANTIATE_TEST_SUITE_P(
    MarketFigures, StageTest,
    ::testing::Values(
        StageCase{"Total crypto market capitalization has fallen to roughly $2.16 trillion.", "market_cap", "",
                  2.16e12, "approx", "", "", ""},
        StageCase{"Spot bitcoin ETFs saw $300M of net outflows on Monday.", "etf_flow", "BTC", 3e8, "exact",
                  "down", "", ""},
        StageCase{"ETH open interest climbed to $12 billion.", "open_interest", "ETH", 1.2e10, "exact", "", "",
                  ""},
        // The metric far from the sentence's subject is still the subject's,
        // not the article's (here Tether's, from the title).
        StageCase{"Tether expands its lineup\nSOL is now one of the most active networks in the industry, with "
                  "roughly $80 billion in market capitalization.",
                  "market_cap", "SOL", 8e10, "approx", "", "", ""}));

INSTANTIATE_TEST_SUITE_P(
    Indicators, StageTest,
    ::testing::Values(
        StageCase{"Bitcoin's RSI stood at 28 on the daily chart.", "indicator", "BTC", 28, "exact", "", "", "rsi"},
        StageCase{"The Fear & Greed Index sank to 21.", "indicator", "", 21, "exact", "", "", "fear_greed"},
        StageCase{"Bitcoin dominance settled at 56%.", "indicator", "BTC", 56, "exact", "", "", "dominance"}));

// Sentences that must yield nothing: the contract's "not figures".
class NoFigureTest : public ::testing::TestWithParam<const char*> {};

TEST_P(NoFigureTest, YieldsNothing) {
  auto figures = Extractor().Extract(GetParam());
  EXPECT_TRUE(figures.empty()) << GetParam() << " gave " << figures.size() << " figure(s), first: "
                               << (figures.empty() ? "" : figures[0].text);
}

INSTANTIATE_TEST_SUITE_P(
    NotFigures, NoFigureTest,
    ::testing::Values("The firm raised $30 million in funding for its Bitcoin wallet.",
                      "A whale moved 11,931 BTC to Coinbase in 2024.",
                      "Bitcoin could drop 2-3% if the Fed disappoints.",
                      "Analysts give a 70% chance of a rate cut in March.",
                      "MicroStrategy shares rose 5% in pre-market trading.",
                      "Bitcoin traded in the mid-$30,000s for most of the week.",
                      "Ether has posted double-digit losses this month.",
                      "Funding rates stayed near 0.01% on Binance.",
                      "The network processed 1.2 million transactions on March 3, 2025.",
                      // The second clause goes on about the stock, not a coin.
                      "Bitcoin miners reported.\nShares of the miner slipped 3% this week but have climbed 85% since January.",
                      ""));

TEST(FigureExtractorTest, EvidenceIsTheSliceOfTheTextAsGiven) {
  std::string text = "Bitcoin\u00a0slid 5\u2009% to \u201c$63,000\u201d \u2014 then ether fell 4%.";
  auto figures = Extractor().Extract(text);
  ASSERT_GE(figures.size(), 2u);
  // Offsets are code points: recompute the slice independently.
  std::u32string cps;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = text[i];
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    cps.push_back(c);  // only positions matter
    i += n;
  }
  for (const Figure& f : figures) {
    EXPECT_LE(f.end, static_cast<int64_t>(cps.size()));
    EXPECT_FALSE(f.text.empty());
    EXPECT_NE(text.find(f.text), std::string::npos) << f.text;
  }
}

}  // namespace
}  // namespace cn

namespace cn {
namespace {

TEST(FigureExtractorTest, EachClauseKeepsItsOwnAsset) {
  auto figures = Extractor().Extract("BTC liquidations hit $240 million, while ETH positions lost $130 million.");
  ASSERT_EQ(figures.size(), 2u);
  EXPECT_EQ(figures[0].asset, "BTC");
  EXPECT_EQ(figures[1].asset, "ETH");
  EXPECT_EQ(figures[1].kind, FigureKind::kLiquidation);
}

TEST(FigureExtractorTest, ATotalKeepsNoSideWhenALaterClauseNamesLongs) {
  auto figures = Extractor().Extract("Liquidations totaled $420 million, with longs making up $355 million.");
  ASSERT_EQ(figures.size(), 2u);
  EXPECT_EQ(figures[0].side, Side::kNone);
  EXPECT_EQ(figures[1].side, Side::kLong);
}

TEST(FigureExtractorTest, CoordinatedSubjectsEachGetTheMove) {
  auto figures = Extractor().Extract("ETH is down by over 1%, and so are BNB and XRP.");
  ASSERT_EQ(figures.size(), 3u);
  EXPECT_EQ(figures[0].asset, "ETH");
  EXPECT_EQ(figures[1].asset, "BNB");
  EXPECT_EQ(figures[2].asset, "XRP");
  for (const Figure& f : figures) EXPECT_EQ(f.direction, Direction::kDown);
}

TEST(FigureExtractorTest, RespectivelyPairsNumbersWithSubjectsInOrder) {
  auto figures = Extractor().Extract("Chainlink (LINK) and Avalanche (AVAX) rose 7.5% and 6.1% respectively.");
  ASSERT_EQ(figures.size(), 2u);
  EXPECT_EQ(figures[0].asset, "LINK");
  EXPECT_EQ(figures[1].asset, "AVAX");
}

}  // namespace
}  // namespace cn

namespace cn {
namespace {

int CountKind(const std::vector<Figure>& figures, FigureKind kind) {
  int n = 0;
  for (const Figure& f : figures) n += f.kind == kind;
  return n;
}

// "between <level> at $X and <level> at $Y": a zone as well as two levels.
TEST(PriceZoneTest, LevelsNamedApartAfterBetweenBoundAZone) {
  const std::vector<Figure> figures =
      Extractor().Extract("ETH ranged between a low of $3,050 and a high of $3,240 this week.");
  ASSERT_EQ(figures.size(), 3u);
  EXPECT_EQ(CountKind(figures, FigureKind::kPrice), 2);
  const Figure& zone = figures[1];
  EXPECT_EQ(zone.kind, FigureKind::kPriceRange);
  EXPECT_EQ(zone.asset, "ETH");
  EXPECT_DOUBLE_EQ(zone.value, 3050);
  EXPECT_DOUBLE_EQ(*zone.value_high, 3240);
  EXPECT_EQ(zone.text, "$3,050 and a high of $3,240");
}

TEST(PriceZoneTest, NoZoneAcrossAssetsOrFarApartAmounts) {
  EXPECT_EQ(CountKind(Extractor().Extract("The gap between Bitcoin at $63,000 and ether at $3,100 widened."),
                      FigureKind::kPriceRange),
            0);
  EXPECT_EQ(CountKind(Extractor().Extract("BTC moved between a low of $20,000 and a peak of $69,000 that year."),
                      FigureKind::kPriceRange),
            0);
  EXPECT_EQ(CountKind(Extractor().Extract("BTC traded at $63,000 and $64,000 on two exchanges."),
                      FigureKind::kPriceRange),
            0);
}

}  // namespace
}  // namespace cn

namespace cn {
namespace {

TEST(WindowAttributionTest, AWindowRightAfterANumberIsItsOwn) {
  auto figures = Extractor().Extract("Bitcoin has slid 2.5% in the last 24 hours and 6.1% in the past week.");
  ASSERT_EQ(figures.size(), 2u);
  EXPECT_EQ(figures[0].window, "PT24H");
  EXPECT_EQ(figures[1].window, "P7D");
  figures = Extractor().Extract("Solana posted a 3% drop over the last day and an overall 11% slide over the past two weeks.");
  ASSERT_EQ(figures.size(), 2u);
  EXPECT_EQ(figures[0].window, "PT24H");
  EXPECT_EQ(figures[1].window, "P14D");
}

TEST(WindowAttributionTest, ASentenceWithoutWindowGoesOnWithTheSpanBeforeIt) {
  auto figures = Extractor().Extract(
      "Cardano network data\nThe picture over a seven-day window is grim. For instance, active wallets fell 12%.");
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].window, "P7D");
}

// What the number's own phrase measures decides, not the article's topic.
TEST(MeasuredThingTest, NetworkQuantitiesMoveWithMetricOther) {
  const char* texts[] = {
      "Solana network report\nNew addresses on Solana have fallen by 15% this week.",
      "Solana network report\nSolana saw a 13% decline in network activity this month.",
      "Bitcoin miners\nBitcoin's hashrate rose 10% after the upgrade.",
  };
  for (const char* text : texts) {
    auto figures = Extractor().Extract(text);
    ASSERT_EQ(figures.size(), 1u) << text;
    EXPECT_EQ(figures[0].kind, FigureKind::kPercentChange) << text;
    EXPECT_EQ(figures[0].metric, "other") << text;
    EXPECT_FALSE(figures[0].asset.empty()) << text;
  }
}

TEST(MeasuredThingTest, CompanyBooksFiatAndStocksAreNoFigures) {
  for (const char* text : {"Bitcoin miner update\nThe company's monthly output rose 27% from a year earlier.",
                           "Bitcoin and the peso\nThe peso closed at a record low, down 1.7% on the day.",
                           "Bitcoin treasury firm\nThe firm increased its Bitcoin holdings by 11% in the quarter.",
                           "Bitcoin treasury firm\nMSTR traded near $310, down 4.2% after the results.",
                           "Ethereum upgrade\nThe upgrade should cut fees by 40% for rollups."}) {
    auto figures = Extractor().Extract(text);
    EXPECT_TRUE(figures.empty()) << text << " gave " << (figures.empty() ? "" : figures[0].text);
  }
}

TEST(MeasuredThingTest, NamesOfLevelsAndTermsAreNotMoves) {
  for (const char* text : {"BNB could then target the 61.8% Fibonacci level.",
                           "Loans keep a 70% LTV with a ~80% barrier.",
                           "Ether's share of the market is down from 21% in 2021."}) {
    auto figures = Extractor().Extract(text);
    EXPECT_TRUE(figures.empty()) << text << " gave " << (figures.empty() ? "" : figures[0].text);
  }
}

}  // namespace
}  // namespace cn

namespace cn {
namespace {

// The kind comes from the words bound to the number, not the sentence's topic.
TEST(BoundWordsTest, TheNounAfterAnAmountDecides) {
  EXPECT_TRUE(Extractor().Extract("The exchange, the largest by trading volume, paid a $3.1 million fine.").empty());
  const auto level = Extractor().Extract("Bitcoin bulls watch $98,400 as a key liquidation level this week.");
  ASSERT_EQ(level.size(), 1u);
  EXPECT_EQ(level[0].kind, FigureKind::kPrice);
  EXPECT_EQ(level[0].role, PriceRole::kLevel);
  const auto small = Extractor().Extract("Over $40,000 in Cardano short positions were liquidated overnight.");
  ASSERT_EQ(small.size(), 1u);
  EXPECT_EQ(small[0].kind, FigureKind::kLiquidation);
  EXPECT_EQ(small[0].asset, "ADA");
  EXPECT_EQ(small[0].side, Side::kShort);
}

TEST(BoundWordsTest, APriceNearAMetricWordStaysAPrice) {
  const auto figures = Extractor().Extract("Spot ETF demand pushed Bitcoin toward the $131,000 resistance.");
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].kind, FigureKind::kPrice);
  EXPECT_EQ(figures[0].role, PriceRole::kTarget);
}

// "beneath" is one letter longer than "above" and "below": the look-back
// before the amount once missed it, and the level became a liquidation.
TEST(BoundWordsTest, ASmallAmountPlacedBeneathIsAPriceLikeOneBelow) {
  for (const char* text : {"Heatmaps show long liquidations sitting beneath $88,500 on Bitcoin.",
                           "The open interest in Ether options is stacked beneath $3,400 this week."}) {
    const auto figures = Extractor().Extract(text);
    ASSERT_EQ(figures.size(), 1u) << text;
    EXPECT_EQ(figures[0].kind, FigureKind::kPrice) << text;
    EXPECT_EQ(figures[0].qualifier, Qualifier::kUnder) << text;
  }
}

TEST(AttributionTest, ARelativeClauseIsAboutTheCoinBeforeItsComma) {
  const auto figures = Extractor().Extract("Dogecoin drifted after Bitcoin, which slid to a low of $91,200 on Friday.");
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].asset, "BTC");
}

TEST(AttributionTest, CoinsAListOpensWithUnlikeAreNotTheSubject) {
  const auto figures = Extractor().Extract(
      "Presale report\nUnlike Solana and Cardano, Orbitrail Network (ORBX) has no exchange listing yet. Stage 9 "
      "sells at $0.018.");
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].asset, "ORBX");
}

TEST(AttributionTest, ACoinNamedAfterAnAmountNeedsATie) {
  auto figures = Extractor().Extract("Bitcoin update\nThe exchange logged $52 million in volume, led by SOL/EUR orders.");
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].kind, FigureKind::kVolume);
  EXPECT_NE(figures[0].asset, "SOL");
  figures = Extractor().Extract("Traders saw $48 million in XRP liquidations.");
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].asset, "XRP");  // demo error: was stored with asset null
}

TEST(PlausibilityTest, SumsFarFromACoinsPriceAreDropped) {
  const auto figures = Extractor().Extract(
      "Orbitrail Network (ORBX) presale\nORBX sells at a presale price of $0.012. A $400 allocation into ORBX grows "
      "to $26,000 if the $0.80 target is hit.");
  std::vector<double> values;
  for (const Figure& f : figures)
    if (f.kind == FigureKind::kPrice) values.push_back(f.value);
  EXPECT_EQ(values, (std::vector<double>{0.012, 0.80}));
}

TEST(IndicatorTest, AThresholdIsNoReading) {
  EXPECT_TRUE(Extractor().Extract("Dogecoin watch\nAn RSI below 35 indicates an oversold coin.").empty());
  EXPECT_EQ(Extractor().Extract("Dogecoin watch\nThe RSI at 41.2 signals fading momentum.").size(), 1u);
}

}  // namespace
}  // namespace cn

namespace cn {
namespace {

// Lists and data-table lines: each item is a fact of its own.
TEST(ListTest, ItemsUnderAHeaderTakeItsMetric) {
  const auto figures = Extractor().Extract(
      "Trending coins\nThe five coins and their market capitalization on one tracker: Solana (SOL) - $71.2 billion "
      "Orbitrail Network (ORBX) - $18.4 million Cardano (ADA) - $21.9 billion");
  ASSERT_EQ(figures.size(), 3u);
  const char* assets[] = {"SOL", "ORBX", "ADA"};
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(figures[i].kind, FigureKind::kMarketCap);
    EXPECT_EQ(figures[i].asset, assets[i]);
  }
}

TEST(ListTest, CoordinatedCoinsShareAMove) {
  const auto figures = Extractor().Extract("Elsewhere, MNT, CRO, KAS and OKB gained around 2%.");
  std::vector<std::string> assets;
  for (const Figure& f : figures) assets.push_back(f.asset);
  EXPECT_EQ(assets, (std::vector<std::string>{"MNT", "CRO", "KAS", "OKB"}));
}

TEST(QualifierTest, HedgesAfterTheNumberAndLevelActions) {
  auto figures = Extractor().Extract("Analysts now call for $2,400 or higher in Ether.");
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].qualifier, Qualifier::kOver);
  figures = Extractor().Extract("A weekly close below $58,000 would hurt Bitcoin bulls.");
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].qualifier, Qualifier::kExact);  // a level moved against, not where the price is
  figures = Extractor().Extract("Bitcoin is trading above $61,000.");
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].qualifier, Qualifier::kOver);
}

TEST(MarketWideTest, AnExchangesOwnVolumeIsTheMarkets) {
  const auto figures = Extractor().Extract(
      "Bitcoin news\nThe exchange reported a 24-hour trading volume of $61 million, driven by BTC/JPY orders.");
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].kind, FigureKind::kVolume);
  EXPECT_EQ(figures[0].asset, "");
}

TEST(AttributionTest, InitialsOfCommonWordsAreATermNotACoin) {
  const auto figures = Extractor().Extract(
      "Presales\nThe $GLIM token targets the augmented reality (AR) market. Its presale price is $0.004.");
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].asset, "GLIM");
}

}  // namespace
}  // namespace cn

namespace cn {
namespace {

// The errors a new user saw in the demo database (issue 11, item 8), each in
// a sentence of our own.
TEST(DemoErrorsTest, ALevelOfTheParagraphsCoinIsItsPrice) {
  const auto figures = Extractor().Extract(
      "Ether lags\nBitcoin bulls defend the range. Traders see the $85,000 level as the next area of support.");
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].kind, FigureKind::kPrice);
  EXPECT_EQ(figures[0].asset, "BTC");
  EXPECT_EQ(figures[0].role, PriceRole::kLevel);
}

TEST(DemoErrorsTest, ACoinNamedInsideTheLiquidationPhraseIsItsAsset) {
  const auto figures =
      Extractor().Extract("Crypto market wrap\nExchanges booked $48 million in XRP liquidations overnight.");
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].kind, FigureKind::kLiquidation);
  EXPECT_EQ(figures[0].asset, "XRP");
  // Another coin later in the clause does not make the amount market-wide.
  const auto with_other = Extractor().Extract(
      "XRP squeeze\nShort traders lost $48 million in XRP liquidations during the day, more than on any coin except "
      "ether.");
  ASSERT_EQ(with_other.size(), 1u);
  EXPECT_EQ(with_other[0].kind, FigureKind::kLiquidation);
  EXPECT_EQ(with_other[0].asset, "XRP");
  EXPECT_EQ(with_other[0].side, Side::kShort);
}

TEST(DemoErrorsTest, AHashrateMoveIsNoPriceMove) {
  const auto figures = Extractor().Extract("Litecoin miners\nLitecoin's hashrate rose 10% over the week.");
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].kind, FigureKind::kPercentChange);
  EXPECT_EQ(figures[0].metric, "other");
}

TEST(DemoErrorsTest, ACrossPairIsNoMoveOfEitherCoin) {
  EXPECT_TRUE(Extractor().Extract("Bitcoin leads\nETH/BTC fell 3% on the day.").empty());
  // The coin's own move in the same text still is one.
  const auto figures = Extractor().Extract("Bitcoin leads\nBitcoin rose 2% while ETH/BTC fell 3% on the day.");
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].asset, "BTC");
  EXPECT_DOUBLE_EQ(figures[0].value, 2);
}

TEST(DemoErrorsTest, LongsLosingAnAmountIsALiquidation) {
  const auto figures = Extractor().Extract("Longs lost $1.1 billion.");
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].kind, FigureKind::kLiquidation);
  EXPECT_EQ(figures[0].side, Side::kLong);
}

TEST(DemoErrorsTest, PairedNumbersGoToPairedCoins) {
  const auto figures = Extractor().Extract("ETHFI and CAKE rose 15% and 25%.");
  ASSERT_EQ(figures.size(), 2u);
  EXPECT_EQ(figures[0].asset, "ETHFI");
  EXPECT_DOUBLE_EQ(figures[0].value, 15);
  EXPECT_EQ(figures[1].asset, "CAKE");
  EXPECT_DOUBLE_EQ(figures[1].value, 25);
}

TEST(DemoErrorsTest, AComparisonGivesNoWindow) {
  auto figures = Extractor().Extract("XRP surged 9% on Saturday, its highest level in a month.");
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].window, "");
  figures = Extractor().Extract("Solana trading volume hit $7.9 billion, nearly double its weekly average.");
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].kind, FigureKind::kVolume);
  EXPECT_EQ(figures[0].window, "");
}

}  // namespace
}  // namespace cn
