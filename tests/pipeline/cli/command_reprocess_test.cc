// `cryptonews reprocess` as the real binary: a stop signal ends it like it
// ends ingest (exit 5, run row 'interrupted' with its counts, lock released),
// and the next reprocess completes the rest.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <thread>

#include "extractors/version.h"
#include "pipeline/cli/exit_codes.h"
#include "pipeline/store/article_store.h"
#include "pipeline/store/ingest_lock.h"
#include "tests/support/run_binary.h"
#include "tests/support/spawn_binary.h"
#include "tests/support/store_fixtures.h"
#include "tests/support/temp_dir.h"

namespace cn {
namespace {

using testing::TempDir;

int64_t QueryInt(const std::string& db_path, const std::string& sql) {
  auto db = SqliteDb::Open(db_path, SQLITE_OPEN_READONLY);
  if (!db) return -1;
  return db->QueryInt(sql).value_or(-1);
}

std::string QueryText(const std::string& db_path, const std::string& sql) {
  auto db = SqliteDb::Open(db_path, SQLITE_OPEN_READONLY);
  if (!db) return "";
  auto stmt = db->Prepare(sql);
  if (!stmt || stmt->Step() != SQLITE_ROW) return "";
  return std::string(stmt->ColumnText(0));
}

// Articles long enough (about 100 KB of figures each) that reprocessing them
// all takes a while, so the signal lands in the middle.
constexpr int kArticles = 200;

void StoreOldArticles(const std::string& db) {
  std::string text;
  for (int i = 0; i < 900; ++i)
    text += "Bitcoin fell " + std::to_string(1 + i % 9) + "% to $" + std::to_string(60000 + i) +
            " as $" + std::to_string(100 + i) + " million in longs were liquidated. ";
  auto store = ArticleStore::Open(db);
  ASSERT_TRUE(store) << store.error();
  for (int i = 0; i < kArticles; ++i)
    ASSERT_TRUE(store->UpsertArticle(testing::MakeArticle("a" + std::to_string(i), text), {}, {}, 0));
}

TEST(ReprocessSignalTest, StopSignalEndsTheRunLikeIngest) {
  TempDir dir;
  std::string db = dir.File("reprocess.db");
  StoreOldArticles(db);
  const std::string done_sql =
      "SELECT count(*) FROM articles WHERE extractor_version = " + std::to_string(kExtractorVersion);

  pid_t pid = testing::SpawnBinary({"reprocess", "--db", db, "--quiet"});
  ASSERT_GT(pid, 0);
  int status = 0;
  bool exited = false;
  for (int i = 0; i < 20000; ++i) {
    if (waitpid(pid, &status, WNOHANG) == pid) {
      exited = true;
      break;
    }
    if (QueryInt(db, done_sql) >= 3) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ASSERT_FALSE(exited) << "reprocess ended before the signal could be sent";
  kill(pid, SIGTERM);
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status)) << "killed by SIGTERM instead of stopping cleanly";
  EXPECT_EQ(WEXITSTATUS(status), kExitInterrupted);

  const int64_t done = QueryInt(db, done_sql);
  EXPECT_GE(done, 3);
  EXPECT_LT(done, kArticles);
  EXPECT_EQ(QueryText(db, "SELECT status || ',' || (finished_at IS NOT NULL) || ',' || articles_updated FROM runs"),
            "interrupted,1," + std::to_string(done));
  EXPECT_TRUE(IngestLock::Acquire(db).has_value()) << "the lock was not released";

  auto rerun = testing::RunBinary("reprocess --db " + db);
  ASSERT_EQ(rerun.exit_code, 0) << rerun.out;
  EXPECT_NE(rerun.out.find(std::to_string(kArticles - done) + " of " + std::to_string(kArticles - done)),
            std::string::npos)
      << rerun.out;
  EXPECT_EQ(QueryInt(db, done_sql), kArticles);
}

}  // namespace
}  // namespace cn
