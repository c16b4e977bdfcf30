// IngestLock: one writer job (ingest, reprocess) at a time per database.
//
// It holds flock(LOCK_EX) on "<db>.lock" for its lifetime. The kernel drops
// the lock when the process dies, however it dies (kill -9 included), so a
// crashed run never leaves a stale lock behind.
#pragma once

#include <expected>
#include <string>

namespace cn {

class IngestLock {
 public:
  enum class Error { kBusy, kIo };
  struct Failure {
    Error error;
    std::string message;  // names the lock file
  };

  // Takes the lock without waiting: kBusy when another process holds it.
  static std::expected<IngestLock, Failure> Acquire(const std::string& db_path);

  IngestLock(IngestLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  IngestLock& operator=(IngestLock&&) = delete;
  IngestLock(const IngestLock&) = delete;
  ~IngestLock();

 private:
  explicit IngestLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace cn
