// Crawler: sources → feeds and sitemaps → candidate article URLs → pages.
//
// For every enabled source, Crawl() fetches its feeds and sitemaps (sitemap
// indexes are followed up to max_sitemap_depth levels and
// max_sitemaps_per_source files), parses them, canonicalises and
// deduplicates the article URLs (across all sources: the source whose listings
// finish first owns a shared URL), drops items published before `since`, keeps the
// newest max_articles per source, and fetches those pages. Each page —
// fetched, failed or skipped — is handed to `on_page` as soon as it is done,
// so a store can write articles while the crawl goes on.
//
// Every feed, sitemap and page is fetched through a PageFetcher
// (page_fetcher.h). Feeds, sitemaps and pages given as file: URLs (or plain
// paths in the sources file) are read from disk by the FileFetcher, so a
// fixture set crawls offline; links to file: pages are only followed from
// local feeds.
//
// Failure isolation: a source whose feeds fail still gets its sitemaps
// crawled, and no source's failure stops another. Every problem lands in
// that source's SourceReport::errors, naming the URL.
//
// Thread safety: Crawl() runs on the calling thread (the fetcher's event
// loop); `on_page` and `already_stored` are called on that thread.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "pipeline/crawl/sources_config.h"
#include "pipeline/fetch/fetch_state.h"
#include "pipeline/fetch/curl_fetcher.h"
#include "pipeline/fetch/page_fetcher.h"

namespace cn {

struct CrawlOptions {
  FetcherOptions fetch;
  std::string since;                   // UTC ISO 8601; older items are skipped ("" = keep all)
  int max_articles = 0;                // > 0 overrides every source's max_articles
  bool use_source_delays = true;       // apply each source's politeness_delay_ms to its hosts
  int max_sitemap_depth = 2;           // sitemap index levels followed below a listed sitemap
  int max_sitemaps_per_source = 20;    // sitemap files fetched per source, listed ones included
  bool fetch_articles = true;          // false: stop after listing candidates (dry run)
  size_t max_local_file_bytes = 64u << 20;  // cap for file: feeds, sitemaps and pages
  // When set and true for a canonical URL, the page is not fetched (already
  // stored by an earlier run). Counted in SourceReport::already_stored.
  std::function<bool(const std::string& canonical_url)> already_stored;
  // Checked after each page is handed to `on_page`; when it returns true the
  // crawl ends at once (transfers in flight are abandoned, nothing further
  // is delivered). Ingest uses it for its article limit.
  std::function<bool()> should_stop;
  // Called once per feed or sitemap when it is requested (those of the
  // sources file at the start, sitemaps an index lists later), for progress.
  std::function<void(const std::string& source, const std::string& url)> on_listing_started;
  // Called once per source when its listings are in and its pages are
  // chosen: `pages` of them will reach `on_page` (unless the crawl stops).
  std::function<void(const std::string& source, int pages)> on_pages_selected;
  // Called once per feed or sitemap when it is done: `error` is "" when it
  // was read and parsed (or unchanged, 304), else the first problem.
  std::function<void(const std::string& source, const std::string& url, const std::string& error)> on_listing_done;
};

// A candidate article as the feed or sitemap described it.
// When a source lists one URL several times (feed and sitemap), the
// entries are merged: the first listing's fields win, empty ones are filled
// from the others.
struct CandidateArticle {
  std::string url;  // canonical
  std::string title, published_at, author, summary;
  std::string modified_at;  // sitemap <lastmod>, UTC ISO 8601 or ""
  std::string listed_in;    // the feed or sitemap URL

  // What orders candidates (newest first) and what --since compares.
  const std::string& date() const { return published_at.empty() ? modified_at : published_at; }
};

struct CrawledPage {
  std::string source;  // SourceConfig::name
  CandidateArticle candidate;
  // Outcome of the page fetch: fetch.ok() when fetch.body holds the page
  // (raw bytes, no charset conversion; see fetch.content_type). For a local
  // file page, status is 200 and final_url the file: URL.
  FetchResult fetch;
};

struct SourceReport {
  std::string name;
  int listings_ok = 0;       // feeds and sitemaps fetched and parsed
  int listings_failed = 0;   // feeds and sitemaps that could not be fetched or were not feeds
  int listings_unchanged = 0;  // 304 on a conditional GET
  int items = 0;             // items and sitemap entries with a usable URL
  int duplicates = 0;        // already listed (by this or an earlier source)
  int too_old = 0;           // published before `since`
  int over_limit = 0;        // beyond max_articles
  int already_stored = 0;    // skipped by the already_stored hook
  int candidates = 0;        // pages handed to the fetcher
  int fetched = 0, not_modified = 0, skipped = 0, failed = 0;
  // `skipped` by reason: robots.txt, the address policy (or a non-http
  // link), an unsafe redirect.
  int refused_robots = 0, refused_address = 0, refused_redirect = 0;
  std::vector<std::string> errors;  // each names its feed, sitemap or page URL

  bool ok() const { return errors.empty(); }
};

struct CrawlSummary {
  std::vector<SourceReport> sources;  // enabled sources, in file order
  double seconds = 0;
  bool stopped = false;  // ended early by should_stop
  int pages_fetched() const;
  bool ok() const;  // no source reported an error
};

// Crawls through `fetcher` (tests pass a FileFetcher alone, or a CurlFetcher
// on a test clock).
CrawlSummary Crawl(const std::vector<SourceConfig>& sources, const CrawlOptions& options, PageFetcher& fetcher,
                   const std::function<void(CrawledPage&&)>& on_page);

// Crawls through the real fetchers: a FileFetcher for file: URLs in front of
// a CurlFetcher built from options.fetch and `state` (null: no conditional GET).
CrawlSummary Crawl(const std::vector<SourceConfig>& sources, const CrawlOptions& options, FetchStateStore* state,
                   const std::function<void(CrawledPage&&)>& on_page);

}  // namespace cn
