#include "pipeline/cli/command_stats.h"

#include <CLI/CLI.hpp>

#include <cstdio>

#include "extractors/version.h"
#include "pipeline/cli/exit_codes.h"
#include "pipeline/store/article_store.h"
#include "pipeline/store/read_only_db.h"
#include "pipeline/store/schema_migrations.h"

namespace cn {
namespace {

// Prints "label  value" for each row of `sql` (two columns), indented.
std::expected<void, std::string> PrintPairs(SqliteDb& db, const char* heading, const char* sql) {
  auto stmt = db.Prepare(sql);
  if (!stmt) return std::unexpected(stmt.error());
  std::printf("%s\n", heading);
  bool any = false;
  int rc;
  while ((rc = stmt->Step()) == SQLITE_ROW) {
    any = true;
    std::string label(stmt->ColumnText(0));
    std::printf("  %-20s %s\n", label.empty() ? "(none)" : label.c_str(), std::string(stmt->ColumnText(1)).c_str());
  }
  if (rc != SQLITE_DONE) return std::unexpected(db.ErrorMessage());
  if (!any) std::printf("  (none)\n");
  return {};
}

}  // namespace

void StatsCommand::Setup(CLI::App& sub) {
  db_path_ = kDefaultDatabasePath;
  sub.add_option("--db", db_path_, "SQLite database file")->capture_default_str();
  sub.footer("Exit codes: 0 ok, 3 the database cannot be read.");
}

int StatsCommand::Run() {
  auto db = ReadOnlyDatabase::Open(db_path_);
  if (!db) {
    std::fprintf(stderr, "cryptonews stats: %s\n", db.error().c_str());
    return kExitFatal;
  }
  auto version = db->db().QueryInt("PRAGMA user_version");
  std::printf("database             %s (schema version %lld of %d; extractor version %d)\n", db_path_.c_str(),
              static_cast<long long>(version.value_or(0)), CurrentSchemaVersion(), kExtractorVersion);
  auto result = PrintPairs(
      db->db(), "totals",
      "SELECT 'articles', count(*) FROM articles UNION ALL SELECT 'sources', count(*) FROM sources "
      "UNION ALL SELECT 'figures', count(*) FROM figures "
      "UNION ALL SELECT 'scored articles', count(*) FROM articles WHERE sentiment_version IS NOT NULL "
      "UNION ALL SELECT 'published from', coalesce(min(published_at), '-') FROM articles "
      "UNION ALL SELECT 'published to', coalesce(max(published_at), '-') FROM articles "
      "UNION ALL SELECT 'last fetch', coalesce(max(fetched_at), '-') FROM articles");
  if (result)
    result = PrintPairs(db->db(), "figures per kind",
                        "SELECT kind, count(*) FROM figures GROUP BY kind ORDER BY count(*) DESC, kind");
  if (result)
    result = PrintPairs(db->db(), "articles per extractor version",
                        "SELECT 'v' || extractor_version, count(*) FROM articles GROUP BY extractor_version");
  if (result)
    result = PrintPairs(
        db->db(), "last run",
        "SELECT key, value FROM (SELECT * FROM runs ORDER BY id DESC LIMIT 1) AS r, json_each(json_object("
        "'id', r.id, 'command', r.command, 'started', r.started_at, 'finished', coalesce(r.finished_at, '-'), "
        "'status', r.status, 'feeds ok', r.feeds_ok, 'feeds failed', r.feeds_failed, "
        "'articles new', r.articles_new, 'articles updated', r.articles_updated, "
        "'articles unchanged', r.articles_unchanged, 'articles failed', r.articles_failed, "
        "'figures', r.figures, 'errors', json_array_length(r.errors)))");
  if (!result) {
    std::fprintf(stderr, "cryptonews stats: %s: %s\n", db_path_.c_str(), result.error().c_str());
    return kExitFatal;
  }
  return kExitOk;
}

}  // namespace cn
