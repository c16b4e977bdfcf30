#include "pipeline/cli/export_cursor.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>

namespace cn {
namespace {

// A cursor is at most 19 digits and a newline; more is not a cursor.
constexpr size_t kMaxCursorBytes = 32;

// Closes a file descriptor when it goes out of scope.
struct FileDescriptor {
  int fd = -1;
  explicit FileDescriptor(int f) : fd(f) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd >= 0) close(fd);
  }
};

std::string Errno() { return std::strerror(errno); }

}  // namespace

std::expected<int64_t, std::string> ReadExportCursor(const std::string& path) {
  FileDescriptor file(open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (file.fd < 0) {
    if (errno == ENOENT) return 0;
    return std::unexpected(path + ": cannot read the export cursor: " + Errno());
  }
  char buffer[kMaxCursorBytes + 1];
  size_t used = 0;
  while (used < sizeof buffer) {
    ssize_t n = read(file.fd, buffer + used, sizeof buffer - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return std::unexpected(path + ": cannot read the export cursor: " + Errno());
    if (n == 0) break;
    used += static_cast<size_t>(n);
  }
  std::string_view text(buffer, used);
  if (text.ends_with('\n')) text.remove_suffix(1);
  int64_t id = -1;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  const bool digits_only = !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
  if (used > kMaxCursorBytes || !digits_only || ec != std::errc() || end != text.data() + text.size())
    return std::unexpected(path + ": not an export cursor (it must hold one figure id, a whole number, and a newline)");
  return id;
}

std::expected<void, std::string> WriteExportCursor(const std::string& path, int64_t id) {
  const std::string temp = path + ".tmp";
  const std::string text = std::to_string(id) + "\n";
  {
    FileDescriptor file(open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (file.fd < 0) return std::unexpected(temp + ": cannot write the export cursor: " + Errno());
    if (write(file.fd, text.data(), text.size()) != static_cast<ssize_t>(text.size()) || fsync(file.fd) != 0) {
      std::string why = Errno();
      unlink(temp.c_str());
      return std::unexpected(temp + ": cannot write the export cursor: " + why);
    }
  }
  if (rename(temp.c_str(), path.c_str()) != 0) {
    std::string why = Errno();
    unlink(temp.c_str());
    return std::unexpected(path + ": cannot replace the export cursor: " + why);
  }
  // The rename itself is durable once the directory is flushed.
  std::string dir = std::filesystem::path(path).parent_path().string();
  FileDescriptor directory(open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (directory.fd >= 0) fsync(directory.fd);
  return {};
}

}  // namespace cn
