// RAII wrappers over the SQLite C API: a database connection and a prepared
// statement, each owning its handle through unique_ptr with a deleter.
//
// Thread safety: a SqliteDb and its statements belong to one thread at a time
// (SQLite's multi-thread mode). Lifetimes: every Statement must be destroyed
// before the SqliteDb it was prepared on. Text returned by ColumnText() points
// into SQLite's row buffer and is valid until the next Step() or Reset().
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <expected>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace cn {

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct SqliteFinalizer {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};

class Statement {
 public:
  Statement() = default;
  explicit Statement(sqlite3_stmt* s) : stmt_(s) {}

  // Binds by 1-based index. Empty optionals and BindNull bind NULL.
  Statement& Bind(int index, int64_t v);
  Statement& Bind(int index, double v);
  Statement& Bind(int index, std::string_view v);  // copied by SQLite (SQLITE_TRANSIENT)
  // Not copied (SQLITE_STATIC): `v` must stay valid until the statement has
  // been stepped and Reset(). Saves a malloc and a copy per value on hot paths.
  Statement& BindView(int index, std::string_view v);
  Statement& BindViewOrNull(int index, std::string_view v);  // NULL for ""
  Statement& Bind(int index, const std::optional<double>& v);
  Statement& BindNull(int index);
  // Binds NULL for an empty string: the figure contract's "empty means null".
  Statement& BindTextOrNull(int index, std::string_view v);

  // SQLITE_ROW, SQLITE_DONE, or an error code.
  int Step();
  // Steps a statement that returns no rows; on failure returns SQLite's message.
  std::expected<void, std::string> Run();
  void Reset();

  int ColumnCount() const;
  std::string_view ColumnName(int col) const;
  int ColumnType(int col) const;  // SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB, SQLITE_NULL
  int64_t ColumnInt(int col) const;
  double ColumnDouble(int col) const;
  std::string_view ColumnText(int col) const;  // "" for NULL
  bool ColumnIsNull(int col) const { return ColumnType(col) == SQLITE_NULL; }

  sqlite3_stmt* get() const { return stmt_.get(); }

 private:
  std::unique_ptr<sqlite3_stmt, SqliteFinalizer> stmt_;
};

// A "file:" URI naming `path` (made absolute) for SqliteDb::Open's
// open_name, with the characters a URI path cannot hold percent-escaped and
// `query` ("immutable=1") as its parameters.
std::string SqliteFileUri(const std::string& path, std::string_view query);

class SqliteDb {
 public:
  // Opens `path` with the given sqlite3_open_v2 flags, plus
  // SQLITE_OPEN_NOMUTEX: a connection is used by one thread at a time, so
  // SQLite's per-call mutexes are pure cost. Errors name the path.
  // `open_name`, when given, is what SQLite opens instead (a file: URI with
  // parameters, with SQLITE_OPEN_URI); path() stays `path`.
  static std::expected<SqliteDb, std::string> Open(const std::string& path, int flags,
                                                   const std::string& open_name = "");

  // Runs one or more statements that return no rows.
  std::expected<void, std::string> Exec(std::string_view sql);
  std::expected<Statement, std::string> Prepare(std::string_view sql);
  // The single integer a query like "PRAGMA user_version" returns.
  std::expected<int64_t, std::string> QueryInt(std::string_view sql);

  std::string ErrorMessage() const { return sqlite3_errmsg(db_.get()); }
  const std::string& path() const { return path_; }
  sqlite3* get() const { return db_.get(); }

 private:
  std::unique_ptr<sqlite3, SqliteCloser> db_;
  std::string path_;
};

// A statement to prepare and where to keep it, for PrepareStatements.
struct StatementSql {
  Statement* statement;
  const char* sql;
};

// Prepares each statement on `db` in turn, so a store prepares its SQL once
// when it opens. Stops at the first failure, with SQLite's message after
// the database path.
std::expected<void, std::string> PrepareStatements(SqliteDb& db, std::initializer_list<StatementSql> statements);

}  // namespace cn
