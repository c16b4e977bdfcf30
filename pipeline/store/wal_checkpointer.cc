#include "pipeline/store/wal_checkpointer.h"

#include <utility>

namespace cn {

std::expected<std::unique_ptr<WalCheckpointer>, std::string> WalCheckpointer::Start(SqliteDb& writer,
                                                                                  CheckpointPacing pacing) {
  auto own = SqliteDb::Open(writer.path(), SQLITE_OPEN_READWRITE);
  if (!own) return std::unexpected(own.error());
  // A checkpoint on a connection that has not read the database yet finds no
  // WAL to copy from; this read opens it. synchronous=NORMAL as the writer:
  // the checkpoint syncs the WAL before copying and the database after.
  for (const char* sql : {"PRAGMA synchronous = NORMAL", "PRAGMA cache_size = -256", "SELECT 1 FROM sqlite_schema"}) {
    if (auto r = own->Exec(sql); !r) return std::unexpected(writer.path() + ": checkpoint connection: " + r.error());
  }
  return std::make_unique<WalCheckpointer>(StartKey{}, writer, std::move(*own), pacing);
}

WalCheckpointer::WalCheckpointer(StartKey, SqliteDb& writer, SqliteDb own, CheckpointPacing pacing)
    : writer_(writer), own_(std::move(own)), pacing_(pacing) {
  thread_ = std::thread([this] { RunThread(); });
  sqlite3_wal_hook(writer_.get(), &WalCheckpointer::OnCommitHook, this);
}

WalCheckpointer::~WalCheckpointer() {
  // Back to SQLite's own automatic checkpoint for whatever the writer does
  // after us (closing it checkpoints everything anyway).
  sqlite3_wal_autocheckpoint(writer_.get(), pacing_.step_frames);
  {
    std::lock_guard lock(state_mutex_);
    stop_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

std::optional<std::string> WalCheckpointer::error() const {
  std::lock_guard lock(state_mutex_);
  return error_;
}

int WalCheckpointer::OnCommitHook(void* self, sqlite3*, const char*, int frames) {
  static_cast<WalCheckpointer*>(self)->OnCommit(frames);
  return SQLITE_OK;  // a failed checkpoint does not fail the commit that preceded it
}

void WalCheckpointer::OnCommit(int frames) {
  if (frames < woken_at_frames_) woken_at_frames_ = 0;  // the WAL started over
  const int limit = failed_.load() ? pacing_.step_frames : pacing_.limit_frames;
  if (frames >= limit) {
    CheckpointOnWriter();
  } else if (frames - woken_at_frames_ >= pacing_.step_frames) {
    woken_at_frames_ = frames;
    {
      std::lock_guard lock(state_mutex_);
      wanted_ = true;
    }
    wake_.notify_one();
  }
}

void WalCheckpointer::CheckpointOnWriter() {
  // Waits for the thread's checkpoint, if one runs, then copies what is left.
  std::lock_guard lock(checkpoint_mutex_);
  const int rc = sqlite3_wal_checkpoint_v2(writer_.get(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  ++writer_checkpoints_;
  woken_at_frames_ = 0;
  if (rc != SQLITE_OK && rc != SQLITE_BUSY) RecordError(writer_.get(), rc);
}

void WalCheckpointer::RunThread() {
  for (;;) {
    {
      std::unique_lock lock(state_mutex_);
      wake_.wait(lock, [this] { return wanted_ || stop_; });
      if (stop_) return;
      wanted_ = false;
    }
    if (failed_.load()) continue;
    std::lock_guard lock(checkpoint_mutex_);
    const int rc = sqlite3_wal_checkpoint_v2(own_.get(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    background_checkpoints_.fetch_add(1);
    // BUSY: another process is checkpointing; the next wake-up tries again.
    if (rc != SQLITE_OK && rc != SQLITE_BUSY) RecordError(own_.get(), rc);
  }
}

void WalCheckpointer::RecordError(sqlite3* db, int rc) {
  failed_.store(true);
  std::lock_guard lock(state_mutex_);
  if (!error_) error_ = writer_.path() + ": checkpoint: " + sqlite3_errstr(rc) + " (" + sqlite3_errmsg(db) + ")";
}

}  // namespace cn
