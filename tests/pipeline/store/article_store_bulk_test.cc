// ArticleStore's bulk mode (article_store.h): batches of writes in one
// transaction, each write a savepoint of its own.
#include <gtest/gtest.h>

#include <thread>

#include "pipeline/store/article_store.h"
#include "pipeline/store/warc_progress.h"
#include "tests/support/store_fixtures.h"
#include "tests/support/temp_dir.h"

namespace cn {
namespace {

using testing::MakeArticle;
using testing::MakeLiquidation;
using testing::TempDir;

// Rows as a second connection (another process) sees them.
int64_t CountFromOutside(const std::string& path, const std::string& sql) {
  auto db = SqliteDb::Open(path, SQLITE_OPEN_READONLY);
  if (!db) return -1;
  return db->QueryInt(sql).value_or(-1);
}

std::vector<Figure> TwoFigures() {
  return {MakeLiquidation(1e6, Side::kLong, 0, 3, "$1M"), MakeLiquidation(2e6, Side::kShort, 4, 7, "$2M")};
}

TEST(ArticleStoreBulkTest, ABatchIsInvisibleUntilCommittedThenWhole) {
  TempDir dir;
  const std::string path = dir.File("bulk.db");
  auto store = ArticleStore::Open(path);
  ASSERT_TRUE(store) << store.error();
  store->BeginBulk({1000, std::chrono::hours(1)});
  for (int i = 0; i < 30; ++i)
    ASSERT_TRUE(store->UpsertArticle(MakeArticle("a" + std::to_string(i), "text " + std::to_string(i)),
                                     TwoFigures(), {}, 1));
  EXPECT_TRUE(store->InBulkBatch());
  EXPECT_FALSE(store->BulkBatchDue());
  EXPECT_EQ(CountFromOutside(path, "SELECT count(*) FROM articles"), 0);
  ASSERT_TRUE(store->CommitBulk());
  EXPECT_FALSE(store->InBulkBatch());
  EXPECT_EQ(CountFromOutside(path, "SELECT count(*) FROM articles"), 30);
  EXPECT_EQ(CountFromOutside(path, "SELECT count(*) FROM figures"), 60);
}

TEST(ArticleStoreBulkTest, ABatchIsDueByCountOrByAge) {
  TempDir dir;
  auto store = ArticleStore::Open(dir.File("due.db"));
  ASSERT_TRUE(store);
  store->BeginBulk({3, std::chrono::hours(1)});
  EXPECT_FALSE(store->BulkBatchDue());
  for (int i = 0; i < 2; ++i) ASSERT_TRUE(store->UpsertArticle(MakeArticle("c" + std::to_string(i), "t"), {}, {}, 1));
  EXPECT_FALSE(store->BulkBatchDue());
  ASSERT_TRUE(store->UpsertArticle(MakeArticle("c2", "t"), {}, {}, 1));
  EXPECT_TRUE(store->BulkBatchDue());
  ASSERT_TRUE(store->CommitBulk());

  store->BeginBulk({1000, std::chrono::milliseconds(30)});
  ASSERT_TRUE(store->UpsertArticle(MakeArticle("t0", "t"), {}, {}, 1));
  EXPECT_FALSE(store->BulkBatchDue());
  std::this_thread::sleep_for(std::chrono::milliseconds(40));
  EXPECT_TRUE(store->BulkBatchDue());
}

TEST(ArticleStoreBulkTest, AFailedArticleUndoesOnlyItselfAndTheBatchGoesOn) {
  TempDir dir;
  const std::string path = dir.File("fail.db");
  auto store = ArticleStore::Open(path);
  ASSERT_TRUE(store);
  store->BeginBulk();
  ASSERT_TRUE(store->UpsertArticle(MakeArticle("before", "x"), TwoFigures(), {}, 1));
  Figure bad = MakeLiquidation(1, Side::kNone, 0, 1, "x");
  bad.kind = static_cast<FigureKind>(99);  // fails the kind CHECK
  auto r = store->UpsertArticle(MakeArticle("bad", "y", "only-the-bad-source"), {TwoFigures()[0], bad}, {}, 1);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, StoreErrorKind::kBadArticle) << r.error().message;
  ASSERT_TRUE(store->UpsertArticle(MakeArticle("after", "z"), TwoFigures(), {}, 1));
  ASSERT_TRUE(store->EndBulk());
  EXPECT_EQ(CountFromOutside(path, "SELECT count(*) FROM articles"), 2);
  EXPECT_EQ(CountFromOutside(path, "SELECT count(*) FROM figures"), 4);
  EXPECT_EQ(CountFromOutside(path, "SELECT count(*) FROM sources WHERE name = 'only-the-bad-source'"), 0);
}

TEST(ArticleStoreBulkTest, ProgressSavedInABatchCommitsWithItsArticles) {
  TempDir dir;
  const std::string path = dir.File("progress.db");
  auto store = ArticleStore::Open(path);
  ASSERT_TRUE(store);
  auto progress = WarcProgressStore::Create(store->db());
  ASSERT_TRUE(progress) << progress.error();
  store->BeginBulk();
  ASSERT_TRUE(store->UpsertArticle(MakeArticle("p", "x"), {}, {}, 1));
  WarcProgress p;
  p.input = "/data/a.warc.gz";
  p.first_record_id = "<urn:uuid:1>";
  p.last_record_id = "<urn:uuid:9>";
  p.last_offset = 123456;
  p.last_stream_offset = 999999;
  p.last_starts_member = true;
  p.records = 9;
  ASSERT_TRUE(progress->Save(p));
  EXPECT_EQ(CountFromOutside(path, "SELECT count(*) FROM warc_inputs"), 0);
  ASSERT_TRUE(store->CommitBulk());
  EXPECT_EQ(CountFromOutside(path, "SELECT records FROM warc_inputs WHERE last_offset = 123456"), 9);

  auto loaded = progress->Load("/data/a.warc.gz");
  ASSERT_TRUE(loaded && *loaded);
  EXPECT_EQ((*loaded)->last_stream_offset, 999999u);
  EXPECT_TRUE((*loaded)->last_starts_member);
  EXPECT_FALSE((*loaded)->finished);
  p.finished = true;
  ASSERT_TRUE(progress->Save(p));
  EXPECT_TRUE((*progress->Load("/data/a.warc.gz"))->finished);
  ASSERT_TRUE(progress->Forget("/data/a.warc.gz"));
  EXPECT_FALSE(*progress->Load("/data/a.warc.gz"));
}

TEST(ArticleStoreBulkTest, FinishRunAndTheDestructorCommitAnOpenBatch) {
  TempDir dir;
  const std::string path = dir.File("finish.db");
  {
    auto store = ArticleStore::Open(path);
    ASSERT_TRUE(store);
    auto run = store->BeginRun("warc");
    ASSERT_TRUE(run) << run.error();
    store->BeginBulk();
    ASSERT_TRUE(store->UpsertArticle(MakeArticle("f1", "x"), {}, {}, 1));
    ASSERT_TRUE(store->FinishRun(*run, RunStatus::kOk, {}, "[]"));
    EXPECT_EQ(CountFromOutside(path, "SELECT count(*) FROM articles"), 1);
    ASSERT_TRUE(store->SetRunRecords(*run, R"({"records": 3})"));
    ASSERT_TRUE(store->UpsertArticle(MakeArticle("f2", "x"), {}, {}, 1));
  }
  EXPECT_EQ(CountFromOutside(path, "SELECT count(*) FROM articles"), 2);
  EXPECT_EQ(CountFromOutside(path, "SELECT records ->> 'records' FROM runs WHERE command = 'warc'"), 3);
  EXPECT_EQ(CountFromOutside(path, "SELECT count(*) FROM articles_not_indexed"), 0);
}

TEST(ArticleStoreBulkTest, TheNewerFetchWinsAndTiesGoToTheLargerHash) {
  EXPECT_TRUE(IsNewerContent("2026-11-21T00:00:00Z", "cnh64:0", "2026-11-20T00:00:00Z", "cnh64:f"));
  EXPECT_FALSE(IsNewerContent("2026-11-19T00:00:00Z", "cnh64:f", "2026-11-20T00:00:00Z", "cnh64:0"));
  EXPECT_TRUE(IsNewerContent("2026-11-20T00:00:00Z", "cnh64:b", "2026-11-20T00:00:00Z", "cnh64:a"));
  EXPECT_FALSE(IsNewerContent("2026-11-20T00:00:00Z", "cnh64:a", "2026-11-20T00:00:00Z", "cnh64:a"));
}

TEST(ArticleStoreBulkTest, ReprocessReplacementsJoinTheBatchToo) {
  TempDir dir;
  const std::string path = dir.File("reprocess.db");
  auto store = ArticleStore::Open(path);
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->UpsertArticle(MakeArticle("r", "x"), {}, {}, 1));
  auto id = store->Find("https://news.example/r");
  ASSERT_TRUE(id);
  store->BeginBulk();
  ASSERT_TRUE(store->ReplaceDerived(id->id, TwoFigures(), 2, {}));
  EXPECT_EQ(CountFromOutside(path, "SELECT count(*) FROM figures"), 0);
  ASSERT_TRUE(store->EndBulk());
  EXPECT_EQ(CountFromOutside(path, "SELECT count(*) FROM figures"), 2);
  EXPECT_EQ(CountFromOutside(path, "SELECT extractor_version FROM articles"), 2);
}

}  // namespace
}  // namespace cn
