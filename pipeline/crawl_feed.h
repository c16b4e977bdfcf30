// The real ArticleFeed of `cryptonews ingest`: crawls the sources file's
// feeds and sitemaps and parses each fetched page into an ArticleRecord.
#pragma once

#include <expected>
#include <memory>
#include <string>

#include "pipeline/article_feed.h"
#include "pipeline/sqlite_handle.h"

namespace cn {

struct CrawlFeedOptions {
  std::string sources_path;   // "" = the default sources shipped with the binary
  std::string since;          // UTC ISO 8601; feed items older than this are not fetched ("" = all)
  bool politeness = true;     // false only for benchmarks against a loopback server
};

// `fetch_state_db` (the ingest's own connection) keeps ETag/Last-Modified per
// URL; it must outlive the feed. Errors name the sources file and line.
std::expected<std::unique_ptr<ArticleFeed>, std::string> MakeCrawlFeed(const CrawlFeedOptions& options,
                                                                       SqliteDb& fetch_state_db);

}  // namespace cn
