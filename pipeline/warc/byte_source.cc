#include "pipeline/warc/byte_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace cn {

std::unique_ptr<FileByteSource> FileByteSource::Open(const std::string& path, std::string* error) {
  if (path == "-") return std::unique_ptr<FileByteSource>(new FileByteSource(STDIN_FILENO, "standard input", false));
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = path + ": " + std::strerror(errno);
    return nullptr;
  }
  struct stat st {};
  if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    *error = path + ": " + (S_ISDIR(st.st_mode) ? std::string("is a directory") : std::strerror(errno));
    ::close(fd);
    return nullptr;
  }
  // Sequential reading of large files: let the kernel read ahead further.
  (void)posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  return std::unique_ptr<FileByteSource>(new FileByteSource(fd, path, S_ISREG(st.st_mode)));
}

FileByteSource::~FileByteSource() {
  if (fd_ > STDIN_FILENO) ::close(fd_);
}

size_t FileByteSource::Read(char* buffer, size_t capacity) {
  for (;;) {
    ssize_t n = ::read(fd_, buffer, capacity);
    if (n >= 0) return static_cast<size_t>(n);
    if (errno == EINTR) continue;
    error_ = name_ + ": read failed: " + std::strerror(errno);
    return 0;
  }
}

bool FileByteSource::Seek(uint64_t offset) {
  if (!seekable_) return false;
  return ::lseek(fd_, static_cast<off_t>(offset), SEEK_SET) == static_cast<off_t>(offset);
}

size_t MemoryByteSource::Read(char* buffer, size_t capacity) {
  size_t n = std::min({capacity, piece_, bytes_.size() - at_});
  std::memcpy(buffer, bytes_.data() + at_, n);
  at_ += n;
  return n;
}

bool MemoryByteSource::Seek(uint64_t offset) {
  if (offset > bytes_.size()) return false;
  at_ = static_cast<size_t>(offset);
  return true;
}

}  // namespace cn
