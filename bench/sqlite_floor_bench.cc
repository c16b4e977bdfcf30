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
// (pipeline/store/wal_checkpointer.h). ArticleStore adds to case 7 only its
// lookups, the remaining article columns and the bookkeeping of a run.
//
// Usage: sqlite_floor_bench [ARTICLES=5000]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <expected>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>

#include "bench/process_usage.h"
#include "pipeline/store/sqlite_handle.h"
#include "pipeline/store/wal_checkpointer.h"

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

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "sqlite_floor_bench: %s\n", what.c_str());
  std::exit(1);
}

template <class T>
T Unwrap(std::expected<T, std::string> r) {
  if (!r) Fail(r.error());
  return std::move(*r);
}

void Check(std::expected<void, std::string> r) {
  if (!r) Fail(r.error());
}

void Run(cn::Statement& s) {
  Check(s.Run());
  s.Reset();
}

struct TransactionStatements {
  cn::Statement begin, commit;
};

// The yardstick: twice as many transactions of 10 rows as the other cases
// have articles, so every case writes 20 rows per article.
int64_t WriteYardstick(cn::SqliteDb& db, TransactionStatements& tx, int articles) {
  cn::Statement insert = Unwrap(db.Prepare("INSERT INTO t(a, b) VALUES (?1, ?2)"));
  int64_t rows = 0;
  for (int n = 0; n < articles * 2; ++n) {
    Run(tx.begin);
    for (int i = 0; i < 10; ++i, ++rows) {
      insert.Bind(1, static_cast<int64_t>(i)).BindView(2, "$81,000");
      Run(insert);
    }
    Run(tx.commit);
  }
  return rows;
}

// One transaction per article: its row and 20 figures; with kFullText, the
// full-text index catches up every 500 articles, as ArticleStore does.
int64_t WriteArticles(cn::SqliteDb& db, TransactionStatements& tx, Level level, int articles) {
  cn::Statement article = Unwrap(db.Prepare(
      "INSERT INTO articles(canonical_url, title, published_at, text, content_hash) "
      "VALUES (?1, 'Bench article', '2026-11-20T08:30:00Z', ?2, 'cnh64:0123456789abcdef')"));
  cn::Statement figure = Unwrap(db.Prepare(
      "INSERT INTO figures(article_id, ordinal, kind, asset, value, value_high, unit, qualifier, direction, "
      "window, side, name, metric, start, \"end\", text, sentence) "
      "VALUES (?1, ?2, ?3, 'BTC', ?4, NULL, 'USD', 'exact', NULL, NULL, ?5, NULL, NULL, ?6, ?7, '$81,000', ?8)"));
  cn::Statement index;
  if (level == kFullText)
    index = Unwrap(db.Prepare(
        "INSERT INTO articles_fts(rowid, title, text) SELECT id, title, text FROM articles WHERE id > ?1 AND id <= ?2"));
  std::string body;
  for (int i = 0; i < 40; ++i) body += "Bitcoin fell 4% to $81,000 as longs lost $120 million in liquidations. ";

  int64_t rows = 0;
  int64_t indexed_through = 0;
  for (int n = 1; n <= articles; ++n) {
    const std::string url = "https://bench.example/article/" + std::to_string(n);
    const std::string text = body + std::to_string(n);
    Run(tx.begin);
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
    Run(tx.commit);
    if (level == kFullText && (n % 500 == 0 || n == articles)) {
      Run(tx.begin);
      index.Bind(1, indexed_through).Bind(2, id);
      Run(index);
      Run(tx.commit);
      indexed_through = id;
    }
  }
  return rows;
}

// Rows written per wall second and per CPU second.
std::pair<double, double> Measure(Level level, bool own_checkpointer, int articles, const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  cn::SqliteDb db = Unwrap(cn::SqliteDb::Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
  Check(db.Exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL"));
  if (level >= kForeignKeys) Check(db.Exec("PRAGMA foreign_keys = ON"));
  Check(db.Exec(Schema(level)));
  std::unique_ptr<cn::WalCheckpointer> checkpointer;
  if (own_checkpointer) checkpointer = Unwrap(cn::WalCheckpointer::Start(db));
  TransactionStatements tx{Unwrap(db.Prepare("BEGIN IMMEDIATE")), Unwrap(db.Prepare("COMMIT"))};

  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = CpuSeconds();
  const int64_t rows = level == kYardstick ? WriteYardstick(db, tx, articles) : WriteArticles(db, tx, level, articles);
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu = CpuSeconds() - cpu_start;
  return {static_cast<double>(rows) / wall, static_cast<double>(rows) / cpu};
}

}  // namespace

int main(int argc, char** argv) {
  const int articles = argc > 1 ? std::atoi(argv[1]) : 5000;
  if (articles <= 0) Fail("ARTICLES must be a positive number");
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
