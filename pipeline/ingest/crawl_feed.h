// CrawlFeed: the real ArticleFeed of `cryptonews ingest`. It crawls the
// sources (crawler.h), parses each fetched page (article_parser.h) into an
// ArticleRecord and hands it on, one page at a time.
//
// Conditional-GET validators go through a SqliteFetchStateStore and are
// committed only once the article they stand for is stored (or, for feeds
// and sitemaps, once the crawl is over), so a killed run never hides an
// unstored article behind a 304 on the next run.
//
// Failed pages are retried on the next runs: when a page's fetch fails (on at
// most kMaxPageRetries consecutive runs), the validators of the feed or
// sitemap that listed it are forgotten, so the next run reads the listing in
// full instead of getting a 304 that would hide the page. The same happens to
// every listing when the crawl was cut short (--max-articles, stop signal).
//
// When the sink answers more=false (--max-articles reached, stop signal), the
// crawl ends: no further page is requested and transfers in flight are dropped.
//
// Lifetimes: `state` must outlive the feed. Runs on the calling thread.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "pipeline/crawl/crawler.h"
#include "pipeline/crawl/sources_config.h"
#include "pipeline/ingest/article_feed.h"
#include "pipeline/store/sqlite_fetch_state.h"

namespace cn {

// Runs after the first failure in which a failed page still makes its
// listing be read in full again.
inline constexpr int kMaxPageRetries = 3;

class CrawlFeed : public ArticleFeed {
 public:
  CrawlFeed(std::vector<SourceConfig> sources, CrawlOptions options, SqliteFetchStateStore& state)
      : sources_(std::move(sources)), options_(std::move(options)), state_(state) {}

  void Run(FeedSink& sink) override;

  // The problem that stopped committing fetch state at the end, if any.
  const std::string& state_error() const { return state_error_; }

 private:
  void OnPage(CrawledPage&& page, FeedSink& sink);
  // The feed or sitemap of this run whose URL `error` names ("" if none).
  std::string ListingNamedIn(const std::string& error) const;

  std::vector<SourceConfig> sources_;
  CrawlOptions options_;
  SqliteFetchStateStore& state_;
  std::string current_source_;
  bool stopped_ = false;
  std::string state_error_;
  std::set<std::string> listings_;         // every feed and sitemap read this run
  std::set<std::string> listings_to_reread_;  // listed a page that failed
};

}  // namespace cn
