// Article metadata from a parsed page: title, authors, published and modified
// times, canonical URL, language and site name.
//
// Sources, best first: JSON-LD (NewsArticle, Article, BlogPosting and kin,
// also inside @graph and arrays; authors as a string, an object, an array or
// an @id reference), then Open Graph / <meta> tags, then <time datetime> and
// <title>. A published or modified time later than `fetch_time` is rejected
// (with a warning) and the next source is tried. Times are UTC ISO 8601
// ("2026-02-05T22:08:00Z"); every field is "" (or empty) when unknown.
//
// Pure function of the tree; thread-safe for distinct documents. Includes no
// <expected> (fuzzed code).
#pragma once

#include <libxml/tree.h>

#include <chrono>
#include <string>
#include <vector>

namespace cn {

struct ArticleMetadata {
  // <link rel=canonical>, else og:url, resolved against the page URL and
  // canonicalised by web/url.h's ResolveUrl (as feed links are); the page URL
  // as given when the page names none or one that does not resolve (a
  // relative link against a page URL that is only a file path stays as
  // written).
  std::string canonical_url;
  std::string title;
  std::vector<std::string> authors;
  std::string published_at;
  std::string modified_at;
  std::string language;  // BCP 47 style, "en", "en-US"
  std::string site_name;
  std::vector<std::string> warnings;
};

// `root` may be nullptr (empty page). `page_url` resolves relative links.
ArticleMetadata ExtractMetadata(const xmlNode* root, const std::string& page_url,
                                std::chrono::sys_seconds fetch_time);

}  // namespace cn
