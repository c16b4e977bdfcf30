#include "pipeline/ingest/ingestor.h"

#include <gtest/gtest.h>

#include "extractors/version.h"
#include "tests/support/store_fixtures.h"
#include "tests/support/temp_dir.h"

namespace cn {
namespace {

using testing::MakeArticle;
using testing::TempDir;
using testing::VectorFeed;

const char* kLiquidationText =
    "Crypto traders saw $1.2 billion in liquidations over the past 24 hours as bitcoin fell 8% to $81,000.";
const char* kCalmText = "The conference opened on Monday with a keynote about custody.";

class IngestorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = ArticleStore::Open(dir_.File("a.db"));
    ASSERT_TRUE(s) << s.error();
    store_.emplace(std::move(*s));
  }

  IngestResult Ingest(std::vector<ArticleRecord> articles, IngestOptions options = {},
                      std::vector<FeedError> failed_feeds = {}, SentimentScorer scorer = {}) {
    SilentObserver observer;
    Ingestor ingestor(*store_, extractor_, std::move(scorer), observer, options);
    VectorFeed feed(std::move(articles), std::move(failed_feeds));
    return ingestor.Run(feed);
  }

  int64_t Count(const std::string& sql) { return store_->db().QueryInt(sql).value_or(-1); }

  TempDir dir_;
  std::optional<ArticleStore> store_;
  FigureExtractor extractor_;
};

TEST_F(IngestorTest, StoresArticlesWithTheirFiguresAndARunRow) {
  IngestResult r = Ingest({MakeArticle("a", kLiquidationText), MakeArticle("b", kCalmText)});
  EXPECT_EQ(r.status, RunStatus::kOk);
  EXPECT_EQ(r.counts.articles_new, 2);
  EXPECT_EQ(r.counts.feeds_ok, 1);
  EXPECT_GT(r.counts.figures, 0);
  EXPECT_EQ(Count("SELECT count(*) FROM figures"), r.counts.figures);
  EXPECT_EQ(Count("SELECT count(*) FROM figures f JOIN articles a ON a.id = f.article_id "
                  "WHERE a.canonical_url = 'https://news.example/b'"),
            0);
  EXPECT_EQ(Count("SELECT count(*) FROM liquidations WHERE usd = 1200000000"), 1);
  EXPECT_EQ(Count("SELECT extractor_version FROM articles LIMIT 1"), kExtractorVersion);
  EXPECT_EQ(Count("SELECT articles_new FROM runs WHERE status = 'ok' AND finished_at IS NOT NULL"), 2);
}

TEST_F(IngestorTest, SecondRunStoresNothingNew) {
  Ingest({MakeArticle("a", kLiquidationText), MakeArticle("b", kCalmText)});
  int64_t figures = Count("SELECT count(*) FROM figures");
  int64_t max_figure_id = Count("SELECT max(id) FROM figures");
  IngestResult again = Ingest({MakeArticle("a", kLiquidationText), MakeArticle("b", kCalmText)});
  EXPECT_EQ(again.counts.articles_new, 0);
  EXPECT_EQ(again.counts.articles_updated, 0);
  EXPECT_EQ(again.counts.articles_unchanged, 2);
  EXPECT_EQ(again.counts.figures, 0);
  EXPECT_EQ(Count("SELECT count(*) FROM figures"), figures);
  EXPECT_EQ(Count("SELECT max(id) FROM figures"), max_figure_id);
  EXPECT_EQ(Count("SELECT count(*) FROM runs"), 2);
}

TEST_F(IngestorTest, ChangedArticleIsCountedUpdatedAndItsFiguresReplaced) {
  Ingest({MakeArticle("a", kLiquidationText)});
  IngestResult r = Ingest({MakeArticle("a", kCalmText)});
  EXPECT_EQ(r.counts.articles_updated, 1);
  EXPECT_EQ(r.counts.articles_new, 0);
  EXPECT_EQ(Count("SELECT count(*) FROM figures"), 0);
  EXPECT_EQ(Count("SELECT articles_updated FROM runs ORDER BY id DESC LIMIT 1"), 1);
}

