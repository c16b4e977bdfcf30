// ParseArticle: one fetched HTML page in, its article out — main text and
// metadata, as UTF-8.
//
// Steps: bytes -> UTF-8 (charset.h: BOM, Content-Type charset, <meta>, ICU
// detection) -> libxml2 HTML tree (html_document.h) -> metadata
// (article_metadata.h) and main text (html_main_text.h). Never fails: an
// empty, truncated or binary page gives an Article with empty fields and
// warnings saying why. Pure apart from the work on its own arguments;
// thread-safe (concurrent calls on different pages are fine). Includes no
// <expected>, so the fuzz target can link it.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace cn {

struct Article {
  std::string url;            // the page URL as given
  std::string canonical_url;  // <link rel=canonical> / og:url resolved (article_metadata.h), else url
  std::string title;
  std::vector<std::string> authors;
  std::string published_at;  // UTC ISO 8601 ("2026-02-05T22:08:00Z"), "" if unknown
  std::string modified_at;   // likewise
  std::string language;      // "en", "en-US", "" if unknown
  std::string site_name;
  std::string text;     // main text: blocks separated by "\n\n", line breaks "\n"
  std::string charset;  // the charset the bytes were decoded with
  std::vector<std::string> warnings;
};

// `html` is the raw body; `content_type` the HTTP Content-Type header value or
// just its charset ("" when unknown). `fetch_time` bounds published/modified
// times: later ones are rejected as bogus.
Article ParseArticle(std::string_view html, std::string_view content_type, const std::string& url,
                     std::chrono::sys_seconds fetch_time);

}  // namespace cn
