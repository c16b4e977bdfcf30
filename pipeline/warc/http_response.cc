#include "pipeline/warc/http_response.h"

#include <charconv>
#include <cstring>

#include "pipeline/web/ascii_text.h"
#include "pipeline/web/gzip_decode.h"

namespace cn {
namespace {

// Undoes chunked transfer coding: "<hex size>[;ext]\r\n<data>\r\n" ... "0\r\n".
bool Dechunk(std::string_view body, size_t max_bytes, std::string* out, std::string* error) {
  out->clear();
  size_t at = 0;
  for (;;) {
    size_t eol = body.find('\n', at);
    if (eol == std::string_view::npos) {
      *error = "chunked body ends without its last chunk";
      return false;
    }
    std::string_view size_line = ascii::Trim(body.substr(at, eol - at));
    size_line = size_line.substr(0, size_line.find(';'));
    size_line = ascii::Trim(size_line);
    uint64_t size = 0;
    auto r = std::from_chars(size_line.data(), size_line.data() + size_line.size(), size, 16);
    if (size_line.empty() || r.ec != std::errc() || r.ptr != size_line.data() + size_line.size()) {
      *error = "chunked body: bad chunk size '" + std::string(size_line.substr(0, 20)) + "'";
      return false;
    }
    at = eol + 1;
    if (size == 0) return true;  // trailers, if any, are not needed
    if (size > body.size() - at) {
      *error = "chunked body: chunk of " + std::to_string(size) + " bytes runs past the record";
      return false;
    }
    if (out->size() + size > max_bytes) {
      *error = "body exceeds " + std::to_string(max_bytes) + " bytes";
      return false;
    }
    out->append(body.data() + at, static_cast<size_t>(size));
    at += static_cast<size_t>(size);
    if (at < body.size() && body[at] == '\r') ++at;
    if (at < body.size() && body[at] == '\n') ++at;
  }
}

}  // namespace

std::string_view HttpResponse::Header(std::string_view name) const {
  for (const HttpHeader& h : headers)
    if (ascii::EqualsNoCase(h.name, name)) return h.value;
  return {};
}

bool ParseHttpResponse(std::string_view block, HttpResponse* out, std::string* error) {
  out->headers.clear();
  out->status = 0;
  out->body = {};
  if (!block.starts_with("HTTP/")) {
    *error = "the block is not an HTTP response (no HTTP/ status line)";
    return false;
  }
  size_t eol = block.find('\n');
  if (eol == std::string_view::npos) {
    *error = "the HTTP status line has no end";
    return false;
  }
  std::string_view status_line = ascii::Trim(block.substr(0, eol));
  size_t space = status_line.find(' ');
  std::string_view code = space == std::string_view::npos ? std::string_view() : status_line.substr(space + 1, 3);
  auto r = std::from_chars(code.data(), code.data() + code.size(), out->status);
  if (code.size() != 3 || r.ec != std::errc() || r.ptr != code.data() + 3) {
    *error = "bad HTTP status line '" + std::string(status_line.substr(0, 60)) + "'";
    return false;
  }
  size_t at = eol + 1;
  for (;;) {
    eol = block.find('\n', at);
    if (eol == std::string_view::npos) {
      *error = "the HTTP headers have no end";
      return false;
    }
    std::string_view line = block.substr(at, eol - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    at = eol + 1;
    if (line.empty()) break;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // a folded or broken line: not needed
    out->headers.push_back({ascii::Trim(line.substr(0, colon)), ascii::Trim(line.substr(colon + 1))});
  }
  out->body = block.substr(at);
  return true;
}

bool DecodeHttpBody(const HttpResponse& response, size_t max_bytes, std::string* out, std::string* error) {
  std::string_view body = response.body;
  std::string dechunked;
  if (ascii::EqualsNoCase(ascii::Trim(response.Header("Transfer-Encoding")), "chunked")) {
    if (!Dechunk(body, max_bytes, &dechunked, error)) return false;
    body = dechunked;
  }
  std::string_view encoding = ascii::Trim(response.Header("Content-Encoding"));
  if (encoding.empty() || ascii::EqualsNoCase(encoding, "identity") || ascii::EqualsNoCase(encoding, "none")) {
    if (body.size() > max_bytes) {
      *error = "body exceeds " + std::to_string(max_bytes) + " bytes";
      return false;
    }
    out->assign(body);
    return true;
  }
  if (ascii::EqualsNoCase(encoding, "gzip") || ascii::EqualsNoCase(encoding, "x-gzip") || ascii::EqualsNoCase(encoding, "deflate")) {
    const bool gzip = LooksGzipped(body);
    const bool zlib = body.size() >= 2 && (static_cast<unsigned char>(body[0]) & 0x0f) == 8 &&
                      ((static_cast<unsigned char>(body[0]) << 8) | static_cast<unsigned char>(body[1])) % 31 == 0;
    if (!gzip && !zlib) {
      // Stored decoded by the crawler, header kept.
      if (body.size() > max_bytes) {
        *error = "body exceeds " + std::to_string(max_bytes) + " bytes";
        return false;
      }
      out->assign(body);
      return true;
    }
    std::string why;
    if (!GunzipCapped(body, max_bytes, out, &why)) {
      *error = "Content-Encoding " + std::string(encoding) + ": " + why;
      return false;
    }
    return true;
  }
  *error = "Content-Encoding '" + std::string(encoding.substr(0, 40)) + "' is not decoded";
  return false;
}

}  // namespace cn
