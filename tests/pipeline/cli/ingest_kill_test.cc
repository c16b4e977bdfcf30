// The crash test the storage contract asks for: a real `cryptonews ingest`
// process crawling a generated site on a loopback server is killed with
// SIGKILL at several points; after each kill the database must pass
// integrity_check and hold only whole articles; a final run must complete it
// to exactly what an uninterrupted run stores.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <thread>
#include <vector>

#include "pipeline/cli/exit_codes.h"
#include "pipeline/store/ingest_lock.h"
#include "pipeline/store/sqlite_handle.h"
#include "tests/support/generated_news_site.h"
#include "tests/support/run_binary.h"
#include "tests/support/spawn_binary.h"
#include "tests/support/temp_dir.h"

namespace cn {
namespace {

using testing::GeneratedNewsSite;
using testing::SpawnBinary;
using testing::TempDir;

constexpr int kArticles = 120;

// Runs one query on the database if it exists yet; -1 otherwise.
int64_t QueryIntIfExists(const std::string& db_path, const std::string& sql) {
  auto db = SqliteDb::Open(db_path, SQLITE_OPEN_READWRITE);
  if (!db) return -1;
  return db->QueryInt(sql).value_or(-1);
}

std::vector<std::string> Rows(const std::string& db_path, const std::string& sql) {
  auto db = SqliteDb::Open(db_path, SQLITE_OPEN_READWRITE);
  EXPECT_TRUE(db) << db.error();
  if (!db) return {};
  auto stmt = db->Prepare(sql);
  EXPECT_TRUE(stmt) << stmt.error();
  if (!stmt) return {};
  std::vector<std::string> rows;
  while (stmt->Step() == SQLITE_ROW) {
    std::string row;
    for (int c = 0; c < stmt->ColumnCount(); ++c) row += std::string(stmt->ColumnText(c)) + "|";
    rows.push_back(row);
  }
  return rows;
}

std::map<std::string, int64_t> FigureCounts(const std::string& db_path) {
  std::map<std::string, int64_t> counts;
  for (const std::string& row : Rows(db_path, "SELECT a.canonical_url, (SELECT count(*) FROM figures f WHERE "
                                              "f.article_id = a.id) FROM articles a")) {
    size_t bar = row.find('|');
    counts[row.substr(0, bar)] = std::stoll(row.substr(bar + 1));
  }
  return counts;
}

const char* kArticleRowsSql = "SELECT canonical_url, title, published_at, content_hash, extractor_version FROM "
                              "articles ORDER BY canonical_url";
const char* kFigureRowsSql =
    "SELECT a.canonical_url, f.ordinal, f.kind, f.asset, f.value, f.value_high, f.unit, f.qualifier, f.direction, "
    "f.window, f.side, f.name, f.metric, f.start, f.\"end\", f.text, f.sentence FROM figures f "
    "JOIN articles a ON a.id = f.article_id ORDER BY a.canonical_url, f.ordinal";

TEST(IngestKillTest, KilledIngestsLeaveWholeArticlesAndARerunCompletesThem) {
  TempDir dir;
  GeneratedNewsSite site(kArticles, std::chrono::milliseconds(4));
  std::string sources = dir.Write("sources.toml", site.SourcesToml());
  auto ingest_args = [&](const std::string& db) {
    return std::vector<std::string>{"ingest", "--sources", sources, "--db", db, "--allow-private",
                                    "--politeness-ms", "0", "--quiet"};
  };
  auto ingest_command = [&](const std::string& db) {
    std::string cmd;
    for (const std::string& a : ingest_args(db)) cmd += a + " ";
    return cmd;
  };

  // The reference: one uninterrupted run.
  std::string reference = dir.File("reference.db");
  auto ref = testing::RunBinary(ingest_command(reference));
  ASSERT_EQ(ref.exit_code, 0) << ref.out;
  std::map<std::string, int64_t> expected_counts = FigureCounts(reference);
  ASSERT_EQ(expected_counts.size(), static_cast<size_t>(kArticles));

  // Kill points: as soon as the run row exists, after a few articles, after many.
  std::string killed = dir.File("killed.db");
  struct KillPoint {
    const char* what;
    std::string sql;
    int64_t at_least;
  } points[] = {
      {"right after start", "SELECT count(*) FROM runs WHERE status = 'running'", 1},
      {"after a few articles", "SELECT count(*) FROM articles", 5},
      {"after most articles", "SELECT count(*) FROM articles", kArticles * 2 / 3},
  };
  int kills = 0;
  for (const KillPoint& point : points) {
    pid_t pid = SpawnBinary(ingest_args(killed));
    ASSERT_GT(pid, 0);
    int status = 0;
    bool exited = false;
    // Wait for the condition (or for the process to end on its own).
    for (int i = 0; i < 60000; ++i) {
      if (waitpid(pid, &status, WNOHANG) == pid) {
        exited = true;
        break;
      }
      if (QueryIntIfExists(killed, point.sql) >= point.at_least) break;
      std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
    if (!exited) {
      kill(pid, SIGKILL);
      ASSERT_EQ(waitpid(pid, &status, 0), pid);
      if (WIFSIGNALED(status)) ++kills;
    }

    SCOPED_TRACE(point.what);
    std::printf("[ kill     ] %s: %s, %lld articles stored\n", point.what, exited ? "had exited" : "killed",
                static_cast<long long>(QueryIntIfExists(killed, "SELECT count(*) FROM articles")));
    EXPECT_EQ(Rows(killed, "PRAGMA integrity_check"), std::vector<std::string>{"ok|"});
    EXPECT_EQ(QueryIntIfExists(killed, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    // No half-written article: every stored article has all its figures.
    for (const auto& [url, count] : FigureCounts(killed)) {
      ASSERT_TRUE(expected_counts.contains(url)) << url;
      EXPECT_EQ(count, expected_counts[url]) << url;
    }
  }
  EXPECT_GE(kills, 2) << "the ingest finished before it could be killed; slow the site down";

  // A rerun completes what was missing and ends equal to the uninterrupted run.
  auto rerun = testing::RunBinary(ingest_command(killed));
  ASSERT_EQ(rerun.exit_code, 0) << rerun.out;
  EXPECT_EQ(Rows(killed, kArticleRowsSql), Rows(reference, kArticleRowsSql));
  EXPECT_EQ(Rows(killed, kFigureRowsSql), Rows(reference, kFigureRowsSql));
  EXPECT_EQ(QueryIntIfExists(killed, "SELECT count(*) FROM runs WHERE status = 'running'"), 0);
  EXPECT_EQ(QueryIntIfExists(killed, "SELECT count(*) FROM runs WHERE status = 'interrupted'"), kills);

  // And a run after that stores nothing new.
  auto again = testing::RunBinary(ingest_command(killed));
  ASSERT_EQ(again.exit_code, 0) << again.out;
  EXPECT_EQ(QueryIntIfExists(killed, "SELECT articles_new + articles_updated FROM runs ORDER BY id DESC LIMIT 1"), 0);
  EXPECT_EQ(QueryIntIfExists(killed, "SELECT articles_unchanged FROM runs ORDER BY id DESC LIMIT 1"), kArticles);
}

// SIGTERM (and SIGINT) stop an ingest cleanly: the article being stored is
// finished, the run row says 'interrupted' with its counts, the lock is
// released, the exit code is kExitInterrupted, and a rerun completes the rest.
constexpr int kSignalArticles = 80;

TEST(IngestSignalTest, StopSignalEndsTheRunCleanly) {
  for (int signal_number : {SIGTERM, SIGINT}) {
    SCOPED_TRACE(signal_number == SIGTERM ? "SIGTERM" : "SIGINT");
    TempDir dir;
    // Slow pages (25 ms each, two at a time): the run takes a second, so the
    // signal lands in the middle of it.
    GeneratedNewsSite site(kSignalArticles, std::chrono::milliseconds(25));
    std::string sources = dir.Write("sources.toml", site.SourcesToml());
    std::string db = dir.File("signal.db");
    pid_t pid = SpawnBinary({"ingest", "--sources", sources, "--db", db, "--allow-private", "--politeness-ms", "0",
                       "--quiet"});
    ASSERT_GT(pid, 0);
    int status = 0;
    bool exited = false;
    for (int i = 0; i < 20000; ++i) {
      if (waitpid(pid, &status, WNOHANG) == pid) {
        exited = true;
        break;
      }
      if (QueryIntIfExists(db, "SELECT count(*) FROM articles") >= 5) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ASSERT_FALSE(exited) << "the ingest ended before the signal could be sent";
    auto sent = std::chrono::steady_clock::now();
    kill(pid, signal_number);
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - sent).count();
    ASSERT_TRUE(WIFEXITED(status)) << "killed by the signal instead of stopping cleanly";
    EXPECT_EQ(WEXITSTATUS(status), kExitInterrupted);
    EXPECT_LT(seconds, 10.0) << "stopping took too long";

    int64_t stored = QueryIntIfExists(db, "SELECT count(*) FROM articles");
    EXPECT_GE(stored, 5);
    EXPECT_LT(stored, kSignalArticles);
    EXPECT_EQ(Rows(db, "SELECT status, finished_at IS NOT NULL, articles_new FROM runs"),
              std::vector<std::string>{"interrupted|1|" + std::to_string(stored) + "|"});
    EXPECT_EQ(Rows(db, "PRAGMA integrity_check"), std::vector<std::string>{"ok|"});
    EXPECT_EQ(QueryIntIfExists(db, "SELECT count(*) FROM articles_not_indexed"), 0) << "search index left behind";
    EXPECT_TRUE(IngestLock::Acquire(db).has_value()) << "the lock was not released";

    auto rerun = testing::RunBinary("ingest --sources " + sources + " --db " + db +
                                    " --allow-private --politeness-ms 0 --quiet");
    ASSERT_EQ(rerun.exit_code, 0) << rerun.out;
    EXPECT_EQ(QueryIntIfExists(db, "SELECT count(*) FROM articles"), kSignalArticles);
    EXPECT_EQ(QueryIntIfExists(db, "SELECT articles_new FROM runs ORDER BY id DESC LIMIT 1"), kSignalArticles - stored);
  }
}

}  // namespace
}  // namespace cn
