#include "extractors/sentiment.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "extractors/sentiment_lexicon.h"
#include "extractors/sentiment_tokens.h"

namespace cn {
namespace {

constexpr SentimentLabel kPos = SentimentLabel::kPositive;
constexpr SentimentLabel kNeg = SentimentLabel::kNegative;
constexpr SentimentLabel kNeu = SentimentLabel::kNeutral;

struct Case {
  const char* text;
  SentimentLabel label;
};

const SentimentAnalyzer& Analyzer() {
  static const SentimentAnalyzer analyzer;
  return analyzer;
}

void ExpectLabels(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    SentenceSentiment s = Analyzer().ScoreSentence(c.text);
    EXPECT_EQ(ToString(s.label), ToString(c.label)) << c.text << " (score " << s.score << ")";
    EXPECT_GE(s.score, -1.0) << c.text;
    EXPECT_LE(s.score, 1.0) << c.text;
  }
}

TEST(SentimentTest, MetricDirectionComposes) {
  ExpectLabels({
      {"Quarterly profit rose 12 % on higher volumes.", kPos},
      {"The group's net losses widened in the second half.", kNeg},
      {"Operating costs fell by a fifth last year.", kPos},
      {"The operating loss narrowed to USD 3 million.", kPos},
      {"Sales decreased by 4 % year-on-year.", kNeg},
      {"Expenses increased sharply during the quarter.", kNeg},
      {"The lender cut its debt by half.", kPos},
      {"Revenue grew to EUR 80 mn from EUR 61 mn.", kPos},
      {"Net debt rose to EUR 410 mn.", kNeg},
      {"The retailer reported an increase in sales of 6 percent.", kPos},
      {"Unemployment dropped to its lowest level in a decade.", kPos},
      {"Order intake slowed in the fourth quarter.", kNeg},
      {"The miner raised its dividend for the third year in a row.", kPos},
      {"The exchange lowered its revenue forecast for the year.", kNeg},
  });
}

TEST(SentimentTest, NumbersComparedWithoutADirectionWord) {
  ExpectLabels({
      // Current value first, the one compared against second.
      {"Net income was USD 2.1 million, compared with USD 3.4 million a year ago.", kNeg},
      {"Operating profit was EUR 9.0 mn versus EUR 6.2 mn in the previous quarter.", kPos},
      {"The operating loss was EUR 4 mn compared to a loss of EUR 1 mn a year earlier.", kNeg},
      {"The unit posted a net loss of EUR 2 mn compared to a profit of EUR 5 mn.", kNeg},
      {"Pre-tax profit stood at EUR 7 mn compared to a loss of EUR 3 mn.", kPos},
      {"Free cash flow was EUR 1.2 mn compared to a negative EUR 4.0 mn.", kPos},
      {"Earnings per share were 0,41 compared to 0,38.", kPos},
      // A range, not a change.
      {"The range runs from 5 ml to 20 ml in volume.", kNeu},
  });
}

TEST(SentimentTest, ShiftsIntoAState) {
  ExpectLabels({
      {"The shipyard swung to a net loss in the third quarter.", kNeg},
      {"The software maker returned to profit after two difficult years.", kPos},
      {"The firm turned to an operating profit of EUR 2.3 mn from a loss.", kPos},
      {"The fund slipped into the red for the year.", kNeg},
  });
}

TEST(SentimentTest, Negation) {
  ExpectLabels({
      {"Analysts are not bullish on ether this month.", kNeg},
      {"The token failed to recover after the sell-off.", kNeg},
      {"Traders are no longer optimistic about the token.", kNeg},
      {"Bitcoin is not bearish here, according to the desk.", kPos},
  });
}

TEST(SentimentTest, NegatedBadNewsIsNotBadNews) {
  EXPECT_NE(Analyzer().ScoreSentence("The exchange did not report any hack.").label, kNeg);
  EXPECT_NE(Analyzer().ScoreSentence("The fund has never had a loss.").label, kNeg);
}

TEST(SentimentTest, IntensifiersAndHedgesScale) {
  double plain = Analyzer().ScoreSentence("Sales rose.").score;
  double strong = Analyzer().ScoreSentence("Sales rose sharply.").score;
  double slight = Analyzer().ScoreSentence("Sales rose slightly.").score;
  double hedged = Analyzer().ScoreSentence("The token may be bullish.").score;
  double sure = Analyzer().ScoreSentence("The token is bullish.").score;
  EXPECT_GT(strong, plain);
  EXPECT_LT(slight, plain);
  EXPECT_GT(slight, 0);
  EXPECT_LT(hedged, sure);
}

TEST(SentimentTest, WonOrdersAndContracts) {
  ExpectLabels({
      {"The engineering group has won two orders in Brazil worth EUR 40 mn.", kPos},
      {"The shipyard signed a contract to build three ferries.", kPos},
      {"The firm did not win the contract.", kNeg},
      {"The contract is valid for five years.", kNeu},
      {"The value of the order was not disclosed.", kNeu},
  });
}

TEST(SentimentTest, Comparatives) {
  ExpectLabels({
      {"Results were better than expected.", kPos},
      {"Quarterly earnings came in worse than expected.", kNeg},
      {"Sales this year will be 10 % lower than last year.", kNeg},
      {"Turnover was 15 % higher than in the previous year.", kPos},
      {"The company earned 30 % more than a year before.", kPos},
      {"The bank beat expectations on fee income.", kPos},
      {"The chipmaker missed expectations for the second quarter.", kNeg},
  });
}

TEST(SentimentTest, CryptoPhrasing) {
  ExpectLabels({
      {"Bitcoin surged past $100,000 to a new all-time high.", kPos},
      {"Ether plunged 12% as long liquidations topped $400 million.", kNeg},
      {"Spot bitcoin ETFs saw net outflows of $250 million on Friday.", kNeg},
      {"The Fear & Greed Index slid into extreme fear.", kNeg},
      {"Solana rallied 8% on strong network activity.", kPos},
      {"Analysts call it capitulation after a brutal sell-off.", kNeg},
      {"The bridge was hacked and $30 million was stolen.", kNeg},
      {"XRP looks oversold and bullish momentum is building.", kPos},
      {"The exchange filed for bankruptcy on Tuesday.", kNeg},
      {"Inflows into ether funds rose for a fifth straight week.", kPos},
  });
}

TEST(SentimentTest, NeutralSentencesStayNeutral) {
  ExpectLabels({
      {"", kNeu},
      {"The company is headquartered in Espoo and employs 240 people.", kNeu},
      {"The agreement covers up to 30 sites in three countries.", kNeu},
      {"Bitcoin traded at $64,200 on Monday morning.", kNeu},
      {"The board will meet on 12 March 2024.", kNeu},
      {"The order includes twelve cranes to be delivered next year.", kNeu},
      {"Profit before taxes totalled EUR 4.2 mn.", kNeu},
      {"The share capital increase will be registered next week.", kNeu},
      {"The new ferry has a capacity of 2,800 passengers.", kNeu},
      {"The deal is subject to approval by the competition authority.", kNeu},
      {"Its shares are listed on the Nasdaq Helsinki exchange.", kNeu},
      {"The protocol's token launched in 2021 on Ethereum.", kNeu},
      {"Operating profit, excluding one-off costs, was reported separately.", kNeu},
  });
}

TEST(SentimentTest, ScoreIsBoundedAndSymmetric) {
  double pos = Analyzer().ScoreSentence("Profit rose and sales rose and margins improved strongly.").score;
  double neg = Analyzer().ScoreSentence("Profit fell and sales fell and margins weakened strongly.").score;
  EXPECT_LT(pos, 1.0);
  EXPECT_GT(neg, -1.0);
  EXPECT_NEAR(pos, -neg, 1e-9);
}

TEST(SentimentTest, ArticleScoresAssetsAndKeySentences) {
  std::string text =
      "Bitcoin rallied to a record high on Monday.\n"
      "Ether was little changed at $3,100.\n"
      "Meanwhile, the exchange said it suffered a hack and users lost $20 million.\n"
      "Bitcoin miners are expanding capacity.";
  ArticleSentiment a = Analyzer().ScoreArticle(text);
  ASSERT_EQ(a.assets.size(), 2u);
  EXPECT_EQ(a.assets[0].asset, "BTC");
  EXPECT_EQ(a.assets[0].sentences, 2);
  EXPECT_EQ(a.assets[0].label, kPos);
  EXPECT_EQ(a.assets[1].asset, "ETH");
  EXPECT_EQ(a.assets[1].label, kNeu);
  ASSERT_FALSE(a.key_sentences.empty());
  EXPECT_LE(a.key_sentences.size(), 3u);
  for (const WeightedSentence& s : a.key_sentences) {
    EXPECT_LT(s.start, s.end);
    EXPECT_NE(text.find(s.text), std::string::npos) << s.text;
  }
  // The strongest sentence comes first.
  EXPECT_GE(std::fabs(a.key_sentences[0].score), std::fabs(a.key_sentences.back().score));
}

TEST(SentimentTest, ArticleWithNothingEvaluativeIsNeutral) {
  ArticleSentiment a = Analyzer().ScoreArticle("The conference takes place in Lisbon.\nTickets are on sale.");
  EXPECT_EQ(a.label, kNeu);
  EXPECT_EQ(a.score, 0);
  EXPECT_TRUE(a.key_sentences.empty());
  EXPECT_TRUE(Analyzer().ScoreArticle("").assets.empty());
}

TEST(SentimentTest, ConcurrentScoringAgreesWithSerial) {
  std::vector<std::string> texts = {"Profit rose.", "Losses widened.", "The office is in Oslo.",
                                    "Bitcoin is not bullish."};
  std::vector<double> serial;
  for (const auto& t : texts) serial.push_back(Analyzer().ScoreSentence(t).score);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int k = 0; k < 4; ++k)
    threads.emplace_back([&, k] {
      for (int round = 0; round < 200; ++round)
        for (size_t i = 0; i < texts.size(); ++i)
          if (Analyzer().ScoreSentence(texts[i]).score != serial[i]) ++mismatches[k];
    });
  for (auto& t : threads) t.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

TEST(SentimentLexiconTest, DefaultLoads) { EXPECT_GT(SentimentLexicon::Default().size(), 500u); }

TEST(SentimentLexiconTest, ParsesKindsAndPhrases) {
  std::string error;
  auto lex = SentimentLexicon::Parse("# comment\n\ngrowth\tup\t0.5\ngrowth\tgood\nprofit warning\tpolar\t-2\n", &error);
  ASSERT_TRUE(lex) << error;
  const SentimentEntry* growth = lex->Lookup("growth");
  ASSERT_NE(growth, nullptr);
  ASSERT_TRUE(growth->single);
  EXPECT_EQ(growth->single->direction, 1);
  EXPECT_EQ(growth->single->metric, 1);
  const SentimentEntry* profit = lex->Lookup("profit");
  ASSERT_NE(profit, nullptr);
  EXPECT_FALSE(profit->single);
  ASSERT_EQ(profit->phrases.size(), 1u);
  EXPECT_FLOAT_EQ(profit->phrases[0].term.polarity, -2);
}

TEST(SentimentLexiconTest, RejectsMalformedLinesNamingTheLine) {
  struct Bad {
    const char* tsv;
    const char* message;
  };
  for (const Bad& b : std::vector<Bad>{{"good\tpolar\n", ":1:"},
                                       {"ok\tpolar\t1\nbad line\n", ":2:"},
                                       {"x\tsparkly\t1\n", "unknown kind"},
                                       {"x\tpolar\tabc\n", "not a number"},
                                       {"Upper\tpolar\t1\n", "lower case"}}) {
    std::string error;
    EXPECT_FALSE(SentimentLexicon::Parse(b.tsv, &error)) << b.tsv;
    EXPECT_NE(error.find(b.message), std::string::npos) << error;
    EXPECT_NE(error.find("sentiment_lexicon.tsv"), std::string::npos) << error;
  }
}

TEST(SentimentTokensTest, ReadsNumbers) {
  struct NumberCase {
    const char* text;
    double value;
    NumberKind kind;
  };
  SentimentTokenizer tokenizer(SentimentLexicon::Default());
  for (const NumberCase& c : std::vector<NumberCase>{
           {"EUR131m", 131e6, NumberKind::kAmount},
           {"EUR7 .3 m", 7.3e6, NumberKind::kAmount},
           {"554,000", 554000, NumberKind::kAmount},
           {"37,7 mn", 37.7e6, NumberKind::kAmount},
           {"1.95 billion", 1.95e9, NumberKind::kAmount},
           {"12.5 %", 12.5, NumberKind::kPercent},
           {"3.3-percent", 3.3, NumberKind::kPercent},
           {"4 per cent", 4, NumberKind::kPercent},
           {"2009", 2009, NumberKind::kYear},
           {"a negative EUR 0.3 mn", -0.3e6, NumberKind::kAmount},
       }) {
    const auto& units = tokenizer.Tokenize(c.text);
    const SentimentUnit* number = nullptr;
    for (const auto& u : units)
      if (u.kind == UnitKind::kNumber) number = &u;
    ASSERT_NE(number, nullptr) << c.text;
    EXPECT_DOUBLE_EQ(number->value, c.value) << c.text;
    EXPECT_EQ(static_cast<int>(number->number_kind), static_cast<int>(c.kind)) << c.text;
  }
  // Words with digits that are not amounts.
  for (const char* text : {"Q1", "N95", "12-month", "4th"}) {
    for (const auto& u : tokenizer.Tokenize(text)) EXPECT_NE(u.kind, UnitKind::kNumber) << text;
  }
}

}  // namespace
}  // namespace cn

namespace cn {
namespace {

// Our own hand-labelled sentences (fixtures/sentiment/labelled_sentences.tsv):
// the rules must keep agreeing with at least 95 % of them, and every
// disagreement is listed so a change that breaks one is visible.
TEST(SentimentTest, LabelledSentencesFloor) {
  std::ifstream in(std::string(CRYPTONEWS_SOURCE_DIR) + "/fixtures/sentiment/labelled_sentences.tsv");
  ASSERT_TRUE(in) << "missing fixtures/sentiment/labelled_sentences.tsv";
  std::string line;
  int total = 0, agree = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    std::string gold = line.substr(0, tab);
    SentenceSentiment s = Analyzer().ScoreSentence(line.substr(tab + 1));
    ++total;
    if (ToString(s.label) == gold)
      ++agree;
    else
      std::printf("  disagree: %s -> %s: %s\n", gold.c_str(), std::string(ToString(s.label)).c_str(),
                  line.c_str() + tab + 1);
  }
  ASSERT_GT(total, 100);
  EXPECT_GE(agree, total * 95 / 100) << agree << " of " << total;
}

}  // namespace
}  // namespace cn
