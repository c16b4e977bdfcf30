// Which assets a sentence speaks about, and which part of it speaks of each
// (extractors/sentiment_assets.h). Sentences written for these tests.
#include "extractors/sentiment_assets.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/article_assets.h"

namespace cn {
namespace {

// The mentions of one sentence (relative to it), as the article's asset
// table finds them with the sentence as the body of an article.
std::vector<AssetMention> MentionsOf(const std::string& sentence) {
  const std::string headline = "Headline\n";
  std::vector<AssetMention> mentions;
  const ArticleAssets table = ArticleAssets::Learn(headline + sentence);
  for (AssetMention m : table.mentions()) {
    if (m.begin < headline.size()) continue;
    m.begin -= headline.size();
    m.end -= headline.size();
    mentions.push_back(m);
  }
  return mentions;
}

std::vector<SentenceAsset> Assets(const std::string& sentence) { return AssetsOfSentence(sentence, MentionsOf(sentence)); }

std::string Part(const std::string& sentence, const SentenceAsset& a) {
  return sentence.substr(a.part.begin, a.part.end - a.part.begin);
}

TEST(SentenceAssetsTest, EachGroupGetsItsOwnClause) {
  const std::string s = "Bitcoin rose 3%, while Ether and Solana fell 2%.";
  std::vector<SentenceAsset> assets = Assets(s);
  ASSERT_EQ(assets.size(), 3u);
  EXPECT_EQ(assets[0].ticker, "BTC");
  EXPECT_EQ(Part(s, assets[0]), "Bitcoin rose 3%,");
  EXPECT_EQ(assets[1].ticker, "ETH");
  EXPECT_EQ(Part(s, assets[1]), "Ether and Solana fell 2%.");  // the joining "while" is not its own word
  EXPECT_EQ(assets[2].ticker, "SOL");
  EXPECT_EQ(Part(s, assets[2]), Part(s, assets[1]));
  EXPECT_TRUE(assets[1].turns);
  EXPECT_FALSE(assets[0].alone);
}

TEST(SentenceAssetsTest, NamesWithTickersInBracketsAreOneGroup) {
  const std::string s = "Avalanche (AVAX), Litecoin (LTC), and Polkadot (DOT) posted modest gains.";
  std::vector<SentenceAsset> assets = Assets(s);
  ASSERT_EQ(assets.size(), 3u);
  for (const SentenceAsset& a : assets) {
    EXPECT_TRUE(a.alone) << a.ticker;
    EXPECT_TRUE(a.subject) << a.ticker;
    EXPECT_EQ(Part(s, a), s) << a.ticker;
  }
}

TEST(SentenceAssetsTest, AssetInAnotherAssetsClauseIsNamedInPassing) {
  const std::string s = "Solana climbed faster than Ether on the day.";
  std::vector<SentenceAsset> assets = Assets(s);
  ASSERT_EQ(assets.size(), 2u);
  EXPECT_TRUE(assets[0].subject);
  EXPECT_FALSE(assets[1].subject);
  EXPECT_EQ(Part(s, assets[1]), Part(s, assets[0]));
}

TEST(SentenceAssetsTest, TheClauseOfALoneAssetStartsAtItsBreak) {
  const std::string s = "Gains for the smaller tokens, Bitcoin struggles at $63K.";
  std::vector<SentenceAsset> assets = Assets(s);
  ASSERT_EQ(assets.size(), 1u);
  EXPECT_EQ(Part(s, assets[0]), "Bitcoin struggles at $63K.");
}

TEST(SentenceAssetsTest, QuoteOfAPairIsNoMention) {
  const std::string s = "Traders bought the SOL/USDT pair heavily on the day.";
  std::vector<SentenceAsset> assets = Assets(s);
  ASSERT_EQ(assets.size(), 1u);
  EXPECT_EQ(assets[0].ticker, "SOL");
}

TEST(SentenceAssetsTest, BareListsAndCaptionsSayNothing) {
  for (const std::string s : {"Tags: Bitcoin, Ethereum, XRP", "Bitcoin, Ether and Solana", "Bitcoin, Ether.",
                              "BTC/USD daily chart. Source: TradingView"})
    EXPECT_TRUE(IsBareList(s, MentionsOf(s))) << s;
  for (const std::string s : {"Bitcoin and Ether both gained ground.", "XRP fell."})
    EXPECT_FALSE(IsBareList(s, MentionsOf(s))) << s;
}

TEST(SentenceAssetsTest, LinkLinesAreRecognised) {
  EXPECT_TRUE(IsLinkLine("Related: Bitcoin crashes as panic grips the market"));
  EXPECT_TRUE(IsLinkLine("Read more: Ether ETFs see record inflows"));
  EXPECT_TRUE(IsLinkLine("The post Bitcoin holds steady appeared first on Example News."));
  EXPECT_FALSE(IsLinkLine("The post-halving rally appeared to stall on Monday."));
  EXPECT_FALSE(IsLinkLine("Bitcoin rose 3% on Monday."));
}

}  // namespace
}  // namespace cn
