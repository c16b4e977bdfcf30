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

// issue 15 item 3: links the crawler refuses are counted by reason, listed in
// runs.errors with their URL, printed with --verbose, and a run whose links
// were refused by the address policy is not "ok".
TEST(CrawlFeedTest, RefusedLinksAreCountedAndRecordedByReason) {
  testing::TestHttpServer http;
  http.server().Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("User-agent: *\nDisallow: /private/\n", "text/plain");
  });
  http.server().Get("/feed.xml", [&](const httplib::Request&, httplib::Response& res) {
    // The feed is in the sources file (it may be on loopback); its links are not.
    res.set_content("<rss><channel><item><link>" + http.Url("/private/one.html") + "</link></item><item><link>" +
                        http.Url("/a.html") + "</link></item><item><link>" + http.Url("/b.html") +
                        "</link></item></channel></rss>",
                    "application/rss+xml");
  });
  http.Start();
  testing::TempDir dir;
  std::string sources = dir.Write("s.toml", "[[sources]]\nname = \"Loop\"\nfeeds = [\"" + http.Url("/feed.xml") +
                                                 "\"]\npoliteness_delay_ms = 0\n");
  std::string db = dir.File("r.db");
  auto run = testing::RunBinary("ingest --verbose --sources " + sources + " --db " + db);
  EXPECT_EQ(run.exit_code, 1) << run.out;  // partial: the address policy refused links
  EXPECT_NE(run.out.find("refused: 1 robots.txt, 2 address policy, 0 unsafe redirect"), std::string::npos) << run.out;
  for (const char* path : {"/private/one.html", "/a.html", "/b.html"})
    EXPECT_NE(run.out.find("refused " + http.Url(path)), std::string::npos) << path << "\n" << run.out;
  auto counts = testing::RunBinary(
      "query --format csv --sql 'SELECT refused_robots, refused_address, refused_redirect, status FROM runs' --db " + db,
      false);
  EXPECT_NE(counts.out.find("1,2,0,partial"), std::string::npos) << counts.out;
  auto errors = testing::RunBinary(
      "query --format csv --sql \"SELECT e.value ->> 'url', e.value ->> 'error' FROM runs, json_each(runs.errors) e\" --db " + db,
      false);
  EXPECT_NE(errors.out.find(http.Url("/private/one.html") + ",refused (robots.txt): robots.txt of 127.0.0.1 disallows"),
            std::string::npos)
      << errors.out;
  EXPECT_NE(errors.out.find(http.Url("/a.html") + ",refused (address policy): resolves to the refused loopback address"),
            std::string::npos)
      << errors.out;
  EXPECT_EQ(http.Hits("/a.html") + http.Hits("/b.html") + http.Hits("/private/one.html"), 0);
}

// issue 15 item 10: an error line names the URL once ("…/404: …/404: HTTP 404" before).
TEST(CrawlFeedTest, ErrorLinesNameTheUrlOnce) {
  testing::TestHttpServer http;
  http.server().Get("/feed.xml", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content("<rss><channel><item><link>" + http.Url("/404") + "</link></item></channel></rss>",
                    "application/rss+xml");
  });
  http.Start();
  testing::TempDir dir;
  std::string sources = dir.Write("s.toml", "[[sources]]\nname = \"Loop\"\nfeeds = [\"" + http.Url("/feed.xml") +
                                                 "\", \"" + http.Url("/missing.xml") + "\"]\npoliteness_delay_ms = 0\n");
  std::string db = dir.File("e.db");
  auto run = testing::RunBinary("ingest --allow-private --sources " + sources + " --db " + db);
  EXPECT_EQ(run.exit_code, 6) << run.out;  // nothing worked: the one page and one feed failed
  auto count = [](const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
  };
  for (std::string line; const std::string& url : {http.Url("/404"), http.Url("/missing.xml")}) {
    size_t at = run.out.find(url);
    ASSERT_NE(at, std::string::npos) << url << "\n" << run.out;
    line = run.out.substr(run.out.rfind('\n', at) + 1);
    line = line.substr(0, line.find('\n'));
    EXPECT_EQ(count(line, url), 1u) << line;
    EXPECT_NE(line.find("HTTP 404"), std::string::npos) << line;
  }
  auto errors = testing::RunBinary(
      "query --format csv --sql \"SELECT e.value ->> 'error' FROM runs, json_each(runs.errors) e\" --db " + db, false);
  EXPECT_EQ(count(errors.out, http.Url("/404")), 0u) << errors.out;  // the url field holds it
  EXPECT_NE(errors.out.find("HTTP 404"), std::string::npos) << errors.out;
  auto article = testing::RunBinary("article " + http.Url("/404"));
  EXPECT_EQ(article.exit_code, 2);
  EXPECT_EQ(count(article.out, http.Url("/404")), 1u) << article.out;
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
