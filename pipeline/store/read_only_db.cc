#include "pipeline/store/read_only_db.h"

#include <filesystem>

#include "pipeline/store/schema_migrations.h"

namespace cn {

std::expected<SqliteDb, std::string> OpenReadOnlyDatabase(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    return std::unexpected(path + ": no such database; create it with 'cryptonews ingest --db " + path + "'");
  auto db = SqliteDb::Open(path, SQLITE_OPEN_READONLY);
  if (!db) return std::unexpected(db.error());
  if (auto r = CheckReadableVersion(*db); !r) return std::unexpected(r.error());
  return db;
}

}  // namespace cn
