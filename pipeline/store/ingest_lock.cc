#include "pipeline/store/ingest_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace cn {

std::expected<IngestLock, IngestLock::Failure> IngestLock::Acquire(const std::string& db_path) {
  std::string path = db_path + ".lock";
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return std::unexpected(Failure{Error::kIo, path + ": cannot open lock file: " + std::strerror(errno)});
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    ::close(fd);
    if (err == EWOULDBLOCK)
      return std::unexpected(Failure{Error::kBusy, db_path + ": another ingest or reprocess is running on this "
                                                             "database (lock " + path + " is held); try again later"});
    return std::unexpected(Failure{Error::kIo, path + ": cannot lock: " + std::strerror(err)});
  }
  return IngestLock(fd);
}

IngestLock::~IngestLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the descriptor releases the flock
}

}  // namespace cn
