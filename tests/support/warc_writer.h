// Test and bench helper: writes WARC 1.0 records — plain, one gzip member
// per record, or one gzip stream for all — from pages we make ourselves.
// Deterministic: record ids and dates are functions of the arguments, gzip
// headers carry no time, so two runs write the same bytes.
#pragma once

#include <zlib.h>

#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>

namespace cn::testing {

// One WARC record: version line, the named fields, Content-Length, blank
// line, block, CRLF CRLF. `extra_fields` are "Name: value\r\n" lines.
inline std::string WarcRecordBytes(std::string_view type, std::string_view target_uri, std::string_view date,
                                   std::string_view block, std::string_view extra_fields = "",
                                   std::string_view record_id = "") {
  std::string id = record_id.empty() ? "<urn:uuid:" + std::to_string(std::hash<std::string_view>{}(block)) + "-" +
                                           std::string(type) + ">"
                                     : std::string(record_id);
  std::string r = "WARC/1.0\r\nWARC-Type: " + std::string(type) + "\r\nWARC-Record-ID: " + id +
                  "\r\nWARC-Date: " + std::string(date) + "\r\n";
  if (!target_uri.empty()) r += "WARC-Target-URI: " + std::string(target_uri) + "\r\n";
  r += extra_fields;
  r += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

// The block of a `response` record: an HTTP/1.1 200 response with `body`.
inline std::string HttpResponseBlock(std::string_view body, std::string_view content_type = "text/html; charset=utf-8",
                                     std::string_view extra_headers = "") {
  return "HTTP/1.1 200 OK\r\nContent-Type: " + std::string(content_type) + "\r\n" + std::string(extra_headers) +
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + std::string(body);
}

// A response record for `url` with an HTML `body`.
inline std::string WarcResponse(std::string_view url, std::string_view date, std::string_view html) {
  return WarcRecordBytes("response", url, date, HttpResponseBlock(html),
                         "Content-Type: application/http; msgtype=response\r\n");
}

// `bytes` as one gzip member (level 6, no name, no time).
inline std::string GzipMember(std::string_view bytes, int level = 6) {
  z_stream z{};
  if (deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("deflateInit2 failed");
  std::string out(deflateBound(&z, static_cast<uLong>(bytes.size())) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  out.resize(out.size() - z.avail_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("deflate failed");
  return out;
}

}  // namespace cn::testing
