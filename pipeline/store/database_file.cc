#include "pipeline/store/database_file.h"

#include <array>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "pipeline/store/schema_migrations.h"
#include "pipeline/store/sqlite_handle.h"

namespace cn {

std::expected<void, std::string> CheckWritableDatabaseFile(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) return {};
  if (fs::is_directory(status)) return std::unexpected(path + ": is a directory, not a database file");
  if (!fs::is_regular_file(status)) return std::unexpected(path + ": is not a regular file");
  if (fs::file_size(path, ec) == 0 && !ec) return {};
  std::ifstream in(path, std::ios::binary);
  std::array<char, 16> magic{};
  if (!in.read(magic.data(), magic.size()) || std::memcmp(magic.data(), "SQLite format 3", 16) != 0)
    return std::unexpected(path + ": not a cryptonews database (not an SQLite file); give --db a new file");
  auto db = SqliteDb::Open(path, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, SqliteFileUri(path, "immutable=1"));
  if (!db) return std::unexpected(db.error());
  return CheckOwnDatabase(*db);
}

}  // namespace cn
