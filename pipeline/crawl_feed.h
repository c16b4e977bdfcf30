// CrawlFeed: the real ArticleFeed of `cryptonews ingest`. It crawls the
// sources (crawler.h), parses each fetched page (article_parser.h) into an
// ArticleRecord and hands it on, one page at a time.
//
// Conditional-GET validators go through a SqliteFetchStateStore and are
// committed only once the article they stand for is stored (or, for feeds
// and sitemaps, once the crawl is over), so a killed run never hides an
// unstored article behind a 304 on the next run.
//
// When the sink answers more=false (--max-articles reached, stop signal), the
// crawl ends: no further page is requested and transfers in flight are dropped.
//
// Lifetimes: `state` must outlive the feed. Runs on the calling thread.
#pragma once

#include <vector>

#include "pipeline/article_feed.h"
#include "pipeline/crawler.h"
#include "pipeline/sources_config.h"
#include "pipeline/sqlite_fetch_state.h"

namespace cn {

class CrawlFeed : public ArticleFeed {
 public:
  CrawlFeed(std::vector<SourceConfig> sources, CrawlOptions options, SqliteFetchStateStore& state)
      : sources_(std::move(sources)), options_(std::move(options)), state_(state) {}

  void Run(FeedSink& sink) override;

  // The problem that stopped committing fetch state at the end, if any.
  const std::string& state_error() const { return state_error_; }

 private:
  void OnPage(CrawledPage&& page, FeedSink& sink);

  std::vector<SourceConfig> sources_;
  CrawlOptions options_;
  SqliteFetchStateStore& state_;
  std::string current_source_;
  bool stopped_ = false;
  std::string state_error_;
};

}  // namespace cn
