// ReadOnlyDatabase: a cryptonews database opened for reading only (query,
// export, stats), safe to hand SQL from anyone.
//
// What it promises:
// - Nothing is written. The connection is opened SQLITE_OPEN_READONLY, and
//   an authorizer (sqlite3_set_authorizer) allows only reading: SELECT,
//   reading columns, functions, recursive CTEs and informational PRAGMAs.
//   ATTACH (so VACUUM INTO), writes, schema changes and transactions are
//   refused when the statement is prepared, with a message naming what was
//   refused. PrepareSingle() refuses SQL holding more than one statement.
// - Runaway SQL stops by itself: a time limit (checked through the progress
//   handler) and a memory limit (sqlite3_hard_heap_limit64, process-wide),
//   each with its own message (DescribeFailure). The memory limit needs
//   SQLite's memory accounting, so it holds only when this is the process's
//   first SQLite use (as in `cryptonews query`); a process that opened a
//   writer first gets the time limit alone.
// - No files are left behind. Reading a WAL database makes SQLite create
//   its -wal and -shm files; a read-only connection cannot remove them, so
//   when this open created them, closing hands the file to one short-lived
//   read-write connection whose close lets SQLite remove them — only when
//   no other connection uses the database (SQLite's own locking decides).
// - It works where a reader can work: in a directory it cannot write, a WAL
//   database without a -wal file (no writer running, nothing to recover) is
//   read as immutable; one whose WAL holds data needs the -shm file the
//   writer leaves, else the error says exactly that. A hot rollback journal
//   (a writer died mid-transaction) is rolled back first when the file and
//   directory are writable — what SQLite does for any reader that can —
//   and otherwise the error names the journal and why it blocks reading.
// - The file must exist, be a regular file, and carry a schema this binary
//   understands (schema_migrations.h); errors name the path.
//
// Not thread-safe: one thread at a time, like SqliteDb.
#pragma once

#include <chrono>
#include <cstdint>
#include <expected>
#include <memory>
#include <string>
#include <string_view>

#include "pipeline/store/sqlite_handle.h"

namespace cn {

// Defaults for `query`: documented in its --help and in docs/OPERATIONS.md.
inline constexpr std::chrono::seconds kDefaultQueryTimeout{60};
inline constexpr int64_t kDefaultQueryMemoryMiB = 512;

struct ReadOnlyLimits {
  std::chrono::milliseconds timeout{0};  // 0 = no time limit
  int64_t memory_bytes = 0;              // 0 = no memory limit
};

class ReadOnlyDatabase {
 public:
  static std::expected<ReadOnlyDatabase, std::string> Open(const std::string& path, ReadOnlyLimits limits = {});

  ReadOnlyDatabase(ReadOnlyDatabase&&) noexcept;
  ReadOnlyDatabase& operator=(ReadOnlyDatabase&&) noexcept;
  ~ReadOnlyDatabase();

  SqliteDb& db();

  // Prepares `sql`, which must be exactly one statement (a trailing `;`,
  // spaces and comments are fine). Errors say what was refused.
  std::expected<Statement, std::string> PrepareSingle(std::string_view sql);

  // Why the last prepare or step failed, in words a user can act on: the
  // time or memory limit, a refused action, or SQLite's own message.
  std::string DescribeFailure() const;

 private:
  struct State;
  explicit ReadOnlyDatabase(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace cn
