#include "pipeline/store/sqlite_handle.h"

#include <cstdio>
#include <filesystem>

#include "pipeline/store/sqlite_wal_vfs.h"

namespace cn {

Statement& Statement::Bind(int index, int64_t v) {
  sqlite3_bind_int64(stmt_.get(), index, v);
  return *this;
}

Statement& Statement::Bind(int index, double v) {
  sqlite3_bind_double(stmt_.get(), index, v);
  return *this;
}

Statement& Statement::Bind(int index, std::string_view v) {
  sqlite3_bind_text64(stmt_.get(), index, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}

Statement& Statement::BindView(int index, std::string_view v) {
  // data() of an empty view may be null, which SQLite would bind as NULL.
  sqlite3_bind_text64(stmt_.get(), index, v.empty() ? "" : v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8);
  return *this;
}

Statement& Statement::BindViewOrNull(int index, std::string_view v) {
  return v.empty() ? BindNull(index) : BindView(index, v);
}

Statement& Statement::Bind(int index, const std::optional<double>& v) {
  return v ? Bind(index, *v) : BindNull(index);
}

Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_.get(), index);
  return *this;
}

Statement& Statement::BindTextOrNull(int index, std::string_view v) {
  return v.empty() ? BindNull(index) : Bind(index, v);
}

int Statement::Step() { return sqlite3_step(stmt_.get()); }

std::expected<void, std::string> Statement::Run() {
  int rc = sqlite3_step(stmt_.get());
  if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::string message = sqlite3_errmsg(sqlite3_db_handle(stmt_.get()));
    sqlite3_reset(stmt_.get());
    return std::unexpected(message);
  }
  sqlite3_reset(stmt_.get());
  return {};
}

void Statement::Reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
}

int Statement::ColumnCount() const { return sqlite3_column_count(stmt_.get()); }

std::string_view Statement::ColumnName(int col) const {
  const char* name = sqlite3_column_name(stmt_.get(), col);
  return name ? name : "";
}

int Statement::ColumnType(int col) const { return sqlite3_column_type(stmt_.get(), col); }

int64_t Statement::ColumnInt(int col) const { return sqlite3_column_int64(stmt_.get(), col); }

double Statement::ColumnDouble(int col) const { return sqlite3_column_double(stmt_.get(), col); }

std::string_view Statement::ColumnText(int col) const {
  const unsigned char* text = sqlite3_column_text(stmt_.get(), col);
  if (text == nullptr) return {};
  return {reinterpret_cast<const char*>(text), static_cast<size_t>(sqlite3_column_bytes(stmt_.get(), col))};
}

std::string SqliteFileUri(const std::string& path, std::string_view query) {
  std::string uri = "file:";
  for (unsigned char c : std::filesystem::absolute(path).string()) {
    if (c == '%' || c == '?' || c == '#' || c <= ' ' || c >= 0x7f) {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", c);
      uri += escaped;
    } else {
      uri += static_cast<char>(c);
    }
  }
  return uri + "?" + std::string(query);
}

std::expected<SqliteDb, std::string> SqliteDb::Open(const std::string& path, int flags, const std::string& open_name) {
  sqlite3* raw = nullptr;
  // Process-wide, before SQLite initialises: no allocation statistics (they
  // take a global mutex on every malloc). Fails harmlessly if too late.
  static const int memstatus_off = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)memstatus_off;
  // One write system call per WAL commit instead of two per page
  // (sqlite_wal_vfs.h); after the config call above, which must precede
  // SQLite's initialisation.
  static const char* const vfs = WalCoalescingVfsName();
  const std::string& name = open_name.empty() ? path : open_name;
  int rc = sqlite3_open_v2(name.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, vfs);
  SqliteDb db;
  db.db_.reset(raw);  // sqlite3_open_v2 may hand back a handle even on failure
  db.path_ = path;
  if (rc != SQLITE_OK) {
    std::string message = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    return std::unexpected(path + ": cannot open database: " + message);
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, 5000);
  return db;
}

std::expected<void, std::string> SqliteDb::Exec(std::string_view sql) {
  std::string copy(sql);
  char* error = nullptr;
  int rc = sqlite3_exec(db_.get(), copy.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    return std::unexpected(message);
  }
  return {};
}

std::expected<Statement, std::string> SqliteDb::Prepare(std::string_view sql) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                              &raw, nullptr);
  if (rc != SQLITE_OK) return std::unexpected(ErrorMessage());
  if (raw == nullptr) return std::unexpected(std::string("empty SQL statement"));
  return Statement(raw);
}

std::expected<void, std::string> PrepareStatements(SqliteDb& db, std::initializer_list<StatementSql> statements) {
  for (const StatementSql& s : statements) {
    auto prepared = db.Prepare(s.sql);
    if (!prepared) return std::unexpected(db.path() + ": " + prepared.error());
    *s.statement = std::move(*prepared);
  }
  return {};
}

std::expected<int64_t, std::string> SqliteDb::QueryInt(std::string_view sql) {
  auto stmt = Prepare(sql);
  if (!stmt) return std::unexpected(stmt.error());
  if (stmt->Step() != SQLITE_ROW) return std::unexpected(ErrorMessage());
  return stmt->ColumnInt(0);
}

}  // namespace cn
