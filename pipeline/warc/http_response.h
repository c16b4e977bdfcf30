// The HTTP message inside a WARC `response` record: status line, headers
// and body as the server sent them, and the body decoded for a parser
// (chunked transfer coding removed, gzip/deflate content coding undone).
//
// Pure functions of their arguments; thread-safe. No <expected> (reachable
// from the fuzz targets).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cn {

struct HttpHeader {
  std::string_view name;
  std::string_view value;  // blanks around it removed
};

struct HttpResponse {
  int status = 0;
  std::vector<HttpHeader> headers;
  std::string_view body;  // as recorded: maybe chunked, maybe compressed

  // The first header of that name, compared without case; "" when absent.
  std::string_view Header(std::string_view name) const;
};

// Parses the head of `block` (a response record's block). Views point into
// `block`. False with *error set when it is not an HTTP response (no
// "HTTP/x.y NNN" status line, or no end of the headers).
bool ParseHttpResponse(std::string_view block, HttpResponse* out, std::string* error);

// The body as a parser wants it: de-chunked when Transfer-Encoding is
// chunked, inflated when Content-Encoding is gzip, x-gzip or deflate (a
// body that is not actually compressed is taken as it is: some crawlers
// store bodies decoded but keep the header). At most `max_bytes` out.
// False with *error set for a broken chunked body, corrupt compressed data,
// a body over the cap, or an encoding we do not decode (br, zstd, ...).
bool DecodeHttpBody(const HttpResponse& response, size_t max_bytes, std::string* out, std::string* error);

}  // namespace cn
