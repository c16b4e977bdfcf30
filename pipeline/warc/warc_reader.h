// WarcReader: the records of a WARC 1.0 or 1.1 file, one at a time, in
// bounded memory — uncompressed, gzip per record (as Common Crawl and
// CC-NEWS write them), or one gzip stream for the whole file (detected from
// the first bytes).
//
// What it promises:
//   - a record's block is exactly its Content-Length bytes, and the record
//     ends with CRLF CRLF there, else it is not handed out;
//   - every record carries where it starts: `offset` is the byte in the file
//     of the gzip member it starts in (the byte of the record itself when the
//     file is not compressed), so `dd`/a reader started there finds it;
//   - bad input never stops the reading: a truncated or corrupt gzip member,
//     a Content-Length that runs past the record or past the file, a missing
//     or unparsable Content-Length, a record larger than max_record_bytes
//     (its bytes are skipped, never held), an unsupported version or junk
//     between records each become one WarcIssue naming the input and the
//     byte, and reading goes on at the next record found (the next line
//     starting "WARC/1.", or the next gzip member after a broken one);
//   - memory stays flat: about two records' worth of buffer, whatever the
//     number of records; a record above the cap costs only a scan.
//
// Why not libarchive (Debian's libarchive 3.6 has a WARC reader): tried on
// our fixtures, it names entries by the URI's path only ("x" for
// https://a.example/x), hands out only response and resource records with no
// other header (no WARC-Type, Record-ID, Content-Type), gives no per-record
// offset in the compressed file, appends the CRLF CRLF terminator to the
// data, and stops at the first truncated gzip member or lying Content-Length
// with everything after it lost. Record framing over zlib is a few hundred
// lines; resuming, error messages with offsets and recovery need exactly the
// details libarchive hides.
//
// The views in a WarcRecord point into the reader's buffer and stay valid
// until the next call to Next(). Not thread-safe. No <expected>
// (reachable from the fuzz targets).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/warc/byte_source.h"

namespace cn {

// Blocks larger than this are skipped (CC-NEWS truncates payloads at 1 MiB;
// the fetcher's page cap is 10 MiB).
inline constexpr size_t kDefaultMaxWarcRecordBytes = 32u << 20;
// A record's header block longer than this is not a record.
inline constexpr size_t kMaxWarcHeaderBytes = 64u << 10;

struct WarcField {
  std::string_view name;
  std::string_view value;  // leading and trailing blanks removed
};

struct WarcRecord {
  std::string_view version;  // "WARC/1.0" or "WARC/1.1"
  std::string_view type;     // the WARC-Type value ("response", "warcinfo", ...), "" when absent
  std::vector<WarcField> fields;
  std::string_view block;    // exactly Content-Length bytes
  uint64_t offset = 0;         // file byte: the record's gzip member, or the record itself
  uint64_t stream_offset = 0;  // the record's first byte in the decompressed stream
  // The record is the first thing in its gzip member (always so in an
  // uncompressed file): a reader started at `offset` begins with it.
  bool starts_member = false;

  // The first field of that name, compared without case; "" when absent.
  std::string_view Field(std::string_view name) const;
};

enum class WarcCompression { kUnknown, kNone, kGzip };

// A problem in the input, already phrased for the user:
// "<input>: gzip member at byte 1234: ...".
struct WarcIssue {
  uint64_t offset = 0;  // file byte it is about
  std::string message;
};

struct WarcReaderOptions {
  size_t max_record_bytes = kDefaultMaxWarcRecordBytes;
  // Where the source stands when reading starts: a resumed reader is handed
  // a source already moved to `start_offset` (a record's `offset` with
  // starts_member set) and that record's `stream_offset`, so offsets stay
  // those of the whole file.
  uint64_t start_offset = 0;
  uint64_t start_stream_offset = 0;
};

class WarcReader {
 public:
  explicit WarcReader(ByteSource& source, WarcReaderOptions options = {});
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  // The next good record into *record. False at the end of the input (also
  // when the source failed: source_error() then says why).
  bool Next(WarcRecord* record);

  // Issues met since the last call, in input order.
  std::vector<WarcIssue> TakeIssues();

  WarcCompression compression() const;
  // Bytes taken from the source so far (compressed bytes for gzip).
  uint64_t bytes_read() const;
  const std::string& source_error() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cn
