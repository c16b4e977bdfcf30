// sqlite_floor_bench: what SQLite itself costs on this machine, to read the
// store's figures/s against. It times, each on a fresh database:
//   1. the yardstick: a 3-column table, 10 rows per transaction;
//   2. our shape bare: per transaction one article row (2.8 KB of text) and
//      20 figure rows of the figures table's 17 columns, no index, no
//      constraint, no full-text index;
//   3-6. the same, adding one by one what the storage contract keeps: the
//      UNIQUE (article_id, ordinal) index, foreign keys, the CHECKs, the
//      articles' canonical-URL and published-at indexes;
//   7. and the FTS5 index over title and text, fed every 500 articles.
// Each case runs with SQLite's automatic checkpoint and with WalCheckpointer
// (pipeline/wal_checkpointer.h). ArticleStore adds to case 7 only its
// lookups, the remaining article columns and the bookkeeping of a run.
//
// Usage: sqlite_floor_bench [ARTICLES=5000]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "bench/process_usage.h"
#include "pipeline/sqlite_handle.h"
#include "pipeline/wal_checkpointer.h"

namespace {

using cn::bench::CpuSeconds;

// What a case adds to the bare shape, cumulatively.
enum Level { kYardstick, kBare, kUniqueIndex, kForeignKeys, kChecks, kArticleIndexes, kFullText };

const char* Describe(Level level) {
  switch (level) {
    case kYardstick: return "yardstick: 3 columns, 10 rows per transaction";
    case kBare: return "article + 20 figures, bare";
    case kUniqueIndex: return "+ UNIQUE (article_id, ordinal)";
    case kForeignKeys: return "+ foreign keys";
    case kChecks: return "+ CHECKs";
    case kArticleIndexes: return "+ article indexes";
    case kFullText: return "+ FTS5, every 500 articles";
  }
  return "";
}

std::string Schema(Level level) {
  if (level == kYardstick) return "CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER, b TEXT);";
  const bool checks = level >= kChecks;
  std::string sql = std::string("CREATE TABLE articles(id INTEGER PRIMARY KEY, canonical_url TEXT NOT NULL") +
                    (level >= kArticleIndexes ? " UNIQUE" : "") +
                    ", title TEXT NOT NULL, published_at TEXT, text TEXT NOT NULL, content_hash TEXT NOT NULL) STRICT;";
  if (level >= kArticleIndexes) sql += "CREATE INDEX articles_published_at ON articles(published_at);";
  sql += std::string("CREATE TABLE figures(id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL") +
         (level >= kForeignKeys ? " REFERENCES articles(id) ON DELETE CASCADE" : "") +
         ", ordinal INTEGER NOT NULL, kind TEXT NOT NULL" +
         (checks ? " CHECK (kind = 'price' OR kind = 'price_range' OR kind = 'price_change' OR "
                   "kind = 'percent_change' OR kind = 'liquidation' OR kind = 'market_cap' OR kind = 'volume' OR "
                   "kind = 'open_interest' OR kind = 'etf_flow' OR kind = 'indicator')"
                 : "") +
         ", asset TEXT, value REAL NOT NULL, value_high REAL, unit TEXT NOT NULL, qualifier TEXT NOT NULL" +
         (checks ? " CHECK (qualifier = 'exact' OR qualifier = 'approx' OR qualifier = 'over' OR qualifier = 'under')"
                 : "") +
         ", direction TEXT" + (checks ? " CHECK (direction = 'up' OR direction = 'down')" : "") +
         ", window TEXT, side TEXT" + (checks ? " CHECK (side = 'long' OR side = 'short')" : "") +
         ", name TEXT, metric TEXT, start INTEGER NOT NULL, \"end\" INTEGER NOT NULL, text TEXT NOT NULL, "
         "sentence INTEGER NOT NULL" +
         (level >= kUniqueIndex ? ", UNIQUE (article_id, ordinal)" : "") + ") STRICT;";
  if (level >= kFullText)
    sql += "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id');";
  return sql;
}

void Require(bool ok, const std::string& what) {
  if (ok) return;
  std::fprintf(stderr, "sqlite_floor_bench: %s\n", what.c_str());
  std::exit(1);
}

cn::Statement Prepare(cn::SqliteDb& db, const char* sql) {
  auto s = db.Prepare(sql);
  Require(s.has_value(), s ? "" : s.error());
  return std::move(*s);
}

void Run(cn::Statement& s) {
  auto r = s.Run();
  Require(r.has_value(), r ? "" : r.error());
  s.Reset();
}

// Rows written per wall second and per CPU second.
std::pair<double, double> Measure(Level level, bool own_checkpointer, int articles, const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  auto opened = cn::SqliteDb::Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  Require(opened.has_value(), opened ? "" : opened.error());
  cn::SqliteDb db = std::move(*opened);
  Require(db.Exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL").has_value(), "pragmas");
  if (level >= kForeignKeys) Require(db.Exec("PRAGMA foreign_keys = ON").has_value(), "foreign keys");
  Require(db.Exec(Schema(level)).has_value(), "schema");
  std::unique_ptr<cn::WalCheckpointer> checkpointer;
  if (own_checkpointer) {
    auto started = cn::WalCheckpointer::Start(db);
    Require(started.has_value(), started ? "" : started.error());
    checkpointer = std::move(*started);
  }
  cn::Statement begin = Prepare(db, "BEGIN IMMEDIATE"), commit = Prepare(db, "COMMIT");
  std::string body;
  for (int i = 0; i < 40; ++i) body += "Bitcoin fell 4% to $81,000 as longs lost $120 million in liquidations. ";

  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = CpuSeconds();
  int64_t rows = 0;
  if (level == kYardstick) {
    cn::Statement insert = Prepare(db, "INSERT INTO t(a, b) VALUES (?1, ?2)");
    for (int n = 0; n < articles * 2; ++n) {  // 20 rows per article in the other cases
      Run(begin);
      for (int i = 0; i < 10; ++i, ++rows) {
        insert.Bind(1, static_cast<int64_t>(i)).BindView(2, "$81,000");
        Run(insert);
      }
      Run(commit);
    }
  } else {
    cn::Statement article = Prepare(db,
        "INSERT INTO articles(canonical_url, title, published_at, text, content_hash) "
        "VALUES (?1, 'Bench article', '2026-11-20T08:30:00Z', ?2, 'cnh64:0123456789abcdef')");
    cn::Statement figure = Prepare(db,
        "INSERT INTO figures(article_id, ordinal, kind, asset, value, value_high, unit, qualifier, direction, "
        "window, side, name, metric, start, \"end\", text, sentence) "
        "VALUES (?1, ?2, ?3, 'BTC', ?4, NULL, 'USD', 'exact', NULL, NULL, ?5, NULL, NULL, ?6, ?7, '$81,000', ?8)");
    cn::Statement index;
    if (level == kFullText)
      index = Prepare(db,
          "INSERT INTO articles_fts(rowid, title, text) SELECT id, title, text FROM articles WHERE id > ?1 AND id <= ?2");
    for (int n = 1; n <= articles; ++n) {
      const std::string url = "https://bench.example/article/" + std::to_string(n);
      const std::string text = body + std::to_string(n);
      Run(begin);
      article.BindView(1, url).BindView(2, text);
      Run(article);
      const int64_t id = sqlite3_last_insert_rowid(db.get());
      for (int i = 0; i < 20; ++i, ++rows) {
        figure.Bind(1, id).Bind(2, static_cast<int64_t>(i)).BindView(3, i % 2 ? "liquidation" : "price");
        figure.Bind(4, 81000.0 + i);
        if (i % 2) figure.BindView(5, "long");
        else figure.BindNull(5);
        figure.Bind(6, static_cast<int64_t>(i * 10)).Bind(7, static_cast<int64_t>(i * 10 + 7));
        figure.Bind(8, static_cast<int64_t>(i));
        Run(figure);
      }
      Run(commit);
      if (level == kFullText && (n % 500 == 0 || n == articles)) {
        Run(begin);
        index.Bind(1, static_cast<int64_t>(n - (n % 500 == 0 ? 500 : n % 500))).Bind(2, static_cast<int64_t>(n));
        Run(index);
        Run(commit);
      }
    }
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu = CpuSeconds() - cpu_start;
  return {static_cast<double>(rows) / wall, static_cast<double>(rows) / cpu};
}

}  // namespace

int main(int argc, char** argv) {
  const int articles = argc > 1 ? std::atoi(argv[1]) : 5000;
  Require(articles > 0, "ARTICLES must be a positive number");
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "cryptonews-floor-bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "floor.db").string();
  std::printf("sqlite_floor_bench: %d transactions of 20 rows per case (10 for the yardstick: twice as many)\n",
              articles);
  std::printf("%-48s %28s %28s\n", "case", "SQLite's checkpoint", "WalCheckpointer");
  std::printf("%-48s %14s %13s %14s %13s\n", "", "rows/s wall", "per CPU s", "rows/s wall", "per CPU s");
  for (Level level : {kYardstick, kBare, kUniqueIndex, kForeignKeys, kChecks, kArticleIndexes, kFullText}) {
    auto [plain_wall, plain_cpu] = Measure(level, false, articles, path);
    auto [own_wall, own_cpu] = Measure(level, true, articles, path);
    std::printf("%-48s %14.0f %13.0f %14.0f %13.0f\n", Describe(level), plain_wall, plain_cpu, own_wall, own_cpu);
  }
  std::filesystem::remove_all(dir);
  return 0;
}
