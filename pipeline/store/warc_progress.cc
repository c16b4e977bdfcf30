#include "pipeline/store/warc_progress.h"

#include "pipeline/web/date_time.h"

namespace cn {

std::expected<WarcProgressStore, std::string> WarcProgressStore::Create(SqliteDb& db) {
  WarcProgressStore store(db);
  auto prepared = PrepareStatements(db, {
      {&store.load_,
       "SELECT first_record_id, last_record_id, last_offset, last_stream_offset, last_starts_member, records, "
       "finished_at IS NOT NULL, run_id FROM warc_inputs WHERE input = ?1"},
      {&store.save_,
       "INSERT INTO warc_inputs(input, first_record_id, last_record_id, last_offset, last_stream_offset, "
       "last_starts_member, records, finished_at, run_id, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
       "CASE WHEN ?8 THEN ?10 END, ?9, ?10) ON CONFLICT(input) DO UPDATE SET first_record_id = excluded.first_record_id, "
       "last_record_id = excluded.last_record_id, last_offset = excluded.last_offset, "
       "last_stream_offset = excluded.last_stream_offset, last_starts_member = excluded.last_starts_member, "
       "records = excluded.records, finished_at = excluded.finished_at, run_id = excluded.run_id, "
       "updated_at = excluded.updated_at"},
      {&store.forget_, "DELETE FROM warc_inputs WHERE input = ?1"},
  });
  if (!prepared) return std::unexpected(prepared.error());
  return store;
}

std::expected<std::optional<WarcProgress>, std::string> WarcProgressStore::Load(const std::string& input) {
  Statement& s = load_;
  s.Bind(1, std::string_view(input));
  const int rc = s.Step();
  std::optional<WarcProgress> p;
  if (rc == SQLITE_ROW) {
    p.emplace();
    p->input = input;
    p->first_record_id = s.ColumnText(0);
    p->last_record_id = s.ColumnText(1);
    p->last_offset = static_cast<uint64_t>(s.ColumnInt(2));
    p->last_stream_offset = static_cast<uint64_t>(s.ColumnInt(3));
    p->last_starts_member = s.ColumnInt(4) != 0;
    p->records = s.ColumnInt(5);
    p->finished = s.ColumnInt(6) != 0;
    p->run_id = s.ColumnInt(7);
  }
  s.Reset();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return std::unexpected(db_->path() + ": " + db_->ErrorMessage());
  return p;
}

std::expected<void, std::string> WarcProgressStore::Save(const WarcProgress& p) {
  Statement& s = save_;
  s.Bind(1, std::string_view(p.input)).Bind(2, std::string_view(p.first_record_id));
  s.BindTextOrNull(3, p.last_record_id);
  s.Bind(4, static_cast<int64_t>(p.last_offset)).Bind(5, static_cast<int64_t>(p.last_stream_offset));
  s.Bind(6, static_cast<int64_t>(p.last_starts_member ? 1 : 0)).Bind(7, p.records);
  s.Bind(8, static_cast<int64_t>(p.finished ? 1 : 0)).Bind(9, p.run_id).Bind(10, NowUtc());
  auto r = s.Run();
  s.Reset();
  if (!r) return std::unexpected(db_->path() + ": saving how far " + p.input + " was read: " + r.error());
  return {};
}

std::expected<void, std::string> WarcProgressStore::Forget(const std::string& input) {
  forget_.Bind(1, std::string_view(input));
  auto r = forget_.Run();
  forget_.Reset();
  if (!r) return std::unexpected(db_->path() + ": " + r.error());
  return {};
}

}  // namespace cn
