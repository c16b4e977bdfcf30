// SqliteFetchStateStore: the CurlFetcher's conditional-GET state (fetch_state.h)
// kept in the database's fetch_state table.
//
// Validators (ETag, Last-Modified) are held back in memory until the caller
// says the work they stand for is safely stored: a page's after its article
// is committed (Commit), feeds' and sitemaps' at the end of the run
// (CommitAll). A run killed in between therefore never leaves a validator
// whose 304 would hide an article that was not stored. State without
// validators (errors, statuses) is written at once. A failed fetch (an
// error, or an HTTP error status) is recorded at once too, counting the
// consecutive runs it failed in (fetch_state.failures, schema 0004) and
// leaving the stored validators alone.
//
// Lifetimes: `db` must outlive the store. Single-threaded, like the fetcher
// that calls it; uses its own prepared statements on the ingest connection.
#pragma once

#include <expected>
#include <map>
#include <optional>
#include <string>

#include "pipeline/fetch/fetch_state.h"
#include "pipeline/store/sqlite_handle.h"

namespace cn {

class SqliteFetchStateStore : public FetchStateStore {
 public:
  static std::expected<std::unique_ptr<SqliteFetchStateStore>, std::string> Create(SqliteDb& db);

  std::optional<FetchState> Get(const std::string& url) override;
  void Put(const std::string& url, const FetchState& state) override;

  // Persists the held-back state of `url`, if any.
  void Commit(const std::string& url);
  // Forgets it: the next run fetches `url` unconditionally.
  void Discard(const std::string& url);
  // Persists everything still held back, in one transaction.
  std::expected<void, std::string> CommitAll();
  // Drops the held-back and the stored validators of `url`, so the next run
  // fetches it in full (no 304): for a feed whose pages must be listed again.
  void ForgetValidators(const std::string& url);
  // Consecutive runs in which fetching `url` failed, this one included
  // (0 after a success or when never fetched).
  int64_t Failures(const std::string& url);

  size_t pending() const { return pending_.size(); }

 private:
  explicit SqliteFetchStateStore(SqliteDb& db) : db_(db) {}
  std::expected<void, std::string> Write(const std::string& url, const FetchState& state);

  SqliteDb& db_;
  Statement get_, put_, put_failure_, forget_, failures_;
  std::map<std::string, FetchState> pending_;
};

}  // namespace cn
