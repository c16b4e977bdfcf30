#include "pipeline/sqlite_fetch_state.h"

#include <chrono>

#include "pipeline/feed_time.h"

namespace cn {

std::optional<FetchState> SqliteFetchStateStore::Get(const std::string& url) {
  if (!select_) {
    auto stmt = db_.Prepare(
        "SELECT etag, last_modified, last_status, last_error, updated_at FROM fetch_state WHERE url = ?1");
    if (!stmt) return std::nullopt;
    select_ = std::move(*stmt);
  }
  select_->Reset();
  select_->Bind(1, url);
  if (select_->Step() != SQLITE_ROW) {
    select_->Reset();
    return std::nullopt;
  }
  FetchState state;
  state.etag = std::string(select_->ColumnText(0));
  state.last_modified = std::string(select_->ColumnText(1));
  state.last_status = static_cast<long>(select_->ColumnInt(2));
  state.last_error = std::string(select_->ColumnText(3));
  state.fetched_at = std::string(select_->ColumnText(4));
  select_->Reset();
  return state;
}

void SqliteFetchStateStore::Put(const std::string& url, const FetchState& state) {
  if (!upsert_) {
    auto stmt = db_.Prepare(
        "INSERT INTO fetch_state (url, etag, last_modified, last_status, last_error, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
        "ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, "
        "last_status = excluded.last_status, last_error = excluded.last_error, updated_at = excluded.updated_at");
    if (!stmt) {
      ++write_failures_;
      return;
    }
    upsert_ = std::move(*stmt);
  }
  std::string updated = state.fetched_at;
  if (updated.empty())
    updated = FormatUtcIso(std::chrono::duration_cast<std::chrono::seconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count());
  upsert_->Reset();
  upsert_->Bind(1, url);
  upsert_->BindTextOrNull(2, state.etag);
  upsert_->BindTextOrNull(3, state.last_modified);
  upsert_->Bind(4, static_cast<int64_t>(state.last_status));
  upsert_->BindTextOrNull(5, state.last_error);
  upsert_->Bind(6, updated);
  if (!upsert_->Run()) ++write_failures_;
  upsert_->Reset();
}

}  // namespace cn
