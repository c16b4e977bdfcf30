// Is this fetched body an article page at all? Checks made before a page may
// become (or replace) a stored article, so an image, a binary blob, or a
// "Page not found" answered with status 200 never overwrites good text.
//
//   NonHtmlReason: "" for a body that may be parsed as HTML, else why not.
//     Binary bodies are refused whatever their label: a known file signature
//     (PNG, GIF, JPEG, WebP, PDF, ZIP, gzip, fonts, audio/video, ELF), or
//     NUL / control bytes in the first kSniffBytes. A Content-Type that names
//     something else (image/, audio/, video/, font/, application/pdf,
//     application/json, text/css, ...) is refused. A body labelled HTML or
//     XHTML, or not labelled at all (or application/octet-stream, text/plain
//     — servers mislabel), must contain markup in its first kSniffBytes.
//   LooksLikeErrorPage: a short page whose title or first heading says the
//     page is not there ("Page not found", "404", "does not exist", ...).
//
// Pure functions; thread-safe. Includes no <expected> (fuzzed code).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cn {

// How much of the body the sniffing looks at.
inline constexpr size_t kSniffBytes = 8192;
// An error page is short: main text below this many bytes.
inline constexpr size_t kMaxErrorPageTextBytes = 1500;

std::string NonHtmlReason(std::string_view body, std::string_view content_type);

// `title` and `text` as ParseArticle gave them (text: its main text).
bool LooksLikeErrorPage(std::string_view title, std::string_view text);

}  // namespace cn
