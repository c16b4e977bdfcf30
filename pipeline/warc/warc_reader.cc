#include "pipeline/warc/warc_reader.h"

#include <charconv>
#include <cstring>

#include "pipeline/warc/decoded_stream.h"
#include "pipeline/web/ascii_text.h"

namespace cn {
namespace {

constexpr std::string_view kRecordStart = "WARC/1.";
constexpr size_t kScanPiece = 64u << 10;

// One header line of the block at `text`: [begin, end) without its line break.
struct Line {
  size_t begin = 0, end = 0, next = 0;
};

// The line starting at `at` in text[0, size), or false when no '\n' ends it.
bool LineAt(const char* text, size_t size, size_t at, Line* line) {
  const void* nl = std::memchr(text + at, '\n', size - at);
  if (nl == nullptr) return false;
  size_t end = static_cast<size_t>(static_cast<const char*>(nl) - text);
  line->begin = at;
  line->next = end + 1;
  line->end = end > at && text[end - 1] == '\r' ? end - 1 : end;
  return true;
}

}  // namespace

std::string_view WarcRecord::Field(std::string_view name) const {
  for (const WarcField& f : fields)
    if (ascii::EqualsNoCase(f.name, name)) return f.value;
  return {};
}

class WarcReader::Impl {
 public:
  Impl(ByteSource& source, const WarcReaderOptions& options)
      : options_(options), stream_(source, options.start_offset, options.start_stream_offset) {}

  bool Next(WarcRecord* record);
  DecodedStream& stream() { return stream_; }

 private:
  enum class HeaderEnd { kFound, kTooLong, kTruncated };
  HeaderEnd FindHeaderEnd(size_t* size);
  void SkipLineBreaks();
  void Resync(uint64_t from);
  void Issue(uint64_t at, const std::string& what);
  std::string Where(uint64_t at) const;
  void BuildRecord(size_t header_size, size_t block_size, uint64_t start, WarcRecord* record);

