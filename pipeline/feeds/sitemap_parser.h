// Sitemap parsing: <urlset> (with optional Google News <news:news> entries)
// and <sitemapindex>, plain or gzip-compressed (.xml.gz, detected by magic
// bytes, inflated with a cap of kMaxSitemapBytes).
//
// Like ParseFeed, ParseSitemap never fails outright: a broken sitemap yields
// the entries that could be recovered plus messages in `errors`, each naming
// the sitemap URL. URLs are resolved and canonicalised; entries without a
// usable http(s) <loc> (or file: for a local sitemap) are reported and left
// out. The crawler follows `child_sitemaps` itself, with its own depth and
// count bounds.
//
// Thread safety: pure function; may run on several threads.
// Reachable from fuzz targets: no <expected> here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cn {

struct SitemapEntry {
  std::string url;           // canonical absolute URL
  std::string lastmod;       // UTC ISO 8601 or ""
  std::string published_at;  // news:publication_date as UTC ISO 8601, or ""
  std::string title;         // news:title, or ""
};

struct SitemapParseResult {
  std::string kind;  // "urlset", "sitemapindex", or "" when not a sitemap
  std::vector<SitemapEntry> entries;        // pages (urlset)
  std::vector<std::string> child_sitemaps;  // nested sitemaps (sitemapindex)
  std::vector<std::string> errors;          // each starts with "sitemap <url>: "
};

inline constexpr size_t kMaxSitemapBytes = 50u << 20;  // the sitemaps.org limit
inline constexpr size_t kMaxSitemapEntries = 50000;

SitemapParseResult ParseSitemap(std::string_view bytes, const std::string& sitemap_url);

}  // namespace cn
