#include "pipeline/web/gzip_decode.h"

#include <zlib.h>

#include <cstring>
#include <memory>

namespace cn {

bool LooksGzipped(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

bool GunzipCapped(std::string_view bytes, size_t max_output_bytes, std::string* out, std::string* error) {
  out->clear();
  z_stream stream;
  std::memset(&stream, 0, sizeof stream);
  // 15 + 32: accept both gzip and zlib headers.
  if (inflateInit2(&stream, 15 + 32) != Z_OK) {
    *error = "cannot initialise zlib";
    return false;
  }
  auto cleanup = [](z_stream* s) { inflateEnd(s); };
  std::unique_ptr<z_stream, decltype(cleanup)> guard(&stream, cleanup);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  char buffer[64 * 1024];
  for (;;) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    int rc = inflate(&stream, Z_NO_FLUSH);
    size_t produced = sizeof buffer - stream.avail_out;
    if (out->size() + produced > max_output_bytes) {
      *error = "decompressed size exceeds " + std::to_string(max_output_bytes) + " bytes";
      out->clear();
      return false;
    }
    out->append(buffer, produced);
    if (rc == Z_STREAM_END) {
      // Concatenated gzip members are legal; continue with the next one.
      if (stream.avail_in > 0 && LooksGzipped(std::string_view(
                                     reinterpret_cast<const char*>(stream.next_in), stream.avail_in))) {
        if (inflateReset(&stream) != Z_OK) break;
        continue;
      }
      return true;
    }
    if (rc == Z_BUF_ERROR && stream.avail_in == 0) {
      *error = "truncated compressed data";
      return false;
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      *error = std::string("corrupt compressed data: ") + (stream.msg != nullptr ? stream.msg : "zlib error");
      return false;
    }
  }
  *error = "corrupt compressed data";
  return false;
}

}  // namespace cn
