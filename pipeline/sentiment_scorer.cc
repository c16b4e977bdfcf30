#include "pipeline/sentiment_scorer.h"

namespace cn {

// The sentiment analyser (issue 5) is not linked into this build yet: no
// sentiment is stored and articles keep sentiment_version NULL, so reprocess
// scores them once a scorer is returned here.
SentimentScorer DefaultSentimentScorer() { return {}; }

}  // namespace cn
