#include "pipeline/cli/page_file.h"

#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

namespace cn {

namespace {

struct FileCloser {
  void operator()(std::FILE* f) const {
    if (f != stdin) std::fclose(f);
  }
};

std::expected<std::string, std::string> Gunzip(const std::string& path, const std::string& in,
                                               size_t max_bytes) {
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return std::unexpected(path + ": cannot start gunzip");
  std::unique_ptr<z_stream, decltype(&inflateEnd)> guard(&zs, inflateEnd);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  std::string out;
  char buf[1 << 16];
  while (true) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    int rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
    if (out.size() > max_bytes)
      return std::unexpected(path + ": decompressed page exceeds " + std::to_string(max_bytes) + " bytes");
    if (rc == Z_STREAM_END) {
      if (zs.avail_in == 0) break;
      inflateReset(&zs);  // another gzip member follows
      continue;
    }
    if (rc == Z_BUF_ERROR && zs.avail_in == 0)
      return std::unexpected(path + ": truncated gzip data");
    if (rc != Z_OK) return std::unexpected(path + ": corrupt gzip data");
  }
  return out;
}

}  // namespace

std::expected<std::string, std::string> ReadPageFile(const std::string& path, size_t max_bytes) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return std::unexpected(path + ": is a directory");
  const bool from_stdin = path == "-";
  std::unique_ptr<std::FILE, FileCloser> f(from_stdin ? stdin : std::fopen(path.c_str(), "rb"));
  if (!f) return std::unexpected(path + ": " + std::strerror(errno));
  std::string data;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) {
    data.append(buf, n);
    if (data.size() > max_bytes)
      return std::unexpected(path + ": file exceeds " + std::to_string(max_bytes) + " bytes");
  }
  if (std::ferror(f.get())) return std::unexpected(path + ": read error");
  if (data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
      static_cast<unsigned char>(data[1]) == 0x8b)
    return Gunzip(path, data, max_bytes);
  return data;
}

}  // namespace cn
