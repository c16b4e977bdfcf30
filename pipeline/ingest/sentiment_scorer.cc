#include "pipeline/ingest/sentiment_scorer.h"

#include <memory>

namespace cn {

// One analyser per process (it loads the lexicon once); ScoreArticle is const
// and thread-safe, so the shared instance serves every caller.
SentimentScorer DefaultSentimentScorer() {
  static const auto analyzer = std::make_shared<const SentimentAnalyzer>();
  return {[a = analyzer](const ArticleInput& article) { return a->ScoreArticle(article); }, kSentimentVersion};
}

}  // namespace cn
