// The WAL-coalescing VFS (pipeline/store/sqlite_wal_vfs.h): every committed
// transaction, small or larger than what one write may carry, is on file for
// a plain SQLite reader at once, and survives the writer being killed.
#include "pipeline/store/sqlite_wal_vfs.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

#include "pipeline/store/sqlite_handle.h"
#include "tests/support/temp_dir.h"

namespace cn {
namespace {

using cn::testing::TempDir;

// A connection through the default VFS, as the sqlite3 shell would open it.
struct PlainReader {
  sqlite3* db = nullptr;
  explicit PlainReader(const std::string& path) {
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  }
  ~PlainReader() { sqlite3_close(db); }
  int64_t Int(const char* sql) {
    sqlite3_stmt* s = nullptr;
    int64_t v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
      v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
  }
};

SqliteDb OpenWriter(const std::string& path) {
  auto db = SqliteDb::Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  EXPECT_TRUE(db) << db.error();
  EXPECT_TRUE(db->Exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                       "CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT"));
  return std::move(*db);
}

TEST(WalCoalescingVfsTest, IsRegisteredAndUsedByEveryConnection) {
  ASSERT_NE(WalCoalescingVfsName(), nullptr);
  TempDir dir;
  SqliteDb db = OpenWriter(dir.File("a.db"));
  sqlite3_vfs* vfs = nullptr;
  ASSERT_EQ(sqlite3_file_control(db.get(), "main", SQLITE_FCNTL_VFS_POINTER, &vfs), SQLITE_OK);
  ASSERT_NE(vfs, nullptr);
  EXPECT_STREQ(vfs->zName, WalCoalescingVfsName());
}

TEST(WalCoalescingVfsTest, EveryCommitIsReadableByAPlainReaderAtOnce) {
  struct Case {
    const char* what;
    int rows;
    size_t body_bytes;
  };
  // One small row; a row spanning overflow pages; a transaction of ~3 MB
  // (more than the buffer holds and more than one write may carry).
  const Case cases[] = {{"one small row", 1, 10}, {"one row over several pages", 1, 20000},
                        {"a few megabytes", 300, 10000}};
  TempDir dir;
  const std::string path = dir.File("a.db");
  SqliteDb writer = OpenWriter(path);
  int64_t expected_rows = 0, expected_bytes = 0;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    ASSERT_TRUE(writer.Exec("BEGIN IMMEDIATE"));
    auto insert = writer.Prepare("INSERT INTO t(body) VALUES (?1)");
    ASSERT_TRUE(insert);
    const std::string body(c.body_bytes, 'x');
    for (int i = 0; i < c.rows; ++i) {
      insert->Bind(1, std::string_view(body));
      ASSERT_TRUE(insert->Run());
    }
    ASSERT_TRUE(writer.Exec("COMMIT"));
    expected_rows += c.rows;
    expected_bytes += static_cast<int64_t>(c.rows * c.body_bytes);
    PlainReader reader(path);  // the writer stays open: nothing is checkpointed on close
    EXPECT_EQ(reader.Int("SELECT count(*) FROM t"), expected_rows);
    EXPECT_EQ(reader.Int("SELECT sum(length(body)) FROM t"), expected_bytes);
  }
}

TEST(WalCoalescingVfsTest, CommitsSurviveTheWriterBeingKilled) {
  TempDir dir;
  const std::string path = dir.File("a.db");
  constexpr int kCommits = 50;
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    SqliteDb writer = OpenWriter(path);
    auto insert = writer.Prepare("INSERT INTO t(body) VALUES (?1)");
    for (int i = 0; i < kCommits; ++i) {  // autocommit: one transaction each
      insert->Bind(1, std::string_view("committed"));
      if (!insert->Run()) _exit(1);
    }
    ::raise(SIGKILL);  // no close, no checkpoint
    _exit(2);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "child status " << status;
  PlainReader reader(path);
  EXPECT_EQ(reader.Int("SELECT count(*) FROM t WHERE body = 'committed'"), kCommits);
  EXPECT_EQ(reader.Int("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"), 1);
}

}  // namespace
}  // namespace cn
