// The schema migrations (schema/NNNN_*.sql), embedded in the binary, and the
// code that brings a database up to date with them.
//
// PRAGMA user_version records the number of the last migration applied. A
// database with a newer version than this binary knows is refused: an older
// binary must not write into a format it does not understand.
#pragma once

#include <expected>
#include <span>
#include <string>
#include <string_view>

#include "pipeline/store/sqlite_handle.h"

namespace cn {

struct Migration {
  int version;            // the file's number: 0001_init.sql → 1
  std::string_view name;  // the file name, for messages
  std::string_view sql;
};

// Every migration, in order; versions are 1, 2, 3, … without gaps.
std::span<const Migration> Migrations();

// The version a fully migrated database has.
int CurrentSchemaVersion();

// Applies the missing migrations, each in its own transaction together with
// its user_version bump. Fails with a message naming the database when it is
// newer than this binary or a migration fails.
std::expected<void, std::string> MigrateToCurrent(SqliteDb& db);

// For read-only connections: fails when the database is not a cryptonews
// database (version 0, or another program's tables) or is newer than this
// binary.
std::expected<void, std::string> CheckReadableVersion(SqliteDb& db);

// PRAGMA application_id of a cryptonews database ("CNWS"); set by
// MigrateToCurrent. Files written before it was set hold 0.
inline constexpr int64_t kCryptonewsApplicationId = 0x434E5753;

// Succeeds when the database is empty (no tables, views or indexes) or is
// ours: our application_id (or 0), user_version >= 1 and our core tables.
// Anything else is another program's database, which we must not change;
// the message names the path and the tables found. Reads only.
std::expected<void, std::string> CheckOwnDatabase(SqliteDb& db);

}  // namespace cn