TEST_F(IngestorTest, FailedFeedsMakeThePartialStatusAndAreRecorded) {
  IngestResult r = Ingest({MakeArticle("a", kCalmText)}, {},
                          {{"brokenwire", "https://broken.example/feed", "HTTP 503"}});
  EXPECT_EQ(r.status, RunStatus::kPartial);
  EXPECT_EQ(r.counts.feeds_failed, 1);
  EXPECT_EQ(r.counts.articles_new, 1);
  EXPECT_EQ(Count("SELECT count(*) FROM runs, json_each(runs.errors) "
                  "WHERE json_each.value ->> 'source' = 'brokenwire' AND "
                  "json_each.value ->> 'url' = 'https://broken.example/feed' AND "
                  "json_each.value ->> 'error' = 'HTTP 503'"),
            1);
}

TEST_F(IngestorTest, EveryFeedFailingIsTheFailedStatusNotPartial) {
  // VectorFeed reports one good "testwire" feed; with no articles and that
  // feed failing too, nothing worked.
  IngestResult some = Ingest({}, {}, {{"brokenwire", "https://broken.example/feed", "HTTP 503"}});
  EXPECT_EQ(some.status, RunStatus::kPartial) << "one feed was read: the run did part of its job";
  RunCounts dead;
  dead.feeds_failed = 3;
  EXPECT_TRUE(NothingWorked(dead));
  RunCounts pages_dead;
  pages_dead.feeds_ok = 2;
  pages_dead.articles_failed = 5;
  EXPECT_TRUE(NothingWorked(pages_dead)) << "feeds read but every page failed";
  RunCounts quiet;
  quiet.feeds_ok = 2;
  EXPECT_FALSE(NothingWorked(quiet)) << "empty feeds are a quiet night, not a failure";
  RunCounts mixed = pages_dead;
  mixed.articles_unchanged = 1;
  EXPECT_FALSE(NothingWorked(mixed));
}

TEST_F(IngestorTest, MaxArticlesStopsTheFeed) {
  IngestOptions options;
  options.max_articles = 2;
  IngestResult r = Ingest({MakeArticle("a", kCalmText), MakeArticle("b", kCalmText), MakeArticle("c", kCalmText)},
                          options);
  EXPECT_EQ(r.counts.articles_new, 2);
  EXPECT_EQ(Count("SELECT count(*) FROM articles"), 2);
}

TEST_F(IngestorTest, SinceSkipsOlderArticlesButKeepsUndated) {
  IngestOptions options;
  options.since = "2026-11-21T00:00:00Z";
  ArticleRecord old = MakeArticle("old", kCalmText);      // published 2026-11-20
  ArticleRecord fresh = MakeArticle("fresh", kCalmText);
  fresh.published_at = "2026-11-22T10:00:00Z";
  ArticleRecord undated = MakeArticle("undated", kCalmText);
  undated.published_at.clear();
  IngestResult r = Ingest({old, fresh, undated}, options);
  EXPECT_EQ(r.skipped_old, 1);
  EXPECT_EQ(r.counts.articles_new, 2);
  EXPECT_EQ(Count("SELECT count(*) FROM articles WHERE canonical_url LIKE '%old'"), 0);
}

TEST_F(IngestorTest, ArticleWithoutCanonicalUrlIsKeyedByItsUrl) {
  ArticleRecord a = MakeArticle("a", kCalmText);
  a.canonical_url.clear();
  Ingest({a});
  IngestResult again = Ingest({a});
  EXPECT_EQ(again.counts.articles_unchanged, 1);
  EXPECT_EQ(Count("SELECT count(*) FROM articles WHERE canonical_url = 'https://news.example/a?utm=feed'"), 1);
}

