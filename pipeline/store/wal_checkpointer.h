// WalCheckpointer: runs the WAL checkpoints of one writing connection on a
// thread of its own, so the writer does not stop between articles to copy
// pages into the database file and wait for fdatasync.
//
// It replaces SQLite's automatic checkpoint on the writer (sqlite3_wal_hook).
// After each commit the hook sees how many frames the WAL holds:
// - every `step_frames` new frames it wakes the thread, which runs a PASSIVE
//   checkpoint on its own connection (this never blocks the writer or readers);
// - at `limit_frames` the writer checkpoints once itself, while no commit can
//   land. It has to: a checkpoint that runs alongside a writer never reaches
//   the WAL's end, and SQLite starts the WAL over only once one has. By then
//   the thread has copied all but the last few hundred frames.
// So the WAL stays below about `limit_frames` pages, as with SQLite's own
// checkpointing (a reader holding an old snapshot can make it longer).
//
// Crash safety is SQLite's: a checkpoint killed halfway is redone from the WAL
// on the next open. A failed checkpoint loses nothing (the pages stay in the
// WAL): the first error is kept for error(), and from then on the writer
// checkpoints every `step_frames` itself, as SQLite would.
//
// Thread safety: create, use and destroy it on the writer's thread; the writer
// connection must outlive it. The destructor stops and joins the thread.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <expected>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "pipeline/store/sqlite_handle.h"

namespace cn {

struct CheckpointPacing {
  int step_frames = 1000;   // SQLite's default automatic checkpoint
  int limit_frames = 8000;  // ~32 MB of WAL with 4 KB pages
};

class WalCheckpointer {
 public:
  // Opens a second connection to `writer`'s database for the thread and
  // installs the hook. Errors name the database.
  static std::expected<std::unique_ptr<WalCheckpointer>, std::string> Start(SqliteDb& writer,
                                                                           CheckpointPacing pacing = {});
  // Only Start() can make the key: it sets the connection up first.
  class StartKey {
    friend class WalCheckpointer;
    StartKey() = default;
  };
  WalCheckpointer(StartKey, SqliteDb& writer, SqliteDb own, CheckpointPacing pacing);
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // The first checkpoint failure, naming the database; empty if none.
  std::optional<std::string> error() const;
  // Checkpoints run so far by the thread and by the writer itself.
  int64_t background_checkpoints() const { return background_checkpoints_.load(); }
  int64_t writer_checkpoints() const { return writer_checkpoints_; }

 private:
  // sqlite3_wal_hook's callback, on the writer's thread after each commit.
  static int OnCommitHook(void* self, sqlite3* db, const char* schema, int frames);
  void OnCommit(int frames);
  void CheckpointOnWriter();
  void RunThread();
  void RecordError(sqlite3* db, int rc);

  SqliteDb& writer_;
  SqliteDb own_;  // the thread's connection
  const CheckpointPacing pacing_;
  int woken_at_frames_ = 0;  // writer thread only: the WAL length when the thread was last woken
  int64_t writer_checkpoints_ = 0;
  std::atomic<int64_t> background_checkpoints_{0};
  std::atomic<bool> failed_{false};

  std::mutex checkpoint_mutex_;  // one checkpoint at a time, whoever runs it
  mutable std::mutex state_mutex_;
  std::condition_variable wake_;
  bool wanted_ = false;  // guarded by state_mutex_
  bool stop_ = false;    // guarded by state_mutex_
  std::optional<std::string> error_;  // guarded by state_mutex_
  std::thread thread_;   // last: started once everything above exists
};

}  // namespace cn
