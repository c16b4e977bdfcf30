#include "pipeline/store/shard_merge.h"

#include <filesystem>
#include <set>
#include <vector>

#include "pipeline/store/schema_migrations.h"
#include "pipeline/web/date_time.h"

namespace cn {
namespace {

// Column names of `schema`.`table` in order.
std::expected<std::vector<std::string>, std::string> Columns(SqliteDb& db, const std::string& schema,
                                                            const std::string& table) {
  auto stmt = db.Prepare("SELECT name FROM pragma_table_info(?1, ?2)");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->Bind(1, std::string_view(table)).Bind(2, std::string_view(schema));
  std::vector<std::string> out;
  while (stmt->Step() == SQLITE_ROW) out.emplace_back(stmt->ColumnText(0));
  return out;
}

// The columns both databases have, minus `skip`, as "a, b, c" (quoted).
std::expected<std::string, std::string> SharedColumns(SqliteDb& db, const std::string& table,
                                                      const std::set<std::string>& skip) {
  auto mine = Columns(db, "main", table);
  auto theirs = Columns(db, "shard", table);
  if (!mine) return std::unexpected(mine.error());
  if (!theirs) return std::unexpected(theirs.error());
  std::set<std::string> in_shard(theirs->begin(), theirs->end());
  std::string list;
  for (const std::string& c : *mine) {
    if (skip.contains(c) || !in_shard.contains(c)) continue;
    if (!list.empty()) list += ", ";
    list += "\"" + c + "\"";
  }
  return list;
}

std::string Quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::expected<void, std::string> CheckMergeableShard(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::unexpected(path + ": no such file");
  auto db = SqliteDb::Open(path, SQLITE_OPEN_READONLY);
  if (!db) return std::unexpected(db.error());
  return CheckReadableVersion(*db);
}

std::expected<ShardMergeCounts, std::string> MergeShard(ArticleStore& store, const std::string& shard_path) {
  if (auto ok = CheckMergeableShard(shard_path); !ok) return std::unexpected(ok.error());
  SqliteDb& db = store.db();
  const std::string where = shard_path + ": ";
  if (auto r = store.CommitBulk(); !r) return std::unexpected(r.error());
  // Only read (checked to exist above: ATTACH would create a missing file).
  if (auto r = db.Exec("ATTACH DATABASE " + Quoted(shard_path) + " AS shard"); !r)
    return std::unexpected(where + "cannot attach: " + r.error());
  struct Detach {
    SqliteDb& db;
    ~Detach() { (void)db.Exec("DETACH DATABASE shard"); }
  } detach{db};

  auto article_columns = SharedColumns(db, "articles", {"id", "source_id", "first_seen_at"});
  auto figure_columns = SharedColumns(db, "figures", {"id", "article_id"});
  auto sentiment_columns = SharedColumns(db, "sentiment", {"id", "article_id"});
  auto run_columns = SharedColumns(db, "runs", {"id", "origin"});
  for (auto* r : {&article_columns, &figure_columns, &sentiment_columns, &run_columns})
    if (!*r) return std::unexpected(where + r->error());
  auto shard_run_columns = Columns(db, "shard", "runs");
  if (!shard_run_columns) return std::unexpected(where + shard_run_columns.error());
  bool shard_has_origin = false;
  for (const std::string& c : *shard_run_columns) shard_has_origin |= c == "origin";

  if (auto r = db.Exec("BEGIN IMMEDIATE"); !r) return std::unexpected(where + r.error());
  struct Rollback {
    SqliteDb& db;
    bool armed = true;
    ~Rollback() {
      if (armed) (void)db.Exec("ROLLBACK");
    }
  } rollback{db};
  auto fail = [&](const std::string& what) { return std::unexpected(where + what); };

  if (auto r = db.Exec("INSERT INTO main.sources(name, first_seen_at) SELECT name, first_seen_at FROM shard.sources "
                       "WHERE name NOT IN (SELECT name FROM main.sources)");
      !r)
    return fail(r.error());

  const std::string& ac = *article_columns;
  auto shard_articles = db.Prepare(
      "SELECT a.id, a.canonical_url, a.fetched_at, a.content_hash, a.url, s.name FROM shard.articles a "
      "JOIN shard.sources s ON s.id = a.source_id ORDER BY a.id");
  auto find = db.Prepare("SELECT id, fetched_at, content_hash FROM main.articles WHERE canonical_url = ?1");
  auto insert = db.Prepare("INSERT INTO main.articles(source_id, first_seen_at, " + ac +
                           ") SELECT (SELECT id FROM main.sources WHERE name = ?2), first_seen_at, " + ac +
                           " FROM shard.articles WHERE id = ?1");
  auto replace = db.Prepare("UPDATE main.articles SET (source_id, " + ac +
                            ") = (SELECT (SELECT id FROM main.sources WHERE name = ?3), " + ac +
                            " FROM shard.articles WHERE id = ?2) WHERE id = ?1");
  auto refetch = db.Prepare("UPDATE main.articles SET url = ?2, fetched_at = ?3 WHERE id = ?1");
  auto delete_figures = db.Prepare("DELETE FROM main.figures WHERE article_id = ?1");
  auto delete_sentiment = db.Prepare("DELETE FROM main.sentiment WHERE article_id = ?1");
  auto copy_figures = db.Prepare("INSERT INTO main.figures(article_id, " + *figure_columns + ") SELECT ?1, " +
                                 *figure_columns + " FROM shard.figures WHERE article_id = ?2 ORDER BY ordinal");
  auto copy_sentiment = db.Prepare("INSERT INTO main.sentiment(article_id, " + *sentiment_columns + ") SELECT ?1, " +
                                   *sentiment_columns + " FROM shard.sentiment WHERE article_id = ?2 ORDER BY id");
  for (auto* s : {&shard_articles, &find, &insert, &replace, &refetch, &delete_figures, &delete_sentiment,
                  &copy_figures, &copy_sentiment})
    if (!*s) return fail(s->error());

  ShardMergeCounts counts;
  auto copy_derived = [&](int64_t to, int64_t from) -> std::expected<void, std::string> {
    copy_figures->Bind(1, to).Bind(2, from);
    if (auto r = copy_figures->Run(); !r) return r;
    counts.figures += sqlite3_changes(db.get());
    copy_sentiment->Bind(1, to).Bind(2, from);
    return copy_sentiment->Run();
  };
  int rc;
  while ((rc = shard_articles->Step()) == SQLITE_ROW) {
    const int64_t shard_id = shard_articles->ColumnInt(0);
    const std::string canonical(shard_articles->ColumnText(1));
    const std::string fetched_at(shard_articles->ColumnText(2));
    const std::string hash(shard_articles->ColumnText(3));
    const std::string url(shard_articles->ColumnText(4));
    const std::string source(shard_articles->ColumnText(5));
    find->Bind(1, std::string_view(canonical));
    int64_t id = 0;
    std::string their_fetch, their_hash;
    if (find->Step() == SQLITE_ROW) {
      id = find->ColumnInt(0);
      their_fetch = find->ColumnText(1);
      their_hash = find->ColumnText(2);
    }
    find->Reset();
    if (id == 0) {
      insert->Bind(1, shard_id).Bind(2, std::string_view(source));
      if (auto r = insert->Run(); !r) return fail(canonical + ": " + r.error());
      if (auto r = copy_derived(sqlite3_last_insert_rowid(db.get()), shard_id); !r)
        return fail(canonical + ": " + r.error());
      ++counts.articles_new;
    } else if (hash == their_hash) {
      if (fetched_at > their_fetch) {
        refetch->Bind(1, id).Bind(2, std::string_view(url)).Bind(3, std::string_view(fetched_at));
        if (auto r = refetch->Run(); !r) return fail(canonical + ": " + r.error());
      }
      ++counts.articles_unchanged;
    } else if (IsNewerContent(fetched_at, hash, their_fetch, their_hash)) {
      replace->Bind(1, id).Bind(2, shard_id).Bind(3, std::string_view(source));
      if (auto r = replace->Run(); !r) return fail(canonical + ": " + r.error());
      delete_figures->Bind(1, id);
      delete_sentiment->Bind(1, id);
      if (auto r = delete_figures->Run(); !r) return fail(canonical + ": " + r.error());
      if (auto r = delete_sentiment->Run(); !r) return fail(canonical + ": " + r.error());
      if (auto r = copy_derived(id, shard_id); !r) return fail(canonical + ": " + r.error());
      ++counts.articles_updated;
    } else {
      ++counts.articles_unchanged;
    }
  }
  if (rc != SQLITE_DONE) return fail(db.ErrorMessage());

  // Runs: once each, named by where they came from.
  const std::string name = std::filesystem::path(shard_path).filename().string();
  const std::string origin = "coalesce(" + std::string(shard_has_origin ? "origin" : "NULL") + ", " +
                             Quoted(name + ":") + " || id || ':' || started_at)";
  if (auto r = db.Exec("INSERT OR IGNORE INTO main.runs(" + *run_columns + ", origin) SELECT " + *run_columns + ", " +
                       origin + " FROM shard.runs WHERE status <> 'running' ORDER BY id");
      !r)
    return fail(r.error());
  counts.runs = sqlite3_changes(db.get());

  if (auto r = db.Exec("COMMIT"); !r) return fail(r.error());
  rollback.armed = false;
  return counts;
}

}  // namespace cn
