// Ingestor: the store half of `cryptonews ingest`. It takes parsed articles
// from an ArticleFeed, extracts figures and sentiment, and stores each article
// in its own transaction, counting what happened in a `runs` row.
//
// An article whose canonical URL and content hash are already stored is
// skipped before extraction (counted unchanged); one whose new text is far
// shorter than the stored text (kMinRefetchTextRatio) is reported as failed
// and the stored article kept. A failed article or feed is reported and
// counted, a bad article (StoreError kind kBadArticle, e.g. one without URL)
// included. A refused link is counted by reason and listed in the run's
// errors too (a robots.txt refusal alone leaves the run 'ok'; one by the
// address policy or an unsafe redirect makes it 'partial', since it points at
// something an operator should look at). Only a busy or broken database stops
// the run, or a stop
// request (IngestOptions::stop_requested), which is checked between articles:
// the article being stored is committed whole, the run row says
// 'interrupted' with its counts.
//
// Lifetimes: the store, extractor and observer must outlive the Ingestor.
// Not thread-safe: one run at a time (the caller holds the IngestLock).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "extractors/figure_extractor.h"
#include "pipeline/ingest/article_bounds.h"
#include "pipeline/ingest/article_feed.h"
#include "pipeline/ingest/ingest_observer.h"
#include "pipeline/ingest/sentiment_scorer.h"
#include "pipeline/store/article_store.h"

namespace cn {

// A changed article whose new text is shorter than this share of the stored
// text is not stored: it is reported as failed and the stored one is kept
// (a page whose canonical URL changed is a new article and never compared).
inline constexpr double kMinRefetchTextRatio = 0.4;
// ... when the stored text has at least this many characters.
inline constexpr int64_t kShrinkCheckMinChars = 500;

struct IngestOptions {
  std::string since;          // UTC ISO 8601; articles published earlier are skipped ("" = no limit)
  size_t max_text_bytes = kMaxArticleTextBytes;  // stored text per article; longer is cut and flagged
  size_t max_figures = kMaxFiguresPerArticle;     // figures stored per article; the rest dropped and noted
  int64_t max_articles = 0;   // stop after this many articles from the feed (0 = no limit)
  // Polled before each article: when true, the run stores nothing more, asks
  // the feed to stop and ends with status 'interrupted' (SIGTERM/SIGINT).
  std::function<bool()> stop_requested;
};

struct IngestResult {
  int64_t run_id = 0;
  RunCounts counts;
  int64_t skipped_old = 0;       // older than --since
  std::vector<FeedError> errors;
  std::string fatal_error;       // non-empty: the run could not go on
  RunStatus status = RunStatus::kRunning;  // the runs.status written
  // status is kFailed because nothing worked (NothingWorked), not for a fatal error.
  bool nothing_worked = false;
};

// A run in which something was tried and nothing worked: no article was
// stored or found unchanged, and either every feed and sitemap failed (none
// was read) or at least one page failed. A dead network or DNS ends here,
// never as 'partial'. A run with nothing to do (empty feeds) is not one.
bool NothingWorked(const RunCounts& counts);

class Ingestor : private FeedSink {
 public:
  Ingestor(ArticleStore& store, const FigureExtractor& extractor, SentimentScorer sentiment,
           IngestObserver& observer, IngestOptions options);

  IngestResult Run(ArticleFeed& feed);

 private:
  ArticleAck OnArticle(ArticleRecord&& article) override;
  void OnArticleFailed(const FeedError& error) override;
  void OnArticleRefused(const FeedError& error, SkipReason reason) override;
  void OnArticleNotModified(std::string_view source, std::string_view url) override;
  void OnSourceDone(const SourceOutcome& outcome) override;
  void OnSource(std::string_view source) override;
  void OnListingStarted(std::string_view url) override { observer_.ListingStarted(url); }
  void OnListingDone(std::string_view url) override { observer_.ListingDone(url); }
  void OnPagesSelected(int pages) override { observer_.PagesExpected(pages); }
  void AddError(FeedError error);     // a failure: the run is 'partial'
  void RecordError(FeedError error);  // listed only (bounded), status unaffected
  bool StopRequested() const;

  ArticleStore& store_;
  const FigureExtractor& extractor_;
  SentimentScorer sentiment_;
  IngestObserver& observer_;
  IngestOptions options_;
  IngestResult result_;
  int64_t seen_ = 0;
  bool failures_ = false;  // an error other than a robots.txt refusal was recorded
};

// The runs.errors JSON array for a list of errors.
std::string ErrorsJson(const std::vector<FeedError>& errors);

// Appends `error` to a run's list, which stops at kMaxRunErrors (then one
// "(further errors not recorded)" entry): a run where every page fails still
// uses flat memory, while its counts stay exact.
inline constexpr size_t kMaxRunErrors = 500;
void AddBoundedError(std::vector<FeedError>* errors, FeedError error);

// How a refusal is named in runs.errors, the summary and --verbose:
// "robots.txt", "address policy" (also a non-http link), "unsafe redirect".
const char* RefusalLabel(SkipReason reason);

// "12 new, 3 updated, 40 unchanged, 1 failed articles; 150 figures; feeds: 5 ok, 1 failed",
// then "; refused: 1 robots.txt, 2 address policy, 0 unsafe redirect" when any link was refused.
std::string SummaryLine(const RunCounts& counts);

}  // namespace cn
