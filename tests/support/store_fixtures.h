// Test helper: hand-built articles and figures, and a feed that serves them.
#pragma once

#include <string>
#include <vector>

#include "extractors/figure.h"
#include "pipeline/ingest/article_feed.h"
#include "pipeline/store/article_record.h"

namespace cn::testing {

inline ArticleRecord MakeArticle(const std::string& slug, const std::string& text,
                                 const std::string& source = "testwire") {
  ArticleRecord a;
  a.source = source;
  a.url = "https://news.example/" + slug + "?utm=feed";
  a.canonical_url = "https://news.example/" + slug;
  a.title = "Story " + slug;
  a.authors = {"A. Writer", "B. Editor"};
  a.published_at = "2026-11-20T08:30:00Z";
  a.fetched_at = "2026-11-25T19:00:00Z";
  a.language = "en";
  a.site_name = "News Example";
  a.text = text;
  return a;
}

inline Figure MakeLiquidation(double usd, Side side, int64_t start, int64_t end, const std::string& text) {
  Figure f;
  f.kind = FigureKind::kLiquidation;
  f.value = usd;
  f.side = side;
  f.window = "PT24H";
  f.start = start;
  f.end = end;
  f.text = text;
  return f;
}

// Serves a fixed list of articles, one source per article's `source`.
class VectorFeed : public ArticleFeed {
 public:
  explicit VectorFeed(std::vector<ArticleRecord> articles, std::vector<FeedError> failed_feeds = {})
      : articles_(std::move(articles)), failed_feeds_(std::move(failed_feeds)) {}
  void Run(FeedSink& sink) override {
    for (ArticleRecord a : articles_) {
      sink.OnSource(a.source);
      if (!sink.OnArticle(std::move(a)).more) break;
    }
    sink.OnSourceDone({"testwire", 1, 0, {}});
    for (const FeedError& e : failed_feeds_) sink.OnSourceDone({e.source, 0, 1, {e}});
  }

 private:
  std::vector<ArticleRecord> articles_;
  std::vector<FeedError> failed_feeds_;
};

}  // namespace cn::testing
