// The crash test for bulk input: a real `cryptonews warc` process storing a
// generated WARC file in batches is killed with SIGKILL at several points.
// After each kill the database passes integrity_check, holds only whole
// articles, and its resume mark covers exactly the committed records; a
// rerun completes exactly what was missing (nothing read twice) and ends
// equal to an uninterrupted run. Done for a file with one gzip member per
// record (resumed by seeking) and for one gzip stream (resumed by reading
// past the mark).
#include <gtest/gtest.h>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <map>
#include <thread>

#include "pipeline/cli/exit_codes.h"
#include "tests/support/db_rows.h"
#include "tests/support/generated_news_site.h"
#include "tests/support/run_binary.h"
#include "tests/support/spawn_binary.h"
#include "tests/support/temp_dir.h"
#include "tests/support/warc_writer.h"

extern char** environ;

namespace cn {
namespace {

using testing::DbInt;
using testing::DbRows;
using testing::TempDir;

constexpr int kArticles = 2500;

std::string GeneratedWarc(bool per_record) {
  std::string plain, gz;
  std::string info = testing::WarcRecordBytes("warcinfo", "", "2026-11-20T00:00:00Z", "software: kill test\r\n");
  plain += info;
  gz += testing::GzipMember(info, 1);
  for (int i = 0; i < kArticles; ++i) {
    std::string r = testing::WarcResponse("https://gen.example" + testing::GeneratedArticlePath(i),
                                          testing::GeneratedPublishedAt(i),
                                          testing::GeneratedArticleHtml(i, "https://gen.example"));
    if (per_record) gz += testing::GzipMember(r, 1);
    else plain += r;
  }
  return per_record ? gz : testing::GzipMember(plain, 1);
}

int64_t QueryIfExists(const std::string& db, const std::string& sql) {
  if (!std::filesystem::exists(db)) return -1;
  return DbInt(db, sql);
}

std::map<std::string, int64_t> FigureCounts(const std::string& db) {
  std::map<std::string, int64_t> counts;
  for (const std::string& row : DbRows(db, "SELECT a.canonical_url, (SELECT count(*) FROM figures f WHERE "
                                           "f.article_id = a.id) FROM articles a")) {
    size_t bar = row.find('|');
    counts[row.substr(0, bar)] = std::stoll(row.substr(bar + 1));
  }
  return counts;
}

TEST(WarcKillTest, KilledBulkRunsLeaveWholeArticlesAndARerunCompletesExactlyTheRest) {
  for (bool per_record : {true, false}) {
    SCOPED_TRACE(per_record ? "gzip per record" : "one gzip stream");
    TempDir dir;
    const std::string warc = dir.Write(per_record ? "gen.warc.gz" : "stream.warc.gz", GeneratedWarc(per_record));
    auto args = [&](const std::string& db) {
      return std::vector<std::string>{"warc", "--quiet", "--all", "--batch", "40", "--db", db, warc};
    };
    const std::string reference = dir.File("reference.db");
    auto ref = testing::RunBinary("warc --quiet --all --db " + reference + " " + warc);
    ASSERT_EQ(ref.exit_code, kExitOk) << ref.out;
    std::map<std::string, int64_t> expected = FigureCounts(reference);
    ASSERT_EQ(expected.size(), static_cast<size_t>(kArticles));

    const std::string killed = dir.File("killed.db");
    const char* count_sql = "SELECT count(*) FROM articles";
    int kills = 0;
    for (int64_t at_least : {int64_t{1}, int64_t{kArticles / 4}, int64_t{kArticles * 2 / 3}}) {
      pid_t pid = testing::SpawnBinary(args(killed));
      ASSERT_GT(pid, 0);
      int status = 0;
      bool exited = false;
      for (int i = 0; i < 120000; ++i) {
        if (waitpid(pid, &status, WNOHANG) == pid) {
          exited = true;
          break;
        }
        if (QueryIfExists(killed, count_sql) >= at_least) break;
        std::this_thread::sleep_for(std::chrono::microseconds(250));
      }
      if (!exited) {
        kill(pid, SIGKILL);
        ASSERT_EQ(waitpid(pid, &status, 0), pid);
        if (WIFSIGNALED(status)) ++kills;
      }
      const int64_t stored = QueryIfExists(killed, count_sql);
      std::printf("[ kill     ] %s after >= %lld: %lld articles stored\n", exited ? "exited" : "killed",
                  static_cast<long long>(at_least), static_cast<long long>(stored));
      EXPECT_EQ(DbRows(killed, "PRAGMA integrity_check"), std::vector<std::string>{"ok|"});
      EXPECT_EQ(DbInt(killed, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
      for (const auto& [url, count] : FigureCounts(killed)) {
        ASSERT_TRUE(expected.contains(url)) << url;
        EXPECT_EQ(count, expected[url]) << url << ": half written";
      }
      // The mark and the articles commit together: every record up to the
      // mark (the warcinfo record and one article each) is stored, none after.
      const int64_t marked = QueryIfExists(killed, "SELECT coalesce(max(records), 0) FROM warc_inputs");
      EXPECT_EQ(stored, std::max<int64_t>(marked - 1, 0));
    }
    EXPECT_GE(kills, 2) << "the run finished before it could be killed";

    const int64_t before = DbInt(killed, count_sql);
    auto rerun = testing::RunBinary("warc --quiet --all --batch 40 --db " + killed + " " + warc);
    ASSERT_EQ(rerun.exit_code, kExitOk) << rerun.out;
    EXPECT_EQ(DbInt(killed, "SELECT articles_new FROM runs ORDER BY id DESC LIMIT 1"), kArticles - before);
    EXPECT_EQ(DbInt(killed, "SELECT articles_unchanged FROM runs ORDER BY id DESC LIMIT 1"), 0) << "read twice";
    testing::ExpectSameContent(killed, reference);
    EXPECT_EQ(DbInt(killed, "SELECT count(*) FROM runs WHERE status = 'running'"), 0);
    EXPECT_EQ(DbInt(killed, "SELECT count(*) FROM articles_not_indexed"), 0);
  }
}

// SIGTERM stops a warc run cleanly: committed, marked, exit code 5, resumable.
TEST(WarcKillTest, StopSignalCommitsWhatWasReadAndTheRerunResumes) {
  TempDir dir;
  const std::string warc = dir.Write("gen.warc.gz", GeneratedWarc(true));
  const std::string db = dir.File("term.db");
  pid_t pid = testing::SpawnBinary({"warc", "--quiet", "--all", "--db", db, warc});
  ASSERT_GT(pid, 0);
  int status = 0;
  for (int i = 0; i < 120000 && QueryIfExists(db, "SELECT count(*) FROM articles") < 50; ++i) {
    ASSERT_NE(waitpid(pid, &status, WNOHANG), pid) << "ended before the signal";
    std::this_thread::sleep_for(std::chrono::microseconds(250));
  }
  kill(pid, SIGTERM);
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), kExitInterrupted);
  const int64_t stored = DbInt(db, "SELECT count(*) FROM articles");
  EXPECT_LT(stored, kArticles);
  EXPECT_EQ(DbRows(db, "SELECT status, articles_new FROM runs"),
            std::vector<std::string>{"interrupted|" + std::to_string(stored) + "|"});
  EXPECT_EQ(DbInt(db, "SELECT records FROM warc_inputs"), stored + 1);
  auto rerun = testing::RunBinary("warc --quiet --all --db " + db + " " + warc);
  ASSERT_EQ(rerun.exit_code, kExitOk) << rerun.out;
  EXPECT_EQ(DbInt(db, "SELECT articles_new FROM runs ORDER BY id DESC LIMIT 1"), kArticles - stored);
}

}  // namespace
}  // namespace cn
