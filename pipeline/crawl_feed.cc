#include "pipeline/crawl_feed.h"

namespace cn {

// The crawler (issue 2) and article parser (issue 3) are not merged into
// this branch yet; this is where they are wired in.
std::expected<std::unique_ptr<ArticleFeed>, std::string> MakeCrawlFeed(const CrawlFeedOptions& options,
                                                                       SqliteDb&) {
  return std::unexpected((options.sources_path.empty() ? std::string("default sources") : options.sources_path) +
                         ": crawling is not available in this build yet");
}

}  // namespace cn
