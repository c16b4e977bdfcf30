// Fuzzes the feed, sitemap and robots.txt parsers: any bytes in, no crash,
// no leak, and the promises of their headers hold (item URLs are absolute
// http(s) — or file: only for a local feed —, dates are UTC ISO 8601 or
// empty, summaries stay within their cap, every error names the input).
// The first byte picks the parser and whether the input came from a local
// file; the rest is the document.
#include <libxml/xmlerror.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "pipeline/feeds/feed_parser.h"
#include "pipeline/feeds/sitemap_parser.h"
#include "pipeline/fetch/robots.h"
#include "pipeline/web/url.h"

namespace {

void Silent(void*, const char*, ...) {}

void CheckDate(const std::string& date) {
  if (date.empty()) return;
  if (date.size() != 20 || date[4] != '-' || date[10] != 'T' || date[19] != 'Z') std::abort();
}

void CheckUrl(const std::string& url, bool local) {
  if (cn::IsHttpUrl(url)) return;
  if (local && cn::UrlScheme(url) == "file") return;
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  xmlSetGenericErrorFunc(nullptr, Silent);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
  const bool local = (mode & 0x10) != 0;
  const std::string url = local ? "file:///srv/fixtures/feed.xml" : "https://feeds.example/news/rss";
  switch ((mode & 0x0F) % 3) {
    case 0: {
      cn::FeedParseResult r = cn::ParseFeed(body, url);
      for (const cn::FeedItem& item : r.items) {
        CheckUrl(item.url, local);
        CheckDate(item.published_at);
        if (item.summary.size() > cn::kMaxSummaryBytes) std::abort();
      }
      for (const std::string& e : r.errors)
        if (e.find(url) == std::string::npos) std::abort();
      if (r.items.size() > cn::kMaxFeedItems) std::abort();
      break;
    }
    case 1: {
      cn::SitemapParseResult r = cn::ParseSitemap(body, url);
      for (const cn::SitemapEntry& e : r.entries) {
        CheckUrl(e.url, local);
        CheckDate(e.lastmod);
        CheckDate(e.published_at);
      }
      for (const std::string& child : r.child_sitemaps) CheckUrl(child, local);
      break;
    }
    default: {
      cn::RobotsRules rules = cn::RobotsRules::Parse(body, "cryptonews");
      // Matching must terminate and stay consistent on any path.
      std::string path = "/" + std::string(body.substr(0, 64));
      if (rules.IsAllowed(path) != rules.BlockingRule(path).empty() && path != "/robots.txt") std::abort();
      if (!rules.IsAllowed("/robots.txt")) std::abort();
      break;
    }
  }
  return 0;
}
