// Feed parsing: RSS 2.0 (and 0.9x), RSS 1.0 (RDF) and Atom 1.0 bytes into
// candidate articles.
//
// ParseFeed never fails outright: a broken or truncated feed yields the items
// that could be recovered plus one or more messages in `errors`, each naming
// the feed URL. Items are returned in document order (feeds list newest
// first). Item URLs are resolved against xml:base / the feed URL and
// canonicalised (pipeline/web/url.h); an item without a usable http(s) link is
// left out and reported in `errors`. Links to file: URLs are kept only when
// the feed itself was read from a file (offline fixtures), so a remote feed
// can never point the crawler at the local disk.
//
// Thread safety: pure function of its inputs; may run on several threads.
// Reachable from the feed fuzz target: no <expected> here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cn {

struct FeedItem {
  std::string url;           // canonical absolute URL of the article
  std::string title;         // plain text, "" when absent
  std::string published_at;  // UTC "YYYY-MM-DDTHH:MM:SSZ", "" when absent or unparseable
  std::string author;        // plain text, "" when absent
  std::string summary;       // plain text (markup stripped), at most kMaxSummaryBytes
};

struct FeedParseResult {
  std::string format;  // "rss", "rdf", "atom", or "" when the bytes are not a feed
  std::string title;   // the feed's own title
  std::vector<FeedItem> items;
  std::vector<std::string> errors;  // each starts with "feed <url>: "
};

inline constexpr size_t kMaxSummaryBytes = 2000;
inline constexpr size_t kMaxFeedItems = 10000;

// Parses feed bytes fetched from `feed_url` (also used to resolve relative
// links).
FeedParseResult ParseFeed(std::string_view bytes, const std::string& feed_url);

}  // namespace cn
