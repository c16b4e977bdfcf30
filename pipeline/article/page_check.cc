#include "pipeline/article/page_check.h"

#include <algorithm>
#include <array>

#include "pipeline/web/ascii_text.h"
#include "pipeline/web/media_type.h"

namespace cn {

namespace {

struct Signature {
  std::string_view magic;
  size_t offset;
  const char* what;
};

// File signatures of what a page URL answers instead of a page, most often.
const char* KnownSignature(std::string_view body) {
  static constexpr std::array<Signature, 15> kSignatures = {{
      {"\x89PNG\r\n\x1a\n", 0, "a PNG image"},
      {"GIF87a", 0, "a GIF image"},
      {"GIF89a", 0, "a GIF image"},
      {"\xFF\xD8\xFF", 0, "a JPEG image"},
      {"WEBP", 8, "a WebP image"},
      {"%PDF-", 0, "a PDF document"},
      {"PK\x03\x04", 0, "a ZIP archive"},
      {"\x1F\x8B", 0, "gzip data"},
      {"wOFF", 0, "a web font"},
      {"wOF2", 0, "a web font"},
      {"ftyp", 4, "an MP4 video"},
      {"ID3", 0, "an MP3 file"},
      {"OggS", 0, "an Ogg file"},
      {"\x1A\x45\xDF\xA3", 0, "a WebM video"},
      {"\x7F" "ELF", 0, "an executable"},
  }};  // (signatures with NUL bytes need no entry: a NUL makes a body binary)
  for (const Signature& s : kSignatures)
    if (body.size() >= s.offset + s.magic.size() && body.substr(s.offset, s.magic.size()) == s.magic) return s.what;
  return nullptr;
}

// NUL bytes, or more than 1% control characters other than white space.
bool LooksBinary(std::string_view head) {
  size_t control = 0;
  for (char ch : head) {
    auto c = static_cast<unsigned char>(ch);
    if (c == 0) return true;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) ++control;
  }
  return control * 100 > head.size();
}

// A tag or a doctype: '<' followed by a letter, '!' or '/'.
bool HasMarkup(std::string_view head) {
  for (size_t at = head.find('<'); at != std::string_view::npos && at + 1 < head.size(); at = head.find('<', at + 1)) {
    char c = head[at + 1];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '!' || c == '/') return true;
  }
  return false;
}

bool IsHtmlType(const std::string& type) {
  return type == "text/html" || type == "application/xhtml+xml" || type == "application/xml" || type == "text/xml";
}

// Labels servers put on HTML by mistake, or no label: the bytes decide.
bool IsVagueType(const std::string& type) {
  return type.empty() || type == "application/octet-stream" || type == "text/plain" || type == "binary/octet-stream";
}

// A short title part or heading that says the page is not there: "Page not
// found", "404 Not Found", "Error 404", "Oops! That page can't be found".
// Short, so a headline about something "not found" is not taken for one.
bool SaysNotFound(std::string_view part) {
  static constexpr std::array<std::string_view, 11> kPhrases = {
      "not found",      "404",           "cannot be found", "can't be found", "can\u2019t be found",
      "does not exist", "doesn't exist", "no longer exists", "nothing was found", "nothing found",
      "page unavailable"};
  std::string lower = ascii::ToLower(part);
  size_t words = 1 + static_cast<size_t>(std::count(lower.begin(), lower.end(), ' '));
  if (words > 8) return false;
  return std::any_of(kPhrases.begin(), kPhrases.end(), [&](std::string_view p) { return lower.find(p) != std::string::npos; });
}

// Titles carry the site name after a separator: "Page not found | Site".
bool TitleSaysNotFound(std::string_view title) {
  size_t start = 0;
  while (start <= title.size()) {
    size_t end = title.size();
    for (std::string_view sep : {" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00b7 "})
      end = std::min(end, title.find(sep, start) == std::string_view::npos ? title.size() : title.find(sep, start));
    if (SaysNotFound(title.substr(start, end - start))) return true;
    if (end == title.size()) break;
    start = title.find(' ', end + 1) + 1;
  }
  return false;
}

}  // namespace

std::string NonHtmlReason(std::string_view body, std::string_view content_type) {
  if (const char* what = KnownSignature(body)) return std::string("the body is ") + what;
  std::string_view head = body.substr(0, std::min(body.size(), kSniffBytes));
  if (LooksBinary(head)) return "the body is binary";
  std::string type = MediaType(content_type);
  if (!IsHtmlType(type) && !IsVagueType(type)) return "Content-Type " + type;
  if (!HasMarkup(head)) return "no HTML markup in the first " + std::to_string(kSniffBytes) + " bytes";
  return "";
}

bool LooksLikeErrorPage(std::string_view title, std::string_view text) {
  if (text.size() >= kMaxErrorPageTextBytes) return false;
  if (TitleSaysNotFound(title)) return true;
  // No title, or a site-wide one: the first line of the text is the heading.
  return SaysNotFound(text.substr(0, text.find('\n')));
}

}  // namespace cn
