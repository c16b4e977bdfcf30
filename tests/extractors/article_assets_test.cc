// ArticleAssets: what an article teaches about its own assets, from
// sentences written for these tests.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/article_assets.h"

namespace cn {
namespace {

std::vector<std::string> TickersOf(const ArticleAssets& table) {
  std::vector<std::string> out;
  for (const ArticleAsset& a : table.assets()) out.push_back(a.ticker);
  return out;
}

bool Has(const ArticleAssets& table, std::string_view ticker) { return table.Find(ticker) != nullptr; }

TEST(ArticleAssetsTest, NameBeforeABracketedTickerTeachesBothAndLaterMentionsOfEither) {
  const ArticleAssets table = ArticleAssets::Learn(
      "Presale watch\nInvestors keep buying Orbitrail Network (ORBX) this week. Orbitrail Network sold out its "
      "third round, and ORBX holders now number 9,000.");
  const ArticleAsset* orbx = table.Find("ORBX");
  ASSERT_NE(orbx, nullptr);
  EXPECT_EQ(orbx->name, "Orbitrail Network");
  EXPECT_EQ(orbx->evidence, AssetEvidence::kNamedTicker);
  EXPECT_FALSE(orbx->in_title);
  // "Orbitrail Network (ORBX)", "Orbitrail Network", "ORBX".
  EXPECT_EQ(orbx->mentions, 4);
  for (const AssetMention& m : table.mentions()) EXPECT_EQ(m.ticker, "ORBX");
}

TEST(ArticleAssetsTest, CashtagsTokenWordsAndStablecoinPairsTeachTickers) {
  const ArticleAssets table = ArticleAssets::Learn(
      "Small caps\nTraders piled into $KLOP after the listing. The VRNT token doubled, and QZAR/USDT "
      "opened on two exchanges.");
  EXPECT_EQ(table.Find("KLOP")->evidence, AssetEvidence::kCashtag);
  EXPECT_EQ(table.Find("VRNT")->evidence, AssetEvidence::kTokenWord);
  EXPECT_EQ(table.Find("QZAR")->evidence, AssetEvidence::kStablePair);
}

TEST(ArticleAssetsTest, TitleTickerCountsWhenTheBodyUsesItToo) {
  const ArticleAssets with_body = ArticleAssets::Learn("Why DRIFTO Could Triple\nAnalysts say DRIFTO has room to run.");
  ASSERT_TRUE(Has(with_body, "DRIFTO"));
  EXPECT_EQ(with_body.Find("DRIFTO")->evidence, AssetEvidence::kTitle);
  EXPECT_TRUE(with_body.Find("DRIFTO")->in_title);
  EXPECT_EQ(with_body.main_asset(), "DRIFTO");
  // Used in the title only: no evidence that it is a ticker.
  EXPECT_FALSE(Has(ArticleAssets::Learn("Why DRIFTO Could Triple\nAnalysts see room to run."), "DRIFTO"));
}

TEST(ArticleAssetsTest, RepeatedNameInCapitalsNextToTokenWordsBecomesItsOwnTicker) {
  const ArticleAssets table = ArticleAssets::Learn(
      "Presales to watch\nSTARLOOM FINANCE presale enters its last stage. Buyers say STARLOOM FINANCE is "
      "undervalued.");
  const ArticleAsset* asset = table.Find("STARLOOMFINANCE");
  ASSERT_NE(asset, nullptr);
  EXPECT_EQ(asset->evidence, AssetEvidence::kCapitalisedName);
  EXPECT_EQ(asset->mentions, 2);
  // Said once, it stays unknown.
  EXPECT_FALSE(Has(ArticleAssets::Learn("News\nSTARLOOM FINANCE presale opens."), "STARLOOMFINANCE"));
}

TEST(ArticleAssetsTest, InitialismsAndCommonAbbreviationsAreNotTickers) {
  const ArticleAssets table = ArticleAssets::Learn(
      "Regulator acts\nThe Office of Digital Market Supervision (ODMS) fined an exchange. ODMS said the CEO "
      "agreed. Kerlan Bank's Chief Legal Officer (CLO) spoke to the Payments Oversight Board (POB).");
  EXPECT_FALSE(Has(table, "ODMS"));
  EXPECT_FALSE(Has(table, "CLO"));
  EXPECT_FALSE(Has(table, "POB"));
  EXPECT_FALSE(Has(table, "CEO"));
  EXPECT_TRUE(table.assets().empty()) << TickersOf(table).size();
}

TEST(ArticleAssetsTest, LexiconAssetsAreFoundAndTheTitleNamesTheMainOne) {
  const ArticleAssets table =
      ArticleAssets::Learn("Ether steadies near support\nBitcoin slipped while ETH held its range.");
  EXPECT_EQ(table.main_asset(), "ETH");
  EXPECT_EQ(TickersOf(table), (std::vector<std::string>{"ETH", "BTC"}));
  EXPECT_EQ(table.Find("BTC")->evidence, AssetEvidence::kLexicon);
  EXPECT_EQ(table.MentionsIn(table.title_end(), 1000).size(), 2u);
}

TEST(ArticleAssetsTest, PairsMarkTheirQuoteAndCrossRatios) {
  const ArticleAssets table = ArticleAssets::Learn("Pairs\nETH/BTC slid while SOL/USDT climbed.");
  ASSERT_EQ(table.mentions().size(), 4u);
  EXPECT_EQ(table.mentions()[0].role, MentionRole::kCrossPair);  // ETH of ETH/BTC
  EXPECT_EQ(table.mentions()[1].role, MentionRole::kPairQuote);  // BTC of ETH/BTC
  EXPECT_EQ(table.mentions()[2].role, MentionRole::kSubject);    // SOL of SOL/USDT
  EXPECT_EQ(table.mentions()[3].role, MentionRole::kPairQuote);  // USDT
}

TEST(ArticleAssetsTest, MentionSpansAreTheWordsInTheText) {
  const std::string text = "Flows\nThe $KLOP rally met Solana (SOL) sellers.";
  const ArticleAssets table = ArticleAssets::Learn(text);
  std::vector<std::string> spans;
  for (const AssetMention& m : table.mentions()) spans.push_back(text.substr(m.begin, m.end - m.begin));
  EXPECT_EQ(spans, (std::vector<std::string>{"$KLOP", "Solana", "SOL"}));
}

}  // namespace
}  // namespace cn
