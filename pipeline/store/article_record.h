// ArticleRecord: one parsed article as the store keeps it. Plain value type.
//
// CrawlFeed (ingest/crawl_feed.h) builds them from parsed pages; tests build
// them by hand. Times are UTC ISO 8601 text ("2026-11-25T19:15:01Z");
// an empty string means unknown and is stored as NULL.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cn {

struct ArticleRecord {
  std::string source;         // the sources.toml name it came from
  std::string url;            // the URL fetched (after redirects)
  std::string canonical_url;  // the article's identity; falls back to url when empty
  std::string title;
  std::vector<std::string> authors;
  std::string published_at;
  std::string modified_at;
  std::string fetched_at;
  std::string language;       // BCP 47 ("en")
  std::string site_name;
  std::string text;           // main text; figure offsets point into it
};

// The hash stored in articles.content_hash, over title, authors,
// published_at and text, as "cnh64:<16 hex digits>" (a 64-bit multiply-mix
// over 8-byte words). It only detects changes between fetches of the same
// URL; it is not a security hash.
std::string ContentHash(const ArticleRecord& article);

// Whether `stored` (a content_hash read from the database) is the hash of
// `article`: in the current form, or as "fnv1a64:<hex>" (FNV-1a 64 over the
// same fields), which earlier versions stored. Any other form: false.
bool MatchesContentHash(std::string_view stored, const ArticleRecord& article);

// Which of two versions of one article is kept when both are seen (a WARC
// holding a page twice, shards merged in any order): the later fetched_at
// wins; on equal fetch times the larger content hash, so the choice does not
// depend on the order they come in. True when (fetched_at, hash) beats
// (other_fetched_at, other_hash).
bool IsNewerContent(std::string_view fetched_at, std::string_view hash, std::string_view other_fetched_at,
                    std::string_view other_hash);

}  // namespace cn
