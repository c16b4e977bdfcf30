// WalCheckpointer (pipeline/wal_checkpointer.h): a writer committing without
// pause keeps a bounded WAL, the thread does most of the checkpointing, and
// every committed row is in the database once the writer closes.
#include "pipeline/wal_checkpointer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "pipeline/sqlite_handle.h"
#include "temp_dir.h"

namespace cn {
namespace {

using cn::testing::TempDir;

constexpr int kPageBytes = 4096;
constexpr int kFrameBytes = kPageBytes + 24;

SqliteDb OpenWriter(const std::string& path) {
  auto db = SqliteDb::Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  EXPECT_TRUE(db) << db.error();
  EXPECT_TRUE(db->Exec("PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                       "CREATE TABLE IF NOT EXISTS t(id INTEGER PRIMARY KEY, body BLOB NOT NULL)"));
  return std::move(*db);
}

// One transaction writing about three pages: a row with an overflow chain.
void CommitRow(SqliteDb& db, Statement& insert) {
  ASSERT_TRUE(db.Exec("BEGIN IMMEDIATE"));
  ASSERT_TRUE(insert.Run());
  insert.Reset();
  ASSERT_TRUE(db.Exec("COMMIT"));
}

Statement PrepareInsert(SqliteDb& db) {
  auto insert = db.Prepare("INSERT INTO t(body) VALUES (zeroblob(10000))");
  EXPECT_TRUE(insert) << insert.error();
  return std::move(*insert);
}

int64_t WalBytes(const std::string& db_path) {
  std::error_code ec;
  auto size = std::filesystem::file_size(db_path + "-wal", ec);
  return ec ? 0 : static_cast<int64_t>(size);
}

TEST(WalCheckpointerTest, AWriterCommittingWithoutPauseKeepsTheWalBounded) {
  TempDir dir;
  const std::string path = dir.File("db.sqlite");
  SqliteDb writer = OpenWriter(path);
  const CheckpointPacing pacing{.step_frames = 100, .limit_frames = 400};
  auto checkpointer = WalCheckpointer::Start(writer, pacing);
  ASSERT_TRUE(checkpointer) << checkpointer.error();
  Statement insert = PrepareInsert(writer);
  int64_t largest_wal = 0;
  for (int i = 0; i < 3000; ++i) {  // ~9,000 frames: 22 times the limit
    CommitRow(writer, insert);
    largest_wal = std::max(largest_wal, WalBytes(path));
  }
  // The limit plus one transaction, and the frames the thread's last
  // checkpoint let through before the writer caught up.
  EXPECT_LE(largest_wal, int64_t{2} * pacing.limit_frames * kFrameBytes);
  EXPECT_GT((*checkpointer)->background_checkpoints(), 0);
  EXPECT_FALSE((*checkpointer)->error()) << *(*checkpointer)->error();
}

TEST(WalCheckpointerTest, TheThreadRunsMostCheckpoints) {
  TempDir dir;
  const std::string path = dir.File("db.sqlite");
  SqliteDb writer = OpenWriter(path);
  auto checkpointer = WalCheckpointer::Start(writer, {.step_frames = 100, .limit_frames = 800});
  ASSERT_TRUE(checkpointer) << checkpointer.error();
  Statement insert = PrepareInsert(writer);
  for (int i = 0; i < 3000; ++i) CommitRow(writer, insert);
  // Nine frames in ten are left to the thread between two writer checkpoints.
  EXPECT_GT((*checkpointer)->background_checkpoints(), 2 * (*checkpointer)->writer_checkpoints());
  EXPECT_GT((*checkpointer)->writer_checkpoints(), 0);
}

TEST(WalCheckpointerTest, EveryCommittedRowIsInTheDatabaseFileAfterClose) {
  TempDir dir;
  const std::string path = dir.File("db.sqlite");
  {
    SqliteDb writer = OpenWriter(path);
    auto checkpointer = WalCheckpointer::Start(writer, {.step_frames = 50, .limit_frames = 200});
    ASSERT_TRUE(checkpointer) << checkpointer.error();
    Statement insert = PrepareInsert(writer);
    for (int i = 0; i < 1000; ++i) CommitRow(writer, insert);
  }
  // Closing the last connection checkpointed and removed the WAL: the rows
  // are in the database file itself.
  EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
  SqliteDb reader = *SqliteDb::Open(path, SQLITE_OPEN_READONLY);
  EXPECT_EQ(reader.QueryInt("SELECT count(*) FROM t").value_or(-1), 1000);
  auto check = reader.Prepare("PRAGMA integrity_check");
  ASSERT_TRUE(check);
  ASSERT_EQ(check->Step(), SQLITE_ROW);
  EXPECT_EQ(check->ColumnText(0), "ok");
}

TEST(WalCheckpointerTest, AReaderHoldingASnapshotDelaysButDoesNotBreakTheWriter) {
  TempDir dir;
  const std::string path = dir.File("db.sqlite");
  SqliteDb writer = OpenWriter(path);
  auto checkpointer = WalCheckpointer::Start(writer, {.step_frames = 50, .limit_frames = 200});
  ASSERT_TRUE(checkpointer) << checkpointer.error();
  Statement insert = PrepareInsert(writer);
  for (int i = 0; i < 100; ++i) CommitRow(writer, insert);

  SqliteDb reader = *SqliteDb::Open(path, SQLITE_OPEN_READONLY);
  ASSERT_TRUE(reader.Exec("BEGIN"));
  ASSERT_EQ(reader.QueryInt("SELECT count(*) FROM t").value_or(-1), 100);  // the snapshot starts here
  for (int i = 0; i < 500; ++i) CommitRow(writer, insert);
  EXPECT_EQ(reader.QueryInt("SELECT count(*) FROM t").value_or(-1), 100);  // still its snapshot
  ASSERT_TRUE(reader.Exec("COMMIT"));
  EXPECT_EQ(reader.QueryInt("SELECT count(*) FROM t").value_or(-1), 600);

  // Once the reader let go, the WAL starts over and stays bounded again.
  for (int i = 0; i < 1000; ++i) CommitRow(writer, insert);
  const int64_t after = WalBytes(path);
  for (int i = 0; i < 1000; ++i) CommitRow(writer, insert);
  EXPECT_LE(WalBytes(path), std::max<int64_t>(after, int64_t{2} * 200 * kFrameBytes));
  EXPECT_FALSE((*checkpointer)->error());
}

}  // namespace
}  // namespace cn
