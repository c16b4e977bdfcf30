#include "pipeline/store/schema_migrations.h"

#include <algorithm>
#include <array>
#include <vector>

namespace cn {

namespace embedded {
std::string_view schema_0001_init();
std::string_view schema_0002_fast_checks();
std::string_view schema_0003_deferred_search_index();
std::string_view schema_0004_fetch_failures();
std::string_view schema_0005_search_index_mark();
std::string_view schema_0006_figure_role();
std::string_view schema_0007_sentiment_evidence();
std::string_view schema_0008_refusal_counts();
std::string_view schema_0009_warc();
std::string_view schema_0010_text_truncated();
std::string_view schema_0011_liquidations_by_asset();
std::string_view schema_0012_search_stemming();
std::string_view schema_0013_untitled_is_null();
std::string_view schema_0014_figure_ids_never_reused();
}  // namespace embedded

namespace {

// Append a line per new schema/NNNN_*.sql (pipeline/CMakeLists.txt embeds every such file).
const std::array<Migration, 14>& AllMigrations() {
  static const std::array<Migration, 14> migrations = {{
      {1, "0001_init.sql", embedded::schema_0001_init()},
      {2, "0002_fast_checks.sql", embedded::schema_0002_fast_checks()},
      {3, "0003_deferred_search_index.sql", embedded::schema_0003_deferred_search_index()},
      {4, "0004_fetch_failures.sql", embedded::schema_0004_fetch_failures()},
      {5, "0005_search_index_mark.sql", embedded::schema_0005_search_index_mark()},
      {6, "0006_figure_role.sql", embedded::schema_0006_figure_role()},
      {7, "0007_sentiment_evidence.sql", embedded::schema_0007_sentiment_evidence()},
      {8, "0008_refusal_counts.sql", embedded::schema_0008_refusal_counts()},
      {9, "0009_warc.sql", embedded::schema_0009_warc()},
      {10, "0010_text_truncated.sql", embedded::schema_0010_text_truncated()},
      {11, "0011_liquidations_by_asset.sql", embedded::schema_0011_liquidations_by_asset()},
      {12, "0012_search_stemming.sql", embedded::schema_0012_search_stemming()},
      {13, "0013_untitled_is_null.sql", embedded::schema_0013_untitled_is_null()},
      {14, "0014_figure_ids_never_reused.sql", embedded::schema_0014_figure_ids_never_reused()},
  }};
  return migrations;
}

std::string NewerMessage(const SqliteDb& db, int64_t version) {
  return db.path() + ": database schema version " + std::to_string(version) +
         " is newer than this cryptonews understands (version " + std::to_string(CurrentSchemaVersion()) +
         "); use a newer cryptonews binary";
}

// Tables every cryptonews schema since version 1 has.
constexpr std::string_view kCoreTables[] = {"sources", "articles", "figures", "runs", "fetch_state"};

}  // namespace

std::expected<void, std::string> CheckOwnDatabase(SqliteDb& db) {
  auto not_ours = [&](const std::string& why) {
    return std::unexpected(db.path() + ": not a cryptonews database (" + why +
                           "); cryptonews does not change another program's database: give --db a new file");
  };
  auto objects = db.Prepare("SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name");
  if (!objects) return not_ours("not a readable SQLite file: " + objects.error());
  std::vector<std::string> names;
  int rc;
  while ((rc = objects->Step()) == SQLITE_ROW) names.emplace_back(objects->ColumnText(0));
  if (rc != SQLITE_DONE) return not_ours("not a readable SQLite file: " + db.ErrorMessage());
  if (names.empty()) return {};  // a new database
  auto application_id = db.QueryInt("PRAGMA application_id");
  auto version = db.QueryInt("PRAGMA user_version");
  bool core = true;
  for (std::string_view table : kCoreTables)
    core = core && std::find(names.begin(), names.end(), table) != names.end();
  const bool our_id = application_id && (*application_id == 0 || *application_id == kCryptonewsApplicationId);
  if (our_id && version && *version >= 1 && core) return {};
  std::string listed;
  for (size_t i = 0; i < names.size() && i < 8; ++i) listed += (i ? ", " : "") + names[i];
  if (names.size() > 8) listed += ", ...";
  return not_ours("it holds " + listed);
}

std::span<const Migration> Migrations() { return AllMigrations(); }

int CurrentSchemaVersion() { return AllMigrations().back().version; }

std::expected<void, std::string> MigrateToCurrent(SqliteDb& db) {
  if (auto ours = CheckOwnDatabase(db); !ours) return ours;
  auto version = db.QueryInt("PRAGMA user_version");
  if (!version) return std::unexpected(db.path() + ": not a readable SQLite database: " + version.error());
  if (*version > CurrentSchemaVersion()) return std::unexpected(NewerMessage(db, *version));
  for (const Migration& m : Migrations()) {
    if (m.version <= *version) continue;
    // BEGIN IMMEDIATE: two processes opening a fresh file race for the write
    // lock here, and the loser re-reads the version after the winner commits.
    if (auto r = db.Exec("BEGIN IMMEDIATE"); !r) return std::unexpected(db.path() + ": " + r.error());
    auto now = db.QueryInt("PRAGMA user_version");
    if (now && *now >= m.version) {
      (void)db.Exec("ROLLBACK");
      continue;
    }
    auto applied = db.Exec(m.sql);
    if (applied) applied = db.Exec("PRAGMA user_version = " + std::to_string(m.version));
    if (!applied) {
      (void)db.Exec("ROLLBACK");
      return std::unexpected(db.path() + ": migration " + std::string(m.name) + " failed: " + applied.error());
    }
    if (auto r = db.Exec("COMMIT"); !r) return std::unexpected(db.path() + ": " + r.error());
  }
  auto application_id = db.QueryInt("PRAGMA application_id");
  if (application_id && *application_id == 0) {
    if (auto r = db.Exec("PRAGMA application_id = " + std::to_string(kCryptonewsApplicationId)); !r)
      return std::unexpected(db.path() + ": " + r.error());
  }
  return {};
}

std::expected<void, std::string> CheckReadableVersion(SqliteDb& db) {
  auto version = db.QueryInt("PRAGMA user_version");
  if (!version) return std::unexpected(db.path() + ": not a readable SQLite database: " + version.error());
  if (*version == 0)
    return std::unexpected(db.path() + ": not a cryptonews database (no schema); run 'cryptonews ingest --db " +
                           db.path() + "' first");
  if (*version > CurrentSchemaVersion()) return std::unexpected(NewerMessage(db, *version));
  return CheckOwnDatabase(db);
}

}  // namespace cn
