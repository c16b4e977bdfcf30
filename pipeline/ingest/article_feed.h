// ArticleFeed: where ingest gets its parsed articles from — the narrow seam
// between crawling/parsing and extraction/storage.
//
// The real feed crawls sources.toml and parses each page (crawl_feed.h);
// tests feed hand-built articles. A feed streams: it hands each article to the
// sink as soon as it is parsed and keeps no list of them, so memory does not
// grow with the number of articles.
//
// Call order: Run() calls the sink's methods from the calling thread only,
// in any interleaving, and returns when the feed is exhausted or the sink
// asked to stop.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/fetch/page_fetcher.h"
#include "pipeline/store/article_record.h"

namespace cn {

// A page, feed or source that failed. Reported, never fatal.
struct FeedError {
  std::string source;
  std::string url;
  std::string error;
};

// How one source's feeds and sitemaps fared, reported once per source.
struct SourceOutcome {
  std::string source;
  int feeds_ok = 0;                 // feeds and sitemaps read (or unchanged since last run)
  int feeds_failed = 0;
  std::vector<FeedError> errors;  // feed/sitemap problems; `url` is the feed or sitemap
};

// The sink's answer to one article.
struct ArticleAck {
  bool stored = false;  // it is safely in the store now (written, or already there unchanged)
  bool more = true;     // false: hand no more articles (e.g. --max-articles reached)
};

class FeedSink {
 public:
  virtual ~FeedSink() = default;
  virtual ArticleAck OnArticle(ArticleRecord&& article) = 0;
  // A page that was found but could not be fetched or parsed (an article lost).
  virtual void OnArticleFailed(const FeedError& error) = 0;
  // A page that was found but not fetched on purpose: robots.txt, the
  // address policy or an unsafe redirect (`reason`); error.error says why.
  virtual void OnArticleRefused(const FeedError& error, SkipReason reason) = 0;
  // A page the server says has not changed since the last run (HTTP 304).
  virtual void OnArticleNotModified(std::string_view source, std::string_view url) = 0;
  // A source is done with its feeds and sitemaps.
  virtual void OnSourceDone(const SourceOutcome& outcome) = 0;
  // The feed moved on to another source (for progress display).
  virtual void OnSource(std::string_view source) = 0;
  // For progress display only (a feed without listings never calls them):
  // a feed or sitemap was requested; it is done (read or failed); `pages`
  // more pages will be handed on (or reported failed or refused).
  virtual void OnListingStarted(std::string_view /*url*/) {}
  virtual void OnListingDone(std::string_view /*url*/) {}
  virtual void OnPagesSelected(int /*pages*/) {}
};

class ArticleFeed {
 public:
  virtual ~ArticleFeed() = default;
  virtual void Run(FeedSink& sink) = 0;
};

}  // namespace cn
