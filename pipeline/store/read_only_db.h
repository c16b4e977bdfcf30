// Opens a cryptonews database for reading only (query, export, stats).
//
// The connection is opened with SQLITE_OPEN_READONLY, so SQLite itself
// refuses every write — including through ATTACH — whatever SQL is run on it;
// nothing is decided by parsing the SQL. The file must exist and carry a
// schema this binary understands (schema_migrations.h).
#pragma once

#include <expected>
#include <string>

#include "pipeline/store/sqlite_handle.h"

namespace cn {

std::expected<SqliteDb, std::string> OpenReadOnlyDatabase(const std::string& path);

}  // namespace cn
