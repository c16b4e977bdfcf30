// WalCheckpointer (pipeline/store/wal_checkpointer.h): a writer committing without
// pause keeps a bounded WAL, the thread runs checkpoints beside it, and
// every committed row is in the database once the writer closes.
#include "pipeline/store/wal_checkpointer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>

#include "pipeline/store/sqlite_handle.h"
#include "tests/support/temp_dir.h"

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

int64_t WalBytes(const std::string& db_path) {
  std::error_code ec;
  auto size = std::filesystem::file_size(db_path + "-wal", ec);
  return ec ? 0 : static_cast<int64_t>(size);
}

// A writer with a WalCheckpointer that commits transactions of about three
// pages each (a row with an overflow chain).
struct CheckpointedWriter {
  SqliteDb db;
  std::unique_ptr<WalCheckpointer> checkpointer;
  Statement insert;

  CheckpointedWriter(const std::string& path, CheckpointPacing pacing) : db(OpenWriter(path)) {
    auto started = WalCheckpointer::Start(db, pacing);
    EXPECT_TRUE(started) << started.error();
    if (started) checkpointer = std::move(*started);
    auto prepared = db.Prepare("INSERT INTO t(body) VALUES (zeroblob(10000))");
    EXPECT_TRUE(prepared) << prepared.error();
    if (prepared) insert = std::move(*prepared);
  }

  void Commit(int transactions) {
    for (int i = 0; i < transactions; ++i) {
      ASSERT_TRUE(db.Exec("BEGIN IMMEDIATE"));
      ASSERT_TRUE(insert.Run());
      insert.Reset();
      ASSERT_TRUE(db.Exec("COMMIT"));
    }
  }
};

TEST(WalCheckpointerTest, AWriterCommittingWithoutPauseKeepsTheWalBounded) {
  TempDir dir;
  const std::string path = dir.File("db.sqlite");
  const CheckpointPacing pacing{.step_frames = 100, .limit_frames = 400};
  CheckpointedWriter writer(path, pacing);
  ASSERT_TRUE(writer.checkpointer);
  int64_t largest_wal = 0;
  for (int i = 0; i < 3000; ++i) {  // ~9,000 frames: 22 times the limit
    writer.Commit(1);
    largest_wal = std::max(largest_wal, WalBytes(path));
  }
  // The limit plus one transaction, and the frames the thread's last
  // checkpoint let through before the writer caught up.
  EXPECT_LE(largest_wal, int64_t{2} * pacing.limit_frames * kFrameBytes);
  EXPECT_GT(writer.checkpointer->background_checkpoints(), 0);
  EXPECT_FALSE(writer.checkpointer->error()) << *writer.checkpointer->error();
}

TEST(WalCheckpointerTest, TheThreadAndTheWriterBothCheckpoint) {
  TempDir dir;
  CheckpointedWriter writer(dir.File("db.sqlite"), {.step_frames = 100, .limit_frames = 800});
  ASSERT_TRUE(writer.checkpointer);
  writer.Commit(3000);
  // How many fall to the thread depends on when it gets a core (on a loaded
  // machine the writer may run most of them); that both run some does not.
  EXPECT_GT(writer.checkpointer->background_checkpoints(), 0);
  EXPECT_GT(writer.checkpointer->writer_checkpoints(), 0);
}

TEST(WalCheckpointerTest, EveryCommittedRowIsInTheDatabaseFileAfterClose) {
  TempDir dir;
  const std::string path = dir.File("db.sqlite");
  {
    CheckpointedWriter writer(path, {.step_frames = 50, .limit_frames = 200});
    ASSERT_TRUE(writer.checkpointer);
    writer.Commit(1000);
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
  CheckpointedWriter writer(path, {.step_frames = 50, .limit_frames = 200});
  ASSERT_TRUE(writer.checkpointer);
  writer.Commit(100);

  SqliteDb reader = *SqliteDb::Open(path, SQLITE_OPEN_READONLY);
  ASSERT_TRUE(reader.Exec("BEGIN"));
  ASSERT_EQ(reader.QueryInt("SELECT count(*) FROM t").value_or(-1), 100);  // the snapshot starts here
  writer.Commit(500);
  EXPECT_EQ(reader.QueryInt("SELECT count(*) FROM t").value_or(-1), 100);  // still its snapshot
  ASSERT_TRUE(reader.Exec("COMMIT"));
  EXPECT_EQ(reader.QueryInt("SELECT count(*) FROM t").value_or(-1), 600);

  // Once the reader let go, the WAL starts over and stays bounded again.
  writer.Commit(1000);
  const int64_t after = WalBytes(path);
  writer.Commit(1000);
  EXPECT_LE(WalBytes(path), std::max<int64_t>(after, int64_t{2} * 200 * kFrameBytes));
  EXPECT_FALSE(writer.checkpointer->error());
}

}  // namespace
}  // namespace cn
