// The crawl wired into ingest: SQLite-backed conditional-GET state, and the
// offline demo sources ingested end to end by the real binary.
#include "pipeline/ingest/crawl_feed.h"

#include <gtest/gtest.h>

#include "pipeline/fetch/curl_fetcher.h"
#include "pipeline/store/article_store.h"
#include "pipeline/store/sqlite_fetch_state.h"
#include "tests/support/fixture_file.h"
#include "tests/support/run_binary.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_http_server.h"

namespace cn {
namespace {

using namespace std::chrono_literals;

TEST(FetchStateOverSqliteTest, RoundTripsAndUpdates) {
  testing::TempDir dir;
  auto store = ArticleStore::Open(dir.File("state.db"));
  ASSERT_TRUE(store.has_value()) << store.error();
  auto created = SqliteFetchStateStore::Create(store->db());
  ASSERT_TRUE(created.has_value()) << created.error();
  SqliteFetchStateStore& state = **created;
  EXPECT_FALSE(state.Get("https://a.example/rss").has_value());
  state.Put("https://a.example/rss", FetchState{"\"e1\"", "Mon, 24 Nov 2025 08:00:00 GMT", 200, "", "2025-11-25T00:00:00Z"});
  state.Commit("https://a.example/rss");
  state.Put("https://a.example/rss", FetchState{"\"e2\"", "", 304, "", ""});
  state.Commit("https://a.example/rss");
  EXPECT_EQ(state.pending(), 0u);
  auto got = state.Get("https://a.example/rss");
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->etag, "\"e2\"");
  EXPECT_EQ(got->last_modified, "");
  EXPECT_EQ(got->last_status, 304);
  EXPECT_EQ(got->fetched_at.size(), 20u);  // filled in when not given
}

TEST(FetchStateOverSqliteTest, ConditionalGetAcrossRunsWithTheDatabase) {
  testing::TestHttpServer http;
  http.server().Get("/feed", [](const httplib::Request& req, httplib::Response& res) {
    if (req.get_header_value("If-None-Match") == "\"v7\"") {
      res.status = 304;
      return;
    }
    res.set_header("ETag", "\"v7\"");
    res.set_content("<rss/>", "application/rss+xml");
  });
  http.Start();
  testing::TempDir dir;
  FetcherOptions options;
  options.allow_private_addresses = true;
  options.politeness_delay = 0ms;
  for (int run = 0; run < 2; ++run) {
    auto store = ArticleStore::Open(dir.File("runs.db"));  // reopened: state lives in the file
    ASSERT_TRUE(store.has_value()) << store.error();
    auto state = SqliteFetchStateStore::Create(store->db());
    ASSERT_TRUE(state.has_value()) << state.error();
    CurlFetcher fetcher(options, state->get());
    fetcher.Add({http.Url("/feed")});
    std::vector<FetchResult> results;
    fetcher.Run([&](FetchResult&& r) { results.push_back(std::move(r)); });
    ASSERT_TRUE((*state)->CommitAll().has_value());
    ASSERT_EQ(results.size(), 1u);
    if (run == 0) EXPECT_TRUE(results[0].ok()) << results[0].error;
    else EXPECT_EQ(results[0].skipped, SkipReason::kNotModified);
  }
}

TEST(CrawlFeedTest, IngestOfTheOfflineDemoStoresEachArticleOnce) {
  testing::TempDir dir;
  std::string args = "ingest --sources " + testing::FixturePath("fixtures/demo/sources.toml") + " --db " +
                     dir.File("demo.db");
  auto first = testing::RunBinary(args);
  EXPECT_EQ(first.exit_code, 0) << first.out;
  auto count = testing::RunBinary("query --sql 'SELECT count(*) FROM articles' --db " + dir.File("demo.db"), false);
  EXPECT_TRUE(count.out.starts_with("count(*)\n6\n")) << count.out;
  auto second = testing::RunBinary(args);
  EXPECT_EQ(second.exit_code, 0) << second.out;
  EXPECT_NE(second.out.find("6 unchanged"), std::string::npos) << second.out;
  auto again = testing::RunBinary("query --sql 'SELECT count(*) FROM articles' --db " + dir.File("demo.db"), false);
  EXPECT_TRUE(again.out.starts_with("count(*)\n6\n")) << again.out;
}

TEST(CrawlFeedTest, BadSourcesFileIsAUsageError) {
  testing::TempDir dir;
  std::string bad = dir.Write("bad.toml", "[[sources]]\nname = 3\n");
  auto r = testing::RunBinary("ingest --sources " + bad + " --db " + dir.File("x.db"));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find(bad + ":2:"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace cn
