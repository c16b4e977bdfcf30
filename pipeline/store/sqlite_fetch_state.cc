#include "pipeline/store/sqlite_fetch_state.h"

#include "pipeline/web/date_time.h"

namespace cn {

std::expected<std::unique_ptr<SqliteFetchStateStore>, std::string> SqliteFetchStateStore::Create(SqliteDb& db) {
  std::unique_ptr<SqliteFetchStateStore> store(new SqliteFetchStateStore(db));
  auto prepared = PrepareStatements(
      db, {
              {&store->get_, "SELECT etag, last_modified, last_status, last_error, updated_at FROM fetch_state WHERE url = ?1"},
              {&store->put_,
               "INSERT INTO fetch_state(url, etag, last_modified, last_status, last_error, updated_at) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, "
               "last_modified = excluded.last_modified, last_status = excluded.last_status, "
               "last_error = excluded.last_error, updated_at = excluded.updated_at, failures = 0"},
              // Validators untouched: they still describe the last good copy.
              {&store->put_failure_,
               "INSERT INTO fetch_state(url, last_status, last_error, updated_at, failures) VALUES (?1, ?2, ?3, ?4, 1) "
               "ON CONFLICT(url) DO UPDATE SET last_status = excluded.last_status, last_error = excluded.last_error, "
               "updated_at = excluded.updated_at, failures = failures + 1"},
              {&store->forget_, "UPDATE fetch_state SET etag = NULL, last_modified = NULL WHERE url = ?1"},
              {&store->failures_, "SELECT failures FROM fetch_state WHERE url = ?1"},
          });
  if (!prepared) return std::unexpected(prepared.error());
  return store;
}

std::optional<FetchState> SqliteFetchStateStore::Get(const std::string& url) {
  if (auto it = pending_.find(url); it != pending_.end()) return it->second;
  get_.Bind(1, url);
  std::optional<FetchState> state;
  if (get_.Step() == SQLITE_ROW) {
    state.emplace();
    state->etag = get_.ColumnText(0);
    state->last_modified = get_.ColumnText(1);
    state->last_status = static_cast<long>(get_.ColumnInt(2));
    state->last_error = get_.ColumnText(3);
    state->fetched_at = get_.ColumnText(4);
  }
  get_.Reset();
  return state;
}

void SqliteFetchStateStore::Put(const std::string& url, const FetchState& state) {
  const bool failed = !state.last_error.empty() || state.last_status == 0 || state.last_status >= 400;
  if (failed) {
    pending_.erase(url);
    put_failure_.Bind(1, url).Bind(2, static_cast<int64_t>(state.last_status));
    put_failure_.BindTextOrNull(3, state.last_error.empty() ? "HTTP " + std::to_string(state.last_status) : state.last_error);
    put_failure_.Bind(4, state.fetched_at.empty() ? NowUtc() : state.fetched_at);
    (void)put_failure_.Run();  // best effort, like Write below
    put_failure_.Reset();
    return;
  }
  if (state.etag.empty() && state.last_modified.empty()) {
    pending_.erase(url);
    (void)Write(url, state);  // best effort: losing it only costs an unconditional fetch
    return;
  }
  pending_[url] = state;
}

void SqliteFetchStateStore::Commit(const std::string& url) {
  auto it = pending_.find(url);
  if (it == pending_.end()) return;
  (void)Write(url, it->second);
  pending_.erase(it);
}

void SqliteFetchStateStore::Discard(const std::string& url) { pending_.erase(url); }

std::expected<void, std::string> SqliteFetchStateStore::CommitAll() {
  if (pending_.empty()) return {};
  if (auto r = db_.Exec("BEGIN IMMEDIATE"); !r) return std::unexpected(db_.path() + ": " + r.error());
  for (const auto& [url, state] : pending_) {
    if (auto r = Write(url, state); !r) {
      (void)db_.Exec("ROLLBACK");
      return std::unexpected(db_.path() + ": fetch state for " + url + ": " + r.error());
    }
  }
  if (auto r = db_.Exec("COMMIT"); !r) return std::unexpected(db_.path() + ": " + r.error());
  pending_.clear();
  return {};
}

void SqliteFetchStateStore::ForgetValidators(const std::string& url) {
  pending_.erase(url);
  forget_.Bind(1, url);
  (void)forget_.Run();
  forget_.Reset();
}

int64_t SqliteFetchStateStore::Failures(const std::string& url) {
  failures_.Bind(1, url);
  int64_t n = failures_.Step() == SQLITE_ROW ? failures_.ColumnInt(0) : 0;
  failures_.Reset();
  return n;
}

std::expected<void, std::string> SqliteFetchStateStore::Write(const std::string& url, const FetchState& state) {
  put_.Bind(1, url).BindTextOrNull(2, state.etag).BindTextOrNull(3, state.last_modified);
  put_.Bind(4, static_cast<int64_t>(state.last_status)).BindTextOrNull(5, state.last_error);
  put_.Bind(6, state.fetched_at.empty() ? NowUtc() : state.fetched_at);
  auto r = put_.Run();
  put_.Reset();
  return r;
}

}  // namespace cn
