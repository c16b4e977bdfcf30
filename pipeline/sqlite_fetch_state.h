// FetchStateStore over the `fetch_state` table (schema/0001_init.sql): the
// ETag / Last-Modified validators and last status per URL survive between
// nightly runs, so conditional GET skips unchanged feeds and pages.
//
// Lifetimes: the SqliteDb must outlive the store (its prepared statements
// belong to that connection). Same thread as the connection. A failed write
// is counted in write_failures() and otherwise ignored: losing a validator
// only costs one unconditional download next time.
#pragma once

#include <optional>
#include <string>

#include "pipeline/fetch_state.h"
#include "pipeline/sqlite_handle.h"

namespace cn {

class SqliteFetchStateStore : public FetchStateStore {
 public:
  explicit SqliteFetchStateStore(SqliteDb& db) : db_(db) {}
  std::optional<FetchState> Get(const std::string& url) override;
  void Put(const std::string& url, const FetchState& state) override;
  int write_failures() const { return write_failures_; }

 private:
  SqliteDb& db_;
  std::optional<Statement> select_, upsert_;
  int write_failures_ = 0;
};

}  // namespace cn
