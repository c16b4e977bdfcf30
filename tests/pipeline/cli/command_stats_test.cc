// `cryptonews stats` and `query` where a reader has less than a writer: a
// directory it cannot write, a write-ahead log without its -shm index, a hot
// rollback journal. Each either works or says exactly why not, and nothing
// is created or changed.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "pipeline/store/article_store.h"
#include "tests/support/run_binary.h"
#include "tests/support/store_fixtures.h"
#include "tests/support/temp_dir.h"

namespace cn {
namespace {

namespace fs = std::filesystem;
using testing::RunBinary;
using testing::RunBinaryWithoutWriteAccess;
using testing::TempDir;

std::set<std::string> FilesIn(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.insert(entry.path().filename().string());
  return names;
}

// A database of ours with two articles, written and closed (no -wal left).
void WriteDatabase(const std::string& path) {
  auto store = ArticleStore::Open(path);
  ASSERT_TRUE(store) << store.error();
  ASSERT_TRUE(store->UpsertArticle(testing::MakeArticle("one", "First text."), {}, {}, 1));
  ASSERT_TRUE(store->UpsertArticle(testing::MakeArticle("two", "Second text."), {}, {}, 1));
}

TEST(StatsCommandTest, WorksOnAWalDatabaseInADirectoryItCannotWrite) {
  TempDir dir;
  fs::create_directory(dir.path() / "ro");
  std::string db = (dir.path() / "ro" / "news.db").string();
  WriteDatabase(db);
  auto before = FilesIn(dir.path() / "ro");
  auto stats = RunBinaryWithoutWriteAccess(dir.path() / "ro", "stats --db " + db);
  EXPECT_EQ(stats.exit_code, 0) << stats.out;
  EXPECT_NE(stats.out.find("articles             2"), std::string::npos) << stats.out;
  auto query = RunBinaryWithoutWriteAccess(dir.path() / "ro", "query --sql 'SELECT count(*) FROM articles' "
                                                              "--format csv --db " + db, false);
  EXPECT_EQ(query.out, "count(*)\r\n2\r\n");
  EXPECT_EQ(FilesIn(dir.path() / "ro"), before) << "a reader created files";
}

// Copies the database and its -wal while a writer holds committed frames
// that are not checkpointed: the copy has a log with data and no -shm.
void CopyWithUncheckpointedLog(const std::string& db, const fs::path& to) {
  auto writer = SqliteDb::Open(db, SQLITE_OPEN_READWRITE);
  ASSERT_TRUE(writer) << writer.error();
  ASSERT_TRUE(writer->Exec("PRAGMA wal_autocheckpoint = 0"));
  ASSERT_TRUE(writer->Exec("UPDATE articles SET title = 'Only in the log'"));
  fs::create_directories(to);
  fs::copy_file(db, to / "news.db");
  fs::copy_file(db + "-wal", to / "news.db-wal");
  ASSERT_GT(fs::file_size(to / "news.db-wal"), 0u);
}

TEST(StatsCommandTest, ALogWithoutItsIndexInAReadOnlyDirectoryIsExplained) {
  TempDir dir;
  std::string db = dir.File("news.db");
  WriteDatabase(db);
  CopyWithUncheckpointedLog(db, dir.path() / "copy");
  std::string copy = (dir.path() / "copy" / "news.db").string();
  auto before = FilesIn(dir.path() / "copy");
  auto refused = RunBinaryWithoutWriteAccess(dir.path() / "copy", "stats --db " + copy);
  EXPECT_EQ(refused.exit_code, 3) << refused.out;
  EXPECT_NE(refused.out.find(copy + "-wal holds data but " + copy + "-shm is missing"), std::string::npos)
      << refused.out;
  EXPECT_EQ(FilesIn(dir.path() / "copy"), before);
  // Where it may write, SQLite rebuilds the index and the log is read.
  auto titles = RunBinary("query --sql 'SELECT DISTINCT title FROM articles' --format csv --db " + copy, false);
  EXPECT_EQ(titles.out, "title\r\nOnly in the log\r\n");
}

// A writer in rollback-journal mode that dies in mid-transaction leaves the
// file half-written and a hot journal that holds the old pages.
void CopyWithHotJournal(const std::string& db, const fs::path& to) {
  {
    auto c = SqliteDb::Open(db, SQLITE_OPEN_READWRITE);
    ASSERT_TRUE(c);
    ASSERT_TRUE(c->Exec("PRAGMA journal_mode = DELETE"));
  }
  auto writer = SqliteDb::Open(db, SQLITE_OPEN_READWRITE);
  ASSERT_TRUE(writer);
  // A tiny page cache makes the transaction spill changed pages into the
  // file before it commits.
  ASSERT_TRUE(writer->Exec("PRAGMA cache_size = 1"));
  ASSERT_TRUE(writer->Exec("BEGIN; UPDATE articles SET title = 'half-written', text = hex(randomblob(60000))"));
  fs::create_directories(to);
  fs::copy_file(db, to / "news.db");
  fs::copy_file(db + "-journal", to / "news.db-journal");
  (void)writer->Exec("ROLLBACK");
}

TEST(StatsCommandTest, AHotJournalIsRolledBackWhereItCanBeAndExplainedWhereNot) {
  TempDir dir;
  std::string db = dir.File("news.db");
  WriteDatabase(db);
  CopyWithHotJournal(db, dir.path() / "ro");
  CopyWithHotJournal(db, dir.path() / "rw");
  std::string ro = (dir.path() / "ro" / "news.db").string();
  std::string rw = (dir.path() / "rw" / "news.db").string();

  auto before = FilesIn(dir.path() / "ro");
  auto refused = RunBinaryWithoutWriteAccess(dir.path() / "ro", "stats --db " + ro);
  EXPECT_EQ(refused.exit_code, 3) << refused.out;
  EXPECT_NE(refused.out.find(ro + "-journal is a hot journal"), std::string::npos) << refused.out;
  EXPECT_EQ(FilesIn(dir.path() / "ro"), before);

  auto titles = RunBinary("query --sql 'SELECT title FROM articles ORDER BY id' --format csv --db " + rw, false);
  EXPECT_EQ(titles.exit_code, 0) << titles.out;
  EXPECT_EQ(titles.out, "title\r\nStory one\r\nStory two\r\n") << "the half-written transaction was not rolled back";
  auto stats = RunBinary("stats --db " + rw);
  EXPECT_EQ(stats.exit_code, 0) << stats.out;
}

}  // namespace
}  // namespace cn
