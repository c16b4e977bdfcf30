// ArticleStore: the SQLite database of articles, figures, sentiment and runs
// (schema/*.sql, documented in docs/SCHEMA.md).
//
// Every write of an article — its row, its figures, its sentiment — happens
// in ONE transaction, so a process killed at any moment leaves either the old
// article or the new one, never a mix. Writes are idempotent by canonical URL
// and content hash: storing the same article twice writes nothing the second
// time.
//
// The full-text index (articles_fts) is derived and lags behind: an article's
// transaction writes nothing for it — a new article waits above the mark
// articles_fts_state.indexed_through, a changed one in articles_fts_pending
// (schema 0005) — and the store indexes what waits in one transaction every
// kSearchIndexBatch stored articles, in FinishRun, in the destructor and on
// Open (which catches up whatever a killed process left). A crash loses no
// waiting article.
//
// Bulk mode (BeginBulk, for `warc` and `reprocess`): writes join one
// transaction, a batch, that the caller commits with CommitBulk() once
// BulkBatchDue() says it holds max_writes articles or is max_age old. Each
// write inside it is a savepoint, so a failed article undoes only itself;
// the batch commits atomically, so a process killed at any moment still
// leaves whole articles only (those of committed batches). Other writes of
// the caller's (resume marks) made before CommitBulk() join the same batch.
// The nightly `ingest` does not use it: one transaction per article.
//
// Thread safety: one ArticleStore per thread (it owns one SQLite connection
// and its prepared statements, plus a thread of its own that runs the WAL
// checkpoints on a second connection: wal_checkpointer.h). Open() migrates
// the database; several processes may read while one writes (WAL).
// Serialising writers across processes is ingest_lock.h's job.
#pragma once

#include <chrono>
#include <cstdint>
#include <expected>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "extractors/figure.h"
#include "extractors/sentiment.h"
#include "pipeline/store/article_record.h"
#include "pipeline/store/run_status.h"
#include "pipeline/store/sqlite_handle.h"
#include "pipeline/store/store_error.h"

namespace cn {

// Where commands keep the database unless --db says otherwise.
inline constexpr const char* kDefaultDatabasePath = "cryptonews.db";

// Stored articles per full-text indexing transaction.
inline constexpr int kSearchIndexBatch = 500;

// When bulk mode commits a batch (whichever comes first).
struct BulkPolicy {
  int max_writes = 200;
  std::chrono::milliseconds max_age{250};
};

enum class UpsertOutcome { kNew, kUpdated, kUnchanged };

// What the store knows about an article already, for skipping work early.
struct StoredArticleInfo {
  int64_t id = 0;
  std::string content_hash;
  int extractor_version = 0;
  std::string fetched_at;
};

// Sentiment to store with an article, with the version that produced it.
struct SentimentToStore {
  const ArticleSentiment* sentiment = nullptr;  // nullptr: not scored (stored version NULL)
  int version = 0;
};

// The counts a run row holds.
struct RunCounts {
  int64_t feeds_ok = 0;
  int64_t feeds_failed = 0;
  int64_t articles_new = 0;
  int64_t articles_updated = 0;
  int64_t articles_unchanged = 0;
  int64_t articles_failed = 0;
  int64_t figures = 0;
  // Links not fetched on purpose (schema 0008): robots.txt, the address
  // policy (or a non-http link), an unsafe redirect.
  int64_t refused_robots = 0;
  int64_t refused_address = 0;
  int64_t refused_redirect = 0;
};

// The stored text of an article, for reprocess.
struct StoredText {
  int64_t id = 0;
  std::string canonical_url;
  std::string title;
  std::string text;
  int extractor_version = 0;
  std::optional<int> sentiment_version;
};

class ArticleStore {
 public:
  // Opens (creating if needed) and migrates the database at `path`; sets WAL,
  // foreign keys and synchronous=NORMAL. Errors name the path.
  static std::expected<ArticleStore, std::string> Open(const std::string& path);

  ArticleStore(ArticleStore&&) noexcept;
  ArticleStore& operator=(ArticleStore&&) noexcept;
  ~ArticleStore();

  std::optional<StoredArticleInfo> Find(const std::string& canonical_url);

  // Inserts or replaces the article with its figures and sentiment, in one
  // transaction. Unchanged content hash → nothing is written (kUnchanged).
  // An article without URL, or one the schema refuses, is kBadArticle; the
  // store stays usable after any failure (the transaction is rolled back).
  std::expected<UpsertOutcome, StoreError> UpsertArticle(const ArticleRecord& article,
                                                          const std::vector<Figure>& figures,
                                                          SentimentToStore sentiment,
                                                          int extractor_version);

  // Bulk mode (see the top of this file). BeginBulk: later writes gather
  // into batches. BulkBatchDue: a batch is open and full or old enough.
  // CommitBulk: commits the open batch, if any (on failure the whole batch
  // is rolled back and the error names the database), then catches up the
  // full-text index when enough articles wait. EndBulk: CommitBulk, then
  // one transaction per write again. FinishRun and the destructor commit an
  // open batch first.
  void BeginBulk(BulkPolicy policy = {});
  bool BulkBatchDue() const;
  bool InBulkBatch() const;
  std::expected<void, std::string> CommitBulk();
  std::expected<void, std::string> EndBulk();

  // Ids of articles whose extractor or sentiment version differs from the
  // given ones (all articles when `all`), in id order.
  std::expected<std::vector<int64_t>, std::string> ArticlesToReprocess(bool all, int extractor_version,
                                                                      std::optional<int> sentiment_version);
  std::expected<StoredText, std::string> LoadText(int64_t article_id);
  // Replaces an article's figures (and sentiment, when given) in one
  // transaction and records the versions. Returns the figure rows written.
  // Errors are kinded as for UpsertArticle.
  std::expected<int64_t, StoreError> ReplaceDerived(int64_t article_id, const std::vector<Figure>& figures,
                                                     int extractor_version, SentimentToStore sentiment);

  // Moves every queued article into the full-text index, in transactions of
  // at most kSearchIndexBatch articles. Returns how many were indexed.
  std::expected<int64_t, std::string> UpdateSearchIndex();

  // Run rows. BeginRun first marks rows left 'running' by a killed process
  // as 'interrupted' (the caller holds the ingest lock, so none is alive).
  // FinishRun first brings the full-text index up to date.
  std::expected<int64_t, std::string> BeginRun(std::string_view command);
  std::expected<void, std::string> FinishRun(int64_t run_id, RunStatus status, const RunCounts& counts,
                                            const std::string& errors_json);

  // A later fetch of an article whose content did not change: records its
  // URL and fetch time (the latest fetch is what a row says, whichever
  // order the copies came in). In bulk mode it joins the batch.
  std::expected<void, std::string> UpdateFetch(int64_t article_id, std::string_view url, std::string_view fetched_at);

  // runs.records of a warc run: a JSON object of what it read (schema 0009).
  std::expected<void, std::string> SetRunRecords(int64_t run_id, const std::string& records_json);

  // The first failure of a background WAL checkpoint (wal_checkpointer.h),
  // naming the database. Nothing stored is lost by one; runs report it.
  std::optional<std::string> CheckpointError() const;

  SqliteDb& db();

 private:
  struct Impl;
  explicit ArticleStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace cn
