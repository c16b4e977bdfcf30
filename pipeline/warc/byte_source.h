// ByteSource: where a WARC reader gets its bytes — a file, standard input,
// memory, or (in ingest/) an HTTP transfer — read front to back in pieces.
//
// Read() hands out what is available; 0 means the end of the input, or an
// error when error() is non-empty afterwards. Seek() moves to an absolute
// byte offset where the source can (a regular file); others answer false and
// the caller reads forward instead. Errors name the input.
//
// Not thread-safe. No <expected> (reachable from the fuzz targets).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace cn {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Up to `capacity` bytes into `buffer`; 0 at the end or on an error.
  virtual size_t Read(char* buffer, size_t capacity) = 0;
  // Moves so that the next Read() starts at byte `offset`; false when this
  // source cannot seek (then nothing moved).
  virtual bool Seek(uint64_t offset) { (void)offset; return false; }
  // Non-empty once a read failed: what failed, naming the input.
  virtual const std::string& error() const = 0;
  // The input as the user named it (path, "-", URL), for messages.
  virtual const std::string& name() const = 0;
};

// A file by path, or standard input for "-". Seeks when the file is regular.
class FileByteSource final : public ByteSource {
 public:
  // nullptr with *error set (naming the path) when the file cannot be opened
  // or is a directory.
  static std::unique_ptr<FileByteSource> Open(const std::string& path, std::string* error);
  ~FileByteSource() override;
  FileByteSource(const FileByteSource&) = delete;
  FileByteSource& operator=(const FileByteSource&) = delete;

  size_t Read(char* buffer, size_t capacity) override;
  bool Seek(uint64_t offset) override;
  const std::string& error() const override { return error_; }
  const std::string& name() const override { return name_; }

 private:
  FileByteSource(int fd, std::string name, bool seekable) : fd_(fd), name_(std::move(name)), seekable_(seekable) {}
  int fd_ = -1;
  std::string name_;
  bool seekable_ = false;
  std::string error_;
};

// Bytes already in memory (tests, the fuzz target), handed out at most
// `piece` bytes per Read() so that readers meet every boundary. The bytes
// must outlive the source. Seeks.
class MemoryByteSource final : public ByteSource {
 public:
  explicit MemoryByteSource(std::string_view bytes, size_t piece = SIZE_MAX, std::string name = "memory")
      : bytes_(bytes), piece_(piece == 0 ? 1 : piece), name_(std::move(name)) {}
  size_t Read(char* buffer, size_t capacity) override;
  bool Seek(uint64_t offset) override;
  const std::string& error() const override { return error_; }
  const std::string& name() const override { return name_; }

 private:
  std::string_view bytes_;
  size_t at_ = 0;
  size_t piece_;
  std::string name_;
  std::string error_;
};

}  // namespace cn
