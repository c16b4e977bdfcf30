// Sentiment of financial and crypto news text: per sentence, per article and
// per asset, from a transparent lexicon and rules (data/sentiment_lexicon.tsv).
//
// A sentence gets a score from the rules (sentiment_rules.h). An article and
// each asset it speaks of get a weighted pool of evidence
// (sentiment_article.h): the headline and lead weigh most, a sentence counts
// for the assets it is about (not those it names in passing, in a bare list
// or as the quote side of a trading pair), and reported moves and flows (a
// figure with a direction) are evidence of their own. Every label comes with
// the evidence that carried it, so a reader can check it.
//
// Construct once (it loads the lexicon) and share: every method is const and
// thread-safe. Pure: no I/O.
//
// CONTRACT OWNED BY THE SENTIMENT WORK (issues 5 and 16); other code may rely
// on the declarations below.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/figure.h"

namespace cn {

inline constexpr int kSentimentVersion = 3;  // bump when scores can change

enum class SentimentLabel { kNegative, kNeutral, kPositive };
std::string_view ToString(SentimentLabel label);

struct SentenceSentiment {
  double score = 0;                  // in [-1, 1]
  SentimentLabel label = SentimentLabel::kNeutral;
};

// Where a piece of evidence stands in the article.
enum class EvidencePlace { kHeadline, kLead, kBody };
std::string_view ToString(EvidencePlace place);

// One piece of evidence behind a label: a sentence (or the part of one that
// is about the asset) or a figure with a direction.
struct SentimentEvidence {
  enum class Kind { kSentence, kFigure };
  Kind kind = Kind::kSentence;
  EvidencePlace place = EvidencePlace::kBody;
  bool in_title = false;             // offsets point into the title given apart from the text
  size_t start = 0;                  // code-point offsets, end exclusive
  size_t end = 0;
  std::string text;                  // the evidence as it stands
  double score = 0;                  // its own polarity, in [-1, 1]
  double weight = 0;                 // how much it counts in the pool (> 0)
  std::string_view why;              // the reason for the weight ("subject", "figure", …); static text
};
std::string_view ToString(SentimentEvidence::Kind kind);  // "sentence", "figure"

// Kept for callers of the first version: the evidence sentences that weigh most.
struct WeightedSentence {
  size_t start = 0;                  // code-point offsets into the article text
  size_t end = 0;
  std::string text;
  double score = 0;
  bool in_title = false;             // offsets point into the title given apart from the text
};

struct AssetSentiment {
  std::string asset;                 // canonical ticker
  double score = 0;                  // in [-1, 1]
  SentimentLabel label = SentimentLabel::kNeutral;
  int sentences = 0;                 // full sentences about the asset (at least 1)
  std::vector<SentimentEvidence> evidence;  // what carried the score, strongest first
};

struct ArticleSentiment {
  double score = 0;                  // in [-1, 1]
  SentimentLabel label = SentimentLabel::kNeutral;
  std::vector<AssetSentiment> assets;           // one per asset the article says something about
  std::vector<SentimentEvidence> evidence;      // behind the article's own score, strongest first
  std::vector<WeightedSentence> key_sentences;  // the few sentences that weigh most
};

// An article as the analyser reads it.
struct ArticleInput {
  std::string_view title;            // the headline; empty: the text's first line serves as one
  std::string_view text;             // the body (UTF-8); offsets point into it
  std::span<const Figure> figures;   // the text's figures (FigureExtractor), if known
};

class SentimentAnalyzer {
 public:
  SentimentAnalyzer();
  ~SentimentAnalyzer();
  SentimentAnalyzer(const SentimentAnalyzer&) = delete;
  SentimentAnalyzer& operator=(const SentimentAnalyzer&) = delete;

  SentenceSentiment ScoreSentence(std::string_view utf8) const;
  ArticleSentiment ScoreArticle(const ArticleInput& article) const;
  // The text alone: its first line is the headline, no figure evidence.
  ArticleSentiment ScoreArticle(std::string_view utf8) const { return ScoreArticle(ArticleInput{{}, utf8, {}}); }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cn
