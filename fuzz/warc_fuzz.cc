// Fuzzes the WARC reader and the HTTP payload decoding: any bytes in, no
// crash, no leak, bounded memory, and the promises of warc_reader.h hold —
// each record's block is exactly its Content-Length, offsets never go back,
// every issue names the input. The first byte picks the piece size the
// source hands out (so buffer boundaries fall everywhere) and the record cap.
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "pipeline/warc/http_response.h"
#include "pipeline/warc/warc_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t piece = 1 + (data[0] & 0x3f) * 97;
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  cn::MemoryByteSource source(bytes, piece, "fuzz.warc");
  cn::WarcReaderOptions options;
  options.max_record_bytes = (data[0] & 0x40) ? 512 : 1u << 20;
  cn::WarcReader reader(source, options);
  cn::WarcRecord record;
  uint64_t last_stream = 0;
  bool first = true;
  while (reader.Next(&record)) {
    if (record.block.size() > options.max_record_bytes) std::abort();
    std::string_view length = record.Field("Content-Length");
    uint64_t declared = 0;
    std::from_chars(length.data(), length.data() + length.size(), declared);
    if (declared != record.block.size()) std::abort();
    if (!first && record.stream_offset <= last_stream) std::abort();
    last_stream = record.stream_offset;
    first = false;
    cn::HttpResponse http;
    std::string error, body;
    if (cn::ParseHttpResponse(record.block, &http, &error)) {
      (void)cn::DecodeHttpBody(http, 1u << 20, &body, &error);
      if (body.size() > (1u << 20)) std::abort();
    }
    for (const cn::WarcIssue& issue : reader.TakeIssues())
      if (issue.message.rfind("fuzz.warc: ", 0) != 0) std::abort();
  }
  for (const cn::WarcIssue& issue : reader.TakeIssues())
    if (issue.message.rfind("fuzz.warc: ", 0) != 0) std::abort();
  return 0;
}
