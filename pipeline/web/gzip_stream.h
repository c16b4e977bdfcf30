// GzipMemberInflater: incremental inflate of gzip data, one member at a
// time, for streams far larger than memory (a WARC file is one gzip member
// per record, or one member for the whole file).
//
// The caller owns both buffers and feeds compressed bytes in whatever pieces
// it has; each Inflate() reports how much it consumed and produced, and
// whether the member ended there (the caller then decides what follows: a
// next member, junk, the end of the file). A corrupt member is an error with
// zlib's message; the inflater is then ready for Reset() and a new member.
//
// Not thread-safe (one stream per object). No <expected> (reachable from the
// fuzz targets).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace cn {

// True when `bytes` start like a gzip member: magic 1f 8b and method 8
// (deflate). Needs at least 3 bytes.
bool StartsGzipMember(std::string_view bytes);

class GzipMemberInflater {
 public:
  enum class Status {
    kOk,         // made progress; feed more input or give more output room
    kMemberEnd,  // the member (with its trailer) ended after `consumed` bytes
    kError,      // corrupt data or header: error() says what
  };
  struct Step {
    size_t consumed = 0;
    size_t produced = 0;
    Status status = Status::kOk;
  };

  GzipMemberInflater();
  ~GzipMemberInflater();
  GzipMemberInflater(const GzipMemberInflater&) = delete;
  GzipMemberInflater& operator=(const GzipMemberInflater&) = delete;

  // Inflates from `in` into `out` until one of them is used up or the member
  // ends. After kMemberEnd or kError, call Reset() before the next member.
  Step Inflate(const char* in, size_t in_size, char* out, size_t out_capacity);

  // Starts over for a new member at its first byte.
  void Reset();

  // zlib's message for the last kError.
  const std::string& error() const { return error_; }

 private:
  struct Stream;
  std::unique_ptr<Stream> stream_;
  std::string error_;
};

}  // namespace cn
