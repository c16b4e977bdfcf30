// Sentiment of financial and crypto news text: per sentence, per article and
// per asset, from a transparent lexicon and rules (data/sentiment_lexicon.tsv).
//
// Construct once (it loads the lexicon) and share: every method is const and
// thread-safe. Pure: no I/O.
//
// CONTRACT OWNED BY THE SENTIMENT WORK (issue 5); other code may rely on the
// declarations below.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cn {

inline constexpr int kSentimentVersion = 2;  // bump when scores can change

enum class SentimentLabel { kNegative, kNeutral, kPositive };
std::string_view ToString(SentimentLabel label);

struct SentenceSentiment {
  double score = 0;                  // in [-1, 1]
  SentimentLabel label = SentimentLabel::kNeutral;
};

struct WeightedSentence {
  size_t start = 0;                  // code-point offsets into the article text
  size_t end = 0;
  std::string text;
  double score = 0;
};

struct AssetSentiment {
  std::string asset;                 // canonical ticker
  double score = 0;
  SentimentLabel label = SentimentLabel::kNeutral;
  int sentences = 0;                 // sentences mentioning the asset
};

struct ArticleSentiment {
  double score = 0;
  SentimentLabel label = SentimentLabel::kNeutral;
  std::vector<AssetSentiment> assets;        // one per asset mentioned
  std::vector<WeightedSentence> key_sentences;  // the few that weigh most
};

class SentimentAnalyzer {
 public:
  SentimentAnalyzer();
  ~SentimentAnalyzer();
  SentimentAnalyzer(const SentimentAnalyzer&) = delete;
  SentimentAnalyzer& operator=(const SentimentAnalyzer&) = delete;

  SentenceSentiment ScoreSentence(std::string_view utf8) const;
  ArticleSentiment ScoreArticle(std::string_view utf8) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cn
