#include "pipeline/web/gzip_stream.h"

#include <zlib.h>

#include <algorithm>
#include <climits>
#include <cstring>

namespace cn {

bool StartsGzipMember(std::string_view bytes) {
  return bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b && static_cast<unsigned char>(bytes[2]) == 0x08;
}

struct GzipMemberInflater::Stream {
  z_stream z;
  bool ready = false;
};

GzipMemberInflater::GzipMemberInflater() : stream_(std::make_unique<Stream>()) {
  std::memset(&stream_->z, 0, sizeof stream_->z);
  // 15 + 16: gzip wrapper only (a zlib or raw stream is not a gzip member).
  stream_->ready = inflateInit2(&stream_->z, 15 + 16) == Z_OK;
  if (!stream_->ready) error_ = "cannot initialise zlib";
}

GzipMemberInflater::~GzipMemberInflater() {
  if (stream_->ready) inflateEnd(&stream_->z);
}

void GzipMemberInflater::Reset() {
  if (stream_->ready) inflateReset(&stream_->z);
  error_.clear();
}

GzipMemberInflater::Step GzipMemberInflater::Inflate(const char* in, size_t in_size, char* out,
                                                     size_t out_capacity) {
  Step step;
  if (!stream_->ready) {
    step.status = Status::kError;
    return step;
  }
  z_stream& z = stream_->z;
  // zlib counts in uInt; larger pieces are simply handed over in parts.
  const uInt in_now = static_cast<uInt>(std::min<size_t>(in_size, UINT_MAX));
  const uInt out_now = static_cast<uInt>(std::min<size_t>(out_capacity, UINT_MAX));
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in));
  z.avail_in = in_now;
  z.next_out = reinterpret_cast<Bytef*>(out);
  z.avail_out = out_now;
  const int rc = inflate(&z, Z_NO_FLUSH);
  step.consumed = in_now - z.avail_in;
  step.produced = out_now - z.avail_out;
  if (rc == Z_STREAM_END) {
    step.status = Status::kMemberEnd;
  } else if (rc == Z_OK || rc == Z_BUF_ERROR) {
    // Z_BUF_ERROR only says no progress was possible with what was given.
    step.status = Status::kOk;
  } else {
    step.status = Status::kError;
    error_ = z.msg != nullptr ? z.msg : "zlib error " + std::to_string(rc);
  }
  return step;
}

}  // namespace cn