TEST_F(IngestorTest, ArticleWithoutAnyUrlFailsAloneAndTheRunGoesOn) {
  ArticleRecord nameless = MakeArticle("nameless", kCalmText);
  nameless.url.clear();
  nameless.canonical_url.clear();
  IngestResult r = Ingest({MakeArticle("a", kCalmText), nameless, MakeArticle("b", kLiquidationText)});
  EXPECT_EQ(r.fatal_error, "") << "a bad article is not a database failure";
  EXPECT_EQ(r.status, RunStatus::kPartial);
  EXPECT_EQ(r.counts.articles_new, 2) << "the article after the bad one is stored too";
  EXPECT_EQ(r.counts.articles_failed, 1);
  EXPECT_EQ(Count("SELECT count(*) FROM articles"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM runs, json_each(runs.errors) "
                  "WHERE json_each.value ->> 'error' LIKE '%article without URL%'"),
            1);
}

TEST_F(IngestorTest, StoresSentimentPerArticleAndAssetWithItsVersion) {
  Ingest({MakeArticle("a", kLiquidationText)}, {}, {}, DefaultSentimentScorer());
  EXPECT_EQ(Count("SELECT sentiment_version FROM articles"), kSentimentVersion);
  EXPECT_EQ(Count("SELECT count(*) FROM sentiment WHERE asset IS NULL"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM sentiment WHERE asset = 'BTC'"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM sentiment WHERE score < 0 AND asset IS NULL"), 1)
      << "a liquidation cascade and a falling price read negative";
}

TEST(SummaryLineTest, NamesEveryCount) {
  RunCounts c{5, 1, 12, 3, 40, 2, 150};
  EXPECT_EQ(SummaryLine(c), "12 new, 3 updated, 40 unchanged, 2 failed articles; 150 figures; feeds: 5 ok, 1 failed");
}

// A feed whose links are refused, one per reason given.
class RefusingFeed : public ArticleFeed {
 public:
  explicit RefusingFeed(std::vector<SkipReason> reasons) : reasons_(std::move(reasons)) {}
  void Run(FeedSink& sink) override {
    int i = 0;
    for (SkipReason reason : reasons_)
      sink.OnArticleRefused({"testwire", "https://news.example/" + std::to_string(i++), "why"}, reason);
    sink.OnSourceDone({"testwire", 1, 0, {}});
  }

 private:
  std::vector<SkipReason> reasons_;
};

TEST_F(IngestorTest, RefusalsAreCountedByReasonAndOnlyRobotsLeavesTheRunOk) {
  SilentObserver observer;
  {
    Ingestor ingestor(*store_, extractor_, {}, observer, {});
    RefusingFeed feed({SkipReason::kRobots, SkipReason::kRobots});
    IngestResult r = ingestor.Run(feed);
    EXPECT_EQ(r.status, RunStatus::kOk);
    EXPECT_EQ(r.counts.refused_robots, 2);
    ASSERT_EQ(r.errors.size(), 2u);
    EXPECT_EQ(r.errors[0].url, "https://news.example/0");
    EXPECT_EQ(r.errors[0].error, "refused (robots.txt): why");
    EXPECT_NE(SummaryLine(r.counts).find("; refused: 2 robots.txt, 0 address policy, 0 unsafe redirect"),
              std::string::npos);
  }
  Ingestor ingestor(*store_, extractor_, {}, observer, {});
  RefusingFeed feed({SkipReason::kRefusedAddress, SkipReason::kUnsafeScheme, SkipReason::kUnsafeRedirect});
  IngestResult r = ingestor.Run(feed);
  EXPECT_EQ(r.status, RunStatus::kPartial);
  EXPECT_EQ(r.counts.refused_address, 2);
  EXPECT_EQ(r.counts.refused_redirect, 1);
  EXPECT_EQ(Count("SELECT refused_address FROM runs WHERE id = " + std::to_string(r.run_id)), 2);
  EXPECT_EQ(Count("SELECT refused_redirect FROM runs WHERE id = " + std::to_string(r.run_id)), 1);
  EXPECT_EQ(Count("SELECT json_array_length(errors) FROM runs WHERE id = " + std::to_string(r.run_id)), 3);
  EXPECT_EQ(SummaryLine(RunCounts{}).find("refused"), std::string::npos);  // nothing refused: not mentioned
}

}  // namespace
}  // namespace cn
