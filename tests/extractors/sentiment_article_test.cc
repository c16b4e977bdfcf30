// Article and per-asset sentiment (extractors/sentiment_article.h): each
// mechanism of the pool pinned on short articles written for these tests.
#include "extractors/sentiment_article.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "extractors/figure_extractor.h"
#include "extractors/sentiment.h"

namespace cn {
namespace {

constexpr SentimentLabel kPos = SentimentLabel::kPositive;
constexpr SentimentLabel kNeg = SentimentLabel::kNegative;
constexpr SentimentLabel kNeu = SentimentLabel::kNeutral;

const SentimentAnalyzer& Analyzer() {
  static const SentimentAnalyzer analyzer;
  return analyzer;
}

// The article as the CLI scores it: figures extracted, first line the headline.
ArticleSentiment Score(const std::string& text) {
  static const FigureExtractor extractor;
  std::vector<Figure> figures = extractor.Extract(text);
  return Analyzer().ScoreArticle(ArticleInput{{}, text, figures});
}

const AssetSentiment* Asset(const ArticleSentiment& a, const std::string& ticker) {
  auto it = std::find_if(a.assets.begin(), a.assets.end(), [&](const AssetSentiment& s) { return s.asset == ticker; });
  return it == a.assets.end() ? nullptr : &*it;
}

std::string Labels(const ArticleSentiment& a) {
  std::string out = std::string(ToString(a.label)) + " " + std::to_string(a.score) + ":";
  for (const AssetSentiment& s : a.assets) out += " " + s.asset + "=" + std::string(ToString(s.label));
  return out;
}

// The same sentences weigh more as the headline than deep in the body.
TEST(ArticleSentimentTest, HeadlineWeighsMoreThanTheSameSentenceInTheBody) {
  const std::string headline = "Bitcoin slumps to a three-month low as sellers take control";
  const std::string body =
      "Traders moved funds between exchanges during the session.\n"
      "Order books on the largest venues looked thin.\n"
      "Spot market makers said activity was brisk.\n"
      "Bitcoin futures premiums edged higher on one venue.\n";
  ArticleSentiment on_top = Score(headline + "\n\n" + body);
  ArticleSentiment below = Score("Market notes for Tuesday\n\n" + body + headline + ".\n");
  EXPECT_LT(on_top.score, below.score) << Labels(on_top) << " / " << Labels(below);
  EXPECT_EQ(on_top.label, kNeg) << Labels(on_top);
  const AssetSentiment* btc = Asset(on_top, "BTC");
  ASSERT_NE(btc, nullptr);
  ASSERT_FALSE(btc->evidence.empty());
  EXPECT_EQ(btc->evidence.front().place, EvidencePlace::kHeadline);
  EXPECT_EQ(btc->label, kNeg);
}

// A title given apart from the text is the headline; its evidence points into it.
TEST(ArticleSentimentTest, TitleGivenApartIsTheHeadlineWithItsOwnOffsets) {
  const std::string title = "Ether rallies as buyers return";
  const std::string text = "Ether changed hands on every large venue.\nVolumes were in line with the month.\n";
  ArticleSentiment a = Analyzer().ScoreArticle(ArticleInput{title, text, {}});
  const AssetSentiment* eth = Asset(a, "ETH");
  ASSERT_NE(eth, nullptr) << Labels(a);
  ASSERT_FALSE(eth->evidence.empty());
  const SentimentEvidence& top = eth->evidence.front();
  EXPECT_TRUE(top.in_title);
  EXPECT_EQ(top.place, EvidencePlace::kHeadline);
  EXPECT_EQ(title.substr(top.start, top.end - top.start), top.text);
  EXPECT_EQ(eth->label, kPos);
}

// A move with a direction is evidence even where the words are plain.
TEST(ArticleSentimentTest, FigureWithADirectionIsEvidence) {
  const std::string text =
      "Weekly market notes\n\n"
      "Bitcoin traded at $61,000 on Tuesday after it fell 6% over the week.\n"
      "Traders watched the order books.\n";
  static const FigureExtractor extractor;
  std::vector<Figure> figures = extractor.Extract(text);
  ArticleSentiment with = Analyzer().ScoreArticle(ArticleInput{{}, text, figures});
  ArticleSentiment without = Analyzer().ScoreArticle(ArticleInput{{}, text, {}});
  const AssetSentiment* btc = Asset(with, "BTC");
  const AssetSentiment* btc_alone = Asset(without, "BTC");
  ASSERT_NE(btc, nullptr);
  ASSERT_NE(btc_alone, nullptr);
  EXPECT_LT(btc->score, btc_alone->score);
  EXPECT_EQ(btc->label, kNeg) << Labels(with);
  bool figure_listed = false;
  for (const SentimentEvidence& e : btc->evidence)
    if (e.kind == SentimentEvidence::Kind::kFigure) {
      figure_listed = true;
      EXPECT_LT(e.score, 0);
      EXPECT_EQ(text.substr(e.start, e.end - e.start), e.text);
    }
  EXPECT_TRUE(figure_listed);
}

// Hand-made figures: short liquidations and inflows are good news, long
// liquidations bad; a figure without a direction (a price level) says nothing.
TEST(ArticleSentimentTest, FigureSignsFollowWhatTheyReport) {
  const std::string text = "Desk notes\n\nSolana saw heavy activity on derivatives venues today.\n";
  const size_t at = text.find("Solana");
  auto figure = [&](FigureKind kind, Direction direction, Side side) {
    Figure f;
    f.kind = kind;
    f.asset = "SOL";
    f.direction = direction;
    f.side = side;
    f.start = static_cast<int64_t>(at);
    f.end = static_cast<int64_t>(at + 6);
    f.text = "Solana";
    return f;
  };
  struct Case {
    Figure figure;
    int sign;
  };
  for (const Case& c : std::vector<Case>{
           {figure(FigureKind::kLiquidation, Direction::kNone, Side::kShort), 1},
           {figure(FigureKind::kLiquidation, Direction::kNone, Side::kLong), -1},
           {figure(FigureKind::kEtfFlow, Direction::kUp, Side::kNone), 1},
           {figure(FigureKind::kPercentChange, Direction::kDown, Side::kNone), -1},
           {figure(FigureKind::kPrice, Direction::kNone, Side::kNone), 0},
       }) {
    std::vector<Figure> figures = {c.figure};
    ArticleSentiment a = Analyzer().ScoreArticle(ArticleInput{{}, text, figures});
    const AssetSentiment* sol = Asset(a, "SOL");
    ASSERT_NE(sol, nullptr);
    double sign = sol->score > 0 ? 1 : sol->score < 0 ? -1 : 0;
    EXPECT_EQ(sign, c.sign) << ToString(c.figure.kind) << " " << sol->score;
  }
}

// Names in a bare list or as the quote side of a pair get no label.
TEST(ArticleSentimentTest, AssetsOnlyListedOrQuotedGetNoLabel) {
  ArticleSentiment a = Score(
      "Solana price slides as traders sell\n\n"
      "Solana fell 5% as sellers took control of the SOL/USDT market.\n"
      "Tags: Bitcoin, Ethereum, XRP, Cardano\n");
  ASSERT_NE(Asset(a, "SOL"), nullptr) << Labels(a);
  EXPECT_EQ(Asset(a, "SOL")->label, kNeg);
  for (const char* listed : {"USDT", "BTC", "ETH", "XRP", "ADA"}) EXPECT_EQ(Asset(a, listed), nullptr) << listed;
  // The same names in a full sentence are assets the article speaks about.
  ArticleSentiment b = Score(
      "Market wrap\n\n"
      "Bitcoin, Ethereum and XRP all climbed more than 4% as buyers returned.\n");
  for (const char* named : {"BTC", "ETH", "XRP"}) {
    ASSERT_NE(Asset(b, named), nullptr) << named << " " << Labels(b);
    EXPECT_EQ(Asset(b, named)->label, kPos) << named;
  }
}

// Two assets in one sentence each get the clause about them.
TEST(ArticleSentimentTest, EachAssetGetsTheClauseAboutIt) {
  ArticleSentiment a = Score(
      "Bitcoin rose 3%, while ether fell 2% on the day\n\n"
      "The wider crypto market traded mixed as traders weighed the data.\n");
  ASSERT_NE(Asset(a, "BTC"), nullptr);
  ASSERT_NE(Asset(a, "ETH"), nullptr);
  EXPECT_EQ(Asset(a, "BTC")->label, kPos) << Labels(a);
  EXPECT_EQ(Asset(a, "ETH")->label, kNeg) << Labels(a);
  // A part that turns against the rest does not take the rest's score.
  ArticleSentiment c = Analyzer().ScoreArticle(
      "Desk notes\n\nBitcoin is deep in the red; Polkadot traded in its usual range.\n");
  ASSERT_NE(Asset(c, "DOT"), nullptr) << Labels(c);
  EXPECT_EQ(Asset(c, "DOT")->label, kNeu) << Labels(c);
  EXPECT_EQ(Asset(c, "BTC")->label, kNeg) << Labels(c);
  // "and so are": a group with no words of its own shares the sentence (no
  // figures here, so only the sentence speaks).
  ArticleSentiment b = Analyzer().ScoreArticle(
      "Desk notes\n\nLitecoin is deep in the red, and so are Dogecoin and Cardano.\n");
  for (const char* t : {"LTC", "DOGE", "ADA"}) {
    ASSERT_NE(Asset(b, t), nullptr) << t << " " << Labels(b);
    EXPECT_EQ(Asset(b, t)->label, kNeg) << t;
  }
}

// The band: a pooled score near zero is neutral, clear evidence is not.
TEST(ArticleSentimentTest, NeutralBandAroundZero) {
  EXPECT_EQ(ArticleLabel(0.0), kNeu);
  EXPECT_EQ(ArticleLabel(0.02), kNeu);
  EXPECT_EQ(ArticleLabel(-0.02), kNeu);
  EXPECT_EQ(ArticleLabel(0.5), kPos);
  EXPECT_EQ(ArticleLabel(-0.5), kNeg);
  EXPECT_EQ(AssetLabel(0.02), kNeu);
  EXPECT_EQ(AssetLabel(0.6), kPos);
  EXPECT_EQ(AssetLabel(-0.6), kNeg);
  // One mild word among many plain crypto sentences stays neutral; the same
  // article reporting a clear rally does not.
  const std::string plain =
      "Bitcoin traders met in Lisbon this week.\n"
      "The Bitcoin conference had three stages.\n"
      "Speakers talked about Bitcoin wallets and custody.\n"
      "Several Bitcoin miners showed new machines.\n";
  ArticleSentiment mild = Score("Notes from the Bitcoin conference\n\n" + plain + "One speaker was upbeat.\n");
  ArticleSentiment rally = Score("Bitcoin rallies to a record high\n\n" + plain +
                                 "Bitcoin surged 9% to a record as buyers piled in.\n");
  EXPECT_EQ(mild.label, kNeu) << Labels(mild);
  EXPECT_EQ(rally.label, kPos) << Labels(rally);
  // An asset whose evidence pulls both ways as hard is neutral (mixed).
  ArticleSentiment mixed = Score(
      "Ether's week in review\n\n"
      "Ether rallied 5% on Monday as buyers returned.\n"
      "Ether fell 5% on Tuesday as sellers returned.\n");
  ASSERT_NE(Asset(mixed, "ETH"), nullptr);
  EXPECT_EQ(Asset(mixed, "ETH")->label, kNeu) << Labels(mixed);
}

// The stance is on the crypto market: other markets and news of conduct
// (hacks, lawsuits) are no stance.
TEST(ArticleSentimentTest, NoMarketStanceOutsideTheCryptoMarket) {
  ArticleSentiment oil = Score(
      "Oil prices climb as refinery output jumps\n\n"
      "Crude oil prices rose sharply as demand surged across Asia.\n"
      "Refiners reported record margins and strong profits.\n");
  EXPECT_EQ(oil.label, kNeu) << Labels(oil);
  EXPECT_EQ(oil.score, 0);
  // The same market talk, once with news of conduct, once with a market move.
  ArticleSentiment hack = Score(
      "Crypto exchange says it was hacked\n\n"
      "Traders said the crypto exchange was hacked and hackers stole funds, and the exchange sued a contractor.\n"
      "Token holders were told to wait for an update.\n");
  ArticleSentiment crash = Score(
      "Crypto market crashes as tokens plunge\n\n"
      "Traders said the crypto market crashed and token prices plunged, and the selloff deepened.\n"
      "Token holders were told to wait for an update.\n");
  EXPECT_EQ(hack.label, kNeu) << Labels(hack);
  EXPECT_EQ(crash.label, kNeg) << Labels(crash);
  EXPECT_GT(hack.score, crash.score);
}

// Link lines and feed boilerplate repeat other headlines: no evidence.
TEST(ArticleSentimentTest, LinkLinesAreNoEvidence) {
  const std::string body =
      "Cardano traded in a narrow range through the session.\n"
      "Cardano volumes matched the weekly average.\n";
  ArticleSentiment with_links = Score("Cardano holds steady\n\n" + body +
                                      "Related: Cardano crashes 30% as panic selling grips the market\n"
                                      "The post Cardano holds steady appeared first on Example News.\n");
  ArticleSentiment without = Score("Cardano holds steady\n\n" + body);
  EXPECT_DOUBLE_EQ(with_links.score, without.score);
  ASSERT_NE(Asset(with_links, "ADA"), nullptr);
  EXPECT_EQ(Asset(with_links, "ADA")->sentences, Asset(without, "ADA")->sentences);
}

// Every piece of evidence is where its offsets say, and scores stay bounded.
TEST(ArticleSentimentTest, EvidenceOffsetsFindTheTextAgain) {
  const std::string text =
      "Ether — and Solana — rally as ETF inflows climb\n\n"
      "Ether jumped 7% to $3,400 as spot ETFs drew $500 million in inflows, while Solana slipped 2%.\n"
      "Analysts in Zürich expect the rally to continue into the weekend.\n";
  ArticleSentiment a = Score(text);
  std::vector<const std::vector<SentimentEvidence>*> lists = {&a.evidence};
  for (const AssetSentiment& s : a.assets) lists.push_back(&s.evidence);
  NormalizedText original = NormalizeText(text);
  size_t pieces = 0;
  for (const auto* list : lists)
    for (const SentimentEvidence& e : *list) {
      ++pieces;
      EXPECT_LT(e.start, e.end);
      EXPECT_EQ(original.OriginalSlice(e.start, e.end), e.text);
      EXPECT_GT(e.weight, 0);
      EXPECT_LE(std::fabs(e.score), 1.0);
    }
  EXPECT_GT(pieces, 4u);
  for (const AssetSentiment& s : a.assets) EXPECT_LE(std::fabs(s.score), 1.0);
  // Strongest first.
  for (const auto* list : lists)
    for (size_t i = 1; i < list->size(); ++i)
      EXPECT_GE(std::fabs((*list)[i - 1].weight * (*list)[i - 1].score), std::fabs((*list)[i].weight * (*list)[i].score));
}

}  // namespace
}  // namespace cn
