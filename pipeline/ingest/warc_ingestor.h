// WarcIngestor: `cryptonews warc` — WARC files (paths, "-", http(s) URLs)
// through the same article parser, extractor and sentiment as a crawled
// page, into the store or out to a callback (JSON Lines).
//
// Per record: skip what holds no article (warc_article.h), keep only the
// hosts of --hosts when given, keep only crypto articles unless --all
// (crypto_filter.h), skip a page already stored with the same content or a
// newer one (IsNewerContent: so any order of inputs gives the same
// database), then extract, score and store. Every record skipped is counted
// by reason; every problem in the input is a run error naming the file and
// byte, and reading goes on.
//
// With a store: one `runs` row (command 'warc', runs.records holding the
// counts), writes in bulk batches (article_store.h), and how far each input
// was read (warc_progress.h) committed in the same batch as the articles it
// produced. A rerun after a kill resumes after the last committed record —
// seeking straight to it in a file whose records start gzip members, else
// reading past it — and an input read to the end is not read again unless
// from_start. The input must still begin with the same record, else it is
// read from the start (idempotent either way).
//
// Lifetimes: store, extractor and observer outlive the ingestor. One run at
// a time, on the calling thread (a URL is transferred on a thread of its
// own, warc_url_source.h).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "extractors/figure_extractor.h"
#include "pipeline/ingest/article_feed.h"
#include "pipeline/ingest/crypto_filter.h"
#include "pipeline/ingest/ingest_observer.h"
#include "pipeline/ingest/sentiment_scorer.h"
#include "pipeline/store/article_store.h"
#include "pipeline/store/run_status.h"
#include "pipeline/warc/warc_reader.h"

namespace cn {

struct WarcIngestOptions {
  bool only_crypto = true;        // false: --all
  HostSet outlets;                // crypto outlets' hosts (the sources file)
  std::optional<HostSet> hosts;   // --hosts: only pages of these hosts
  bool from_start = false;        // ignore how far inputs were read before
  BulkPolicy bulk;
  size_t max_record_bytes = kDefaultMaxWarcRecordBytes;
  bool allow_private_addresses = false;  // URL inputs: redirects may reach 127.0.0.1 (tests)
  std::string user_agent;                // URL inputs: "" sends the fetcher's default
  // Polled between records: true ends the run ('interrupted'), committing
  // what was read.
  std::function<bool()> stop_requested;
};

// A kept article with what was found in it, for callers without a store.
struct WarcKeptArticle {
  const ArticleRecord& article;
  const std::vector<Figure>& figures;
  const ArticleSentiment* sentiment;  // nullptr: no sentiment stage
  const std::string& input;
  const WarcRecord& record;
};

struct WarcRunResult {
  int64_t run_id = 0;  // 0 without a store
  // feeds_ok / feeds_failed count inputs read to the end / not.
  RunCounts counts;
  int64_t records = 0;                     // records read this run
  int64_t kept = 0;                        // articles that passed every filter
  std::map<std::string, int64_t> skipped;  // records skipped, by reason
  int64_t issues = 0;                      // problems in the input (each also an error)
  int64_t inputs_already_read = 0;         // inputs read to the end by an earlier run
  std::vector<FeedError> errors;           // bounded; the counts stay exact
  std::string fatal_error;
  RunStatus status = RunStatus::kRunning;  // written to runs.status when the run ends

  // {"records": N, "kept": N, "skipped": {...}, "issues": N, "inputs_already_read": N}
  std::string RecordsJson() const;
  // "N records, N kept; skipped: 3 revisit, 2 not html, ..."
  std::string RecordsLine() const;
};

class WarcIngestor {
 public:
  // `store` may be null: nothing is stored and each kept article goes to
  // on_article instead (which must then be set).
  WarcIngestor(ArticleStore* store, const FigureExtractor& extractor, SentimentScorer sentiment,
               IngestObserver& observer, WarcIngestOptions options);

  std::function<void(const WarcKeptArticle&)> on_article;

  WarcRunResult Run(const std::vector<std::string>& inputs);

 private:
  struct InputState;
  void ReadInput(const std::string& input);
  void HandleRecord(const WarcRecord& record, const std::string& input);
  void Flush(InputState& state, bool force);
  void Skip(const std::string& reason);
  void AddError(FeedError error);
  bool Stopped() const;

  ArticleStore* store_;
  const FigureExtractor& extractor_;
  SentimentScorer sentiment_;
  IngestObserver& observer_;
  WarcIngestOptions options_;
  WarcRunResult result_;
};

// The key under which an input's progress is stored: a path made absolute
// and normal, a URL as given; "" for standard input (never resumed).
std::string WarcInputKey(const std::string& input);

}  // namespace cn
