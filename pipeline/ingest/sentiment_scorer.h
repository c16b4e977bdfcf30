// SentimentScorer: the sentiment stage as ingest and reprocess see it — a
// function from an article (title, text, the figures extracted from the text)
// to scores, plus the version stored with them.
//
// A std::function, so tests can pass none (or a fake) and the store never
// depends on the analyser; DefaultSentimentScorer() is the one place that
// picks the real SentimentAnalyzer (extractors/sentiment.h).
#pragma once

#include <functional>

#include "extractors/sentiment.h"

namespace cn {

struct SentimentScorer {
  std::function<ArticleSentiment(const ArticleInput& article)> score;  // empty: no sentiment stage
  int version = 0;
  explicit operator bool() const { return static_cast<bool>(score); }
};

// The scorer ingest and reprocess use. Thread-safe to call.
SentimentScorer DefaultSentimentScorer();

}  // namespace cn
