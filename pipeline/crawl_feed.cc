#include "pipeline/crawl_feed.h"

#include <chrono>

#include "pipeline/article_parser.h"
#include "pipeline/crawler.h"
#include "pipeline/feed_time.h"
#include "pipeline/sources_config.h"
#include "pipeline/sqlite_fetch_state.h"
#include "pipeline/url.h"

namespace cn {

namespace {

// The page as an ArticleRecord: the article parser's metadata first, the
// feed's (or sitemap's) description of the item where the page says nothing.
ArticleRecord ToRecord(const CrawledPage& page, const Article& article) {
  const FetchResult& fetch = page.fetch;
  ArticleRecord record;
  record.source = page.source;
  record.url = fetch.final_url;
  auto canonical = IsHttpUrl(article.canonical_url) || UrlScheme(article.canonical_url) == "file"
                       ? CanonicalizeUrl(article.canonical_url)
                       : std::nullopt;
  record.canonical_url = canonical.value_or(page.candidate.url);
  record.title = !article.title.empty() ? article.title : page.candidate.title;
  record.authors = article.authors;
  if (record.authors.empty() && !page.candidate.author.empty()) record.authors.push_back(page.candidate.author);
  record.published_at = !article.published_at.empty() ? article.published_at : page.candidate.published_at;
  record.modified_at = article.modified_at;
  record.fetched_at =
      FormatUtcIso(std::chrono::duration_cast<std::chrono::seconds>(fetch.fetched_at.time_since_epoch()).count());
  record.language = article.language;
  record.site_name = article.site_name;
  record.text = article.text;
  return record;
}

class CrawlFeed : public ArticleFeed {
 public:
  CrawlFeed(std::vector<SourceConfig> sources, CrawlOptions options, SqliteDb& db)
      : sources_(std::move(sources)), options_(std::move(options)), state_(db) {}

  void Run(FeedSink& sink) override {
    bool stop = false;
    std::string current_source;
    CrawlOptions options = options_;
    options.should_stop = [&] { return stop; };
    options.on_listing_done = [&](const std::string& source, const std::string& url, const std::string& error) {
      sink.OnFeedDone(source, url, error);
    };
    Crawl(sources_, options, &state_, [&](CrawledPage&& page) {
      if (page.source != current_source) {
        current_source = page.source;
        sink.OnSource(current_source);
      }
      const FetchResult& fetch = page.fetch;
      if (fetch.skipped == SkipReason::kNotModified) return;  // stored by an earlier run
      if (!fetch.ok()) {
        std::string error = !fetch.error.empty() ? fetch.error
                                                 : std::string("skipped (") + SkipReasonName(fetch.skipped) +
                                                       "): " + fetch.skip_detail;
        sink.OnArticleFailed({page.source, page.candidate.url, error});
        return;
      }
      auto fetch_time = std::chrono::floor<std::chrono::seconds>(fetch.fetched_at);
      Article article = ParseArticle(fetch.body, fetch.content_type, fetch.final_url, fetch_time);
      if (article.text.empty()) {
        std::string why = article.warnings.empty() ? "" : " (" + article.warnings[0] + ")";
        sink.OnArticleFailed({page.source, page.candidate.url, fetch.final_url + ": no article text found" + why});
        return;
      }
      if (!sink.OnArticle(ToRecord(page, article))) stop = true;
    });
  }

 private:
  std::vector<SourceConfig> sources_;
  CrawlOptions options_;
  SqliteFetchStateStore state_;
};

}  // namespace

std::expected<std::unique_ptr<ArticleFeed>, std::string> MakeCrawlFeed(const CrawlFeedOptions& options,
                                                                       SqliteDb& fetch_state_db) {
  auto loaded = LoadSourcesOrDefault(options.sources_path);
  if (!loaded) return std::unexpected(loaded.error());
  CrawlOptions crawl;
  crawl.since = options.since;
  if (!options.politeness) {
    crawl.use_source_delays = false;
    crawl.fetch.politeness_delay = std::chrono::milliseconds(0);
  }
  return std::make_unique<CrawlFeed>(std::move(loaded->sources), std::move(crawl), fetch_state_db);
}

}  // namespace cn