  WarcReaderOptions options_;
  DecodedStream stream_;
};

std::string WarcReader::Impl::Where(uint64_t at) const {
  if (stream_.compression() != WarcCompression::kGzip) return "byte " + std::to_string(at);
  DecodedStream::Member m = stream_.MemberAt(at);
  std::string where = "gzip member at byte " + std::to_string(m.file_offset);
  if (!m.starts_here) where += " (decoded byte " + std::to_string(at) + ")";
  return where;
}

void WarcReader::Impl::Issue(uint64_t at, const std::string& what) {
  stream_.issues().push_back({stream_.MemberAt(at).file_offset, stream_.input_name() + ": " + what});
}

void WarcReader::Impl::SkipLineBreaks() {
  for (;;) {
    size_t avail = stream_.Fill(1);
    if (avail == 0) return;
    const char* d = stream_.data();
    size_t n = 0;
    while (n < avail && (d[n] == '\r' || d[n] == '\n')) ++n;
    stream_.Skip(n);
    if (n < avail) return;
  }
}

WarcReader::Impl::HeaderEnd WarcReader::Impl::FindHeaderEnd(size_t* size) {
  size_t at = 0;
  size_t want = 4096;
  for (;;) {
    const size_t avail = stream_.Fill(want);
    const char* d = stream_.data();
    Line line;
    while (at < avail && LineAt(d, avail, at, &line)) {
      if (line.end == line.begin) {
        *size = line.next;
        return HeaderEnd::kFound;
      }
      at = line.next;
    }
    if (avail >= kMaxWarcHeaderBytes) return HeaderEnd::kTooLong;
    if (avail < want) return HeaderEnd::kTruncated;  // the input ended
    want = std::min(want * 4, kMaxWarcHeaderBytes + 1);
  }
}

// Moves to the first record start at or after stream position `from`: a
// line beginning "WARC/1." right after a line break, a gzip member start
// or a break. Bytes passed over are dropped as they go.
void WarcReader::Impl::Resync(uint64_t from) {
  // Decoded bytes can vanish after they were seen (a broken gzip member's
  // output is dropped when the break is found), so `from` may lie past what
  // is left: then the scan starts at what there is.
  const size_t have = stream_.Fill(1);
  if (from > stream_.Tell() + have) from = stream_.Tell() + have;
  bool after_newline = from > stream_.Tell() && stream_.data()[from - stream_.Tell() - 1] == '\n';
  stream_.Skip(static_cast<size_t>(from - stream_.Tell()));
  for (;;) {
    const size_t avail = stream_.Fill(kScanPiece);
    if (avail == 0) return;
    const char* d = stream_.data();
    size_t i = 0;
    while (i < avail) {
      const void* w = std::memchr(d + i, 'W', avail - i);
      if (w == nullptr) {
        i = avail;
        break;
      }
      i = static_cast<size_t>(static_cast<const char*>(w) - d);
      if (i + kRecordStart.size() > avail) break;  // maybe a start cut by the window: look again with more
      const bool line_start = i == 0 ? after_newline : d[i - 1] == '\n';
      if (std::memcmp(d + i, kRecordStart.data(), kRecordStart.size()) == 0 &&
          (line_start || stream_.IsFreshStart(stream_.Tell() + i))) {
        stream_.Skip(i);
        return;
      }
      ++i;
    }
    if (i == 0) {
      // Fewer bytes than a record start: at the end of the input they are junk.
      if (stream_.Fill(avail + 1) == avail) {
        stream_.Skip(avail);
        return;
      }
      continue;
    }
    after_newline = d[i - 1] == '\n';
    stream_.Skip(i);
  }
}

void WarcReader::Impl::BuildRecord(size_t header_size, size_t block_size, uint64_t start, WarcRecord* record) {
  const char* d = stream_.data();
  record->fields.clear();
  record->type = {};
  Line line;
  LineAt(d, header_size, 0, &line);
  record->version = std::string_view(d, line.end);
  size_t at = line.next;
  while (at < header_size && LineAt(d, header_size, at, &line) && line.end > line.begin) {
    std::string_view text(d + line.begin, line.end - line.begin);
    if ((text.front() == ' ' || text.front() == '\t') && !record->fields.empty()) {
      // A folded continuation: the value runs on over this line.
      WarcField& last = record->fields.back();
      const char* value_begin = last.value.empty() ? d + line.begin : last.value.data();
      last.value = ascii::Trim(std::string_view(value_begin, static_cast<size_t>(d + line.end - value_begin)));
    } else if (size_t colon = text.find(':'); colon != std::string_view::npos) {
      record->fields.push_back({ascii::Trim(text.substr(0, colon)), ascii::Trim(text.substr(colon + 1))});
    }
    at = line.next;
  }
  record->type = record->Field("WARC-Type");
  record->block = std::string_view(d + header_size, block_size);
  DecodedStream::Member m = stream_.MemberAt(start);
  record->offset = m.file_offset;
  record->stream_offset = start;
  record->starts_member = m.starts_here;
}

bool WarcReader::Impl::Next(WarcRecord* record) {
  for (;;) {
    SkipLineBreaks();
    if (stream_.AtEnd()) return false;
    const uint64_t start = stream_.Tell();
    stream_.Forget(start);

    // The version line.
    const size_t first = stream_.Fill(kRecordStart.size() + 3);
    const char* d = stream_.data();
    if (first < kRecordStart.size() || std::memcmp(d, kRecordStart.data(), kRecordStart.size()) != 0) {
      if (first >= 5 && std::memcmp(d, "WARC/", 5) == 0) {
        Issue(start, Where(start) + ": unsupported WARC version; record skipped");
        Resync(start + 1);
        continue;
      }
      Resync(start + 1);
      const uint64_t skipped = stream_.Tell() - start;
      Issue(start, Where(start) + ": " + std::to_string(skipped) + " bytes that are not a WARC record; skipped");
      continue;
    }
    size_t header_size = 0;
    const HeaderEnd end = FindHeaderEnd(&header_size);
    if (end != HeaderEnd::kFound) {
      Issue(start, Where(start) + (end == HeaderEnd::kTooLong
                                       ? ": no end of the WARC headers within " +
                                             std::to_string(kMaxWarcHeaderBytes) + " bytes; record skipped"
                                       : ": the input ends inside the WARC headers (truncated record)"));
      Resync(start + 1);
      continue;
    }
    if (uint64_t cut = stream_.BreakIn(start, start + header_size); cut != UINT64_MAX) {
      Resync(cut);  // the broken gzip member was reported already
      continue;
    }
    d = stream_.data();
    Line line;
    LineAt(d, header_size, 0, &line);
    const std::string_view version(d, line.end);
    if (version != "WARC/1.0" && version != "WARC/1.1") {
      Issue(start, Where(start) + ": unsupported WARC version '" + std::string(version.substr(0, 40)) +
                       "'; record skipped");
      Resync(start + header_size);
      continue;
    }
    // Content-Length, the one header framing depends on.
    std::string_view length_text;
    bool has_length = false;
    for (size_t at = line.next; at < header_size && LineAt(d, header_size, at, &line); at = line.next) {
      std::string_view text(d + line.begin, line.end - line.begin);
      size_t colon = text.find(':');
      if (colon != std::string_view::npos && ascii::EqualsNoCase(ascii::Trim(text.substr(0, colon)), "Content-Length")) {
        length_text = ascii::Trim(text.substr(colon + 1));
        has_length = true;
        break;
      }
    }
    uint64_t length = 0;
    auto parsed = std::from_chars(length_text.data(), length_text.data() + length_text.size(), length);
    if (!has_length || parsed.ec != std::errc() || parsed.ptr != length_text.data() + length_text.size() ||
        length_text.empty()) {
      Issue(start, Where(start) + (has_length ? ": Content-Length '" + std::string(length_text.substr(0, 40)) +
                                                    "' is not a number; record skipped"
                                              : ": no Content-Length; record skipped"));
      Resync(start + header_size);
      continue;
    }
    if (length > options_.max_record_bytes) {
      Issue(start, Where(start) + ": record of " + std::to_string(length) + " bytes is above the limit of " +
                       std::to_string(options_.max_record_bytes) + " bytes; skipped");
      Resync(start + header_size);
      continue;
    }
    const size_t total = header_size + static_cast<size_t>(length) + 4;
    const size_t avail = stream_.Fill(total);
    if (uint64_t cut = stream_.BreakIn(start, start + std::min(avail, total)); cut != UINT64_MAX) {
      Resync(cut);
      continue;
    }
    if (avail < total) {
      Issue(start, Where(start) + ": Content-Length " + std::to_string(length) +
                       " runs past the end of the input (truncated record); skipped");
      Resync(start + header_size);
      continue;
    }
    d = stream_.data();
    if (std::memcmp(d + header_size + length, "\r\n\r\n", 4) != 0) {
      Issue(start, Where(start) + ": Content-Length " + std::to_string(length) +
                       " does not end where the record ends (no CRLF CRLF after the block); skipped");
      Resync(start + header_size);
      continue;
    }
    BuildRecord(header_size, static_cast<size_t>(length), start, record);
    stream_.Skip(total);
    return true;
  }
}

WarcReader::WarcReader(ByteSource& source, WarcReaderOptions options)
    : impl_(std::make_unique<Impl>(source, options)) {}
WarcReader::~WarcReader() = default;

bool WarcReader::Next(WarcRecord* record) { return impl_->Next(record); }

std::vector<WarcIssue> WarcReader::TakeIssues() {
  std::vector<WarcIssue> out;
  out.swap(impl_->stream().issues());
  return out;
}

WarcCompression WarcReader::compression() const { return impl_->stream().compression(); }
uint64_t WarcReader::bytes_read() const { return impl_->stream().bytes_read(); }
const std::string& WarcReader::source_error() const { return impl_->stream().source_error(); }

}  // namespace cn
