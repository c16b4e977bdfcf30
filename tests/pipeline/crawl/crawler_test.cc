// End-to-end crawl tests: sources → feeds/sitemaps → pages, against the
// loopback server (serving fixtures/crawl/site/) and against offline
// fixture files.
#include "pipeline/crawl/crawler.h"

#include <gtest/gtest.h>

#include <map>

#include "pipeline/fetch/file_fetcher.h"
#include "tests/support/fixture_file.h"
#include "tests/support/manual_clock.h"
#include "tests/support/test_http_server.h"

namespace cn {
namespace {

using namespace std::chrono_literals;
using TestClock = testing::TestHttpServer::Clock;

CrawlOptions LoopbackCrawlOptions() {
  CrawlOptions o;
  o.fetch.allow_private_addresses = true;
  o.fetch.politeness_delay = 0ms;
  o.fetch.total_timeout = 2000ms;
  o.fetch.backoff_base = 20ms;
  o.fetch.max_tries = 2;
  return o;
}

class CrawlerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    http_.server().set_mount_point("/", testing::FixturePath("fixtures/crawl/site"));
    http_.server().Get("/broken-feed.xml", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("<rss><channel><item><link>/articles/d.html</link></item><item><title>Cut o", "application/rss+xml");
    });
    http_.Start();
  }

  SourceConfig Source(const std::string& name, std::vector<std::string> feeds, std::vector<std::string> sitemaps = {}) {
    SourceConfig s;
    s.name = name;
    for (auto& f : feeds) s.feeds.push_back(http_.Url(f));
    for (auto& m : sitemaps) s.sitemaps.push_back(http_.Url(m));
    s.politeness_delay = 0ms;
    return s;
  }

  std::map<std::string, CrawledPage> CrawlToMap(const std::vector<SourceConfig>& sources, const CrawlOptions& o,
                                               CrawlSummary* summary) {
    std::map<std::string, CrawledPage> pages;
    *summary = Crawl(sources, o, nullptr, [&](CrawledPage&& p) {
      EXPECT_FALSE(pages.contains(p.candidate.url)) << "delivered twice: " << p.candidate.url;
      pages[p.candidate.url] = std::move(p);
    });
    return pages;
  }

  testing::TestHttpServer http_;
};

TEST_F(CrawlerTest, FeedAndSitemapIndexYieldDedupedNewestPages) {
  CrawlSummary summary;
  auto pages = CrawlToMap({Source("Loopback", {"/feed.xml"}, {"/sitemap_index.xml"})}, LoopbackCrawlOptions(), &summary);
  ASSERT_EQ(summary.sources.size(), 1u);
  const SourceReport& r = summary.sources[0];
  EXPECT_EQ(r.listings_ok, 3);  // feed, index, news sitemap
  EXPECT_EQ(r.items, 7);
  EXPECT_EQ(r.duplicates, 2);  // a.html listed three times
  EXPECT_EQ(r.candidates, 5);
  EXPECT_EQ(r.fetched, 4);
  EXPECT_EQ(r.skipped, 1);  // robots.txt
  EXPECT_TRUE(r.ok()) << r.errors[0];

  ASSERT_EQ(pages.size(), 5u);
  const CrawledPage& a = pages.at(http_.Url("/articles/a.html"));
  EXPECT_TRUE(a.fetch.ok());
  EXPECT_EQ(a.source, "Loopback");
  EXPECT_EQ(a.candidate.title, "Bitcoin reclaims $90,000 after a volatile week");
  EXPECT_EQ(a.candidate.author, "Sam Satoshi-Free");
  EXPECT_EQ(a.candidate.published_at, "2025-11-25T12:00:00Z");
  EXPECT_NE(a.fetch.body.find("test page a"), std::string::npos);
  EXPECT_NE(a.fetch.content_type.find("text/html"), std::string::npos);
  const CrawledPage& d = pages.at(http_.Url("/articles/d.html"));
  EXPECT_EQ(d.candidate.title, "Solana ETF sees $25 million of inflows on day one");
  EXPECT_EQ(d.candidate.published_at, "2025-11-25T15:30:00Z");
  const CrawledPage& p = pages.at(http_.Url("/articles/private.html"));
  EXPECT_EQ(p.fetch.skipped, SkipReason::kRobots);
  EXPECT_EQ(http_.Hits("/articles/private.html"), 0);
  EXPECT_EQ(http_.Hits("/articles/a.html"), 1);
}

TEST_F(CrawlerTest, SinceAndMaxArticlesKeepTheNewest) {
  CrawlOptions o = LoopbackCrawlOptions();
  o.since = "2025-11-20T00:00:00Z";
  o.max_articles = 2;
  CrawlSummary summary;
  auto pages = CrawlToMap({Source("Loopback", {"/feed.xml"}, {"/sitemap_index.xml"})}, o, &summary);
  const SourceReport& r = summary.sources[0];
  EXPECT_EQ(r.too_old, 1);  // c.html, 1 November
  EXPECT_EQ(r.candidates, 2);
  EXPECT_EQ(r.over_limit, 2);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_TRUE(pages.contains(http_.Url("/articles/d.html")));  // 15:30 on the 25th
  EXPECT_TRUE(pages.contains(http_.Url("/articles/a.html")));  // 12:00 on the 25th
}

TEST_F(CrawlerTest, AFailingSourceDoesNotStopTheOthers) {
  CrawlSummary summary;
  auto pages = CrawlToMap({Source("Missing", {"/no-such-feed.xml"}), Source("Broken", {"/broken-feed.xml"}),
                           Source("Good", {"/feed.xml"})},
                          LoopbackCrawlOptions(), &summary);
  ASSERT_EQ(summary.sources.size(), 3u);
  EXPECT_FALSE(summary.ok());
  const SourceReport& missing = summary.sources[0];
  EXPECT_EQ(missing.listings_failed, 1);
  ASSERT_FALSE(missing.errors.empty());
  EXPECT_NE(missing.errors[0].find("feed " + http_.Url("/no-such-feed.xml")), std::string::npos) << missing.errors[0];
  EXPECT_NE(missing.errors[0].find("HTTP 404"), std::string::npos) << missing.errors[0];
  // A truncated feed still gives the item that parsed, plus an error naming it.
  const SourceReport& broken = summary.sources[1];
  EXPECT_EQ(broken.candidates, 1);
  ASSERT_FALSE(broken.errors.empty());
  EXPECT_NE(broken.errors[0].find("feed " + http_.Url("/broken-feed.xml")), std::string::npos) << broken.errors[0];
  EXPECT_EQ(broken.fetched, 1);
  // "Good" is untouched by the failures around it.
  const SourceReport& good = summary.sources[2];
  EXPECT_TRUE(good.ok());
  EXPECT_EQ(good.fetched, 3);  // a, b and c; private.html is skipped (robots)
  EXPECT_EQ(pages.size(), 5u);
}

TEST_F(CrawlerTest, LinksFromFeedsToPrivateAddressesAreRefusedByDefault) {
  CrawlOptions o = LoopbackCrawlOptions();
  o.fetch.allow_private_addresses = false;  // the feed itself is operator-supplied, its links are not
  CrawlSummary summary;
  auto pages = CrawlToMap({Source("Loopback", {"/feed.xml"})}, o, &summary);
  const SourceReport& r = summary.sources[0];
  EXPECT_EQ(r.listings_ok, 1);
  EXPECT_EQ(r.fetched, 0);
  EXPECT_EQ(r.skipped, 4);
  int refused = 0;
  for (const auto& [url, page] : pages) {
    if (url.ends_with("/private.html")) EXPECT_EQ(page.fetch.skipped, SkipReason::kRobots);  // robots first
    else EXPECT_EQ(page.fetch.skipped, SkipReason::kRefusedAddress) << url;
    refused += page.fetch.skipped == SkipReason::kRefusedAddress;
  }
  EXPECT_EQ(refused, 3);
  EXPECT_EQ(http_.Hits("/articles/a.html"), 0);
}

// issue 15 item 1, for every request kind the crawler makes: a feed and a
// sitemap from the sources file may be on loopback, robots.txt of their host
// too, but none of their redirects may go to another private address.
TEST(CrawlerRedirectTest, NoRedirectOfAnyRequestKindInheritsTrust) {
  testing::TestHttpServer target;
  target.server().Get("/(.*)", [](const httplib::Request&, httplib::Response& res) { res.set_content("secret", "text/plain"); });
  target.Start();
  testing::TestHttpServer feed_host, sitemap_host, robots_host;
  feed_host.server().Get("/feed.xml", [&](const httplib::Request&, httplib::Response& res) {
    res.set_redirect(target.Url("/feed"), 302);
  });
  sitemap_host.server().Get("/sitemap.xml", [&](const httplib::Request&, httplib::Response& res) {
    res.set_redirect(target.Url("/sitemap"), 301);
  });
  robots_host.server().Get("/robots.txt", [&](const httplib::Request&, httplib::Response& res) {
    res.set_redirect(target.Url("/robots"), 307);
  });
  robots_host.server().Get("/feed.xml", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<rss><channel><item><link>/a.html</link></item></channel></rss>", "application/rss+xml");
  });
  for (auto* server : {&feed_host, &sitemap_host, &robots_host}) server->Start();

  CrawlOptions o = LoopbackCrawlOptions();
  o.fetch.allow_private_addresses = false;  // as in production
  SourceConfig source;
  source.name = "Redirecting";
  source.politeness_delay = 0ms;
  source.feeds = {feed_host.Url("/feed.xml"), robots_host.Url("/feed.xml")};
  source.sitemaps = {sitemap_host.Url("/sitemap.xml")};
  CrawlSummary summary = Crawl({source}, o, nullptr, [](CrawledPage&&) {});
  EXPECT_TRUE(target.Requests().empty()) << "a redirect reached " << target.Requests()[0];
  const SourceReport& r = summary.sources[0];
  EXPECT_EQ(r.listings_failed, 3);
  ASSERT_EQ(r.errors.size(), 3u);
  for (const std::string& e : r.errors) EXPECT_NE(e.find("unsafe redirect"), std::string::npos) << e;
  EXPECT_EQ(robots_host.Hits("/feed.xml"), 0);
}

TEST_F(CrawlerTest, AlreadyStoredPagesAreNotFetchedAndDryRunFetchesNothing) {
  CrawlOptions o = LoopbackCrawlOptions();
  std::string a = http_.Url("/articles/a.html");
  o.already_stored = [&](const std::string& url) { return url == a; };
  CrawlSummary summary;
  auto pages = CrawlToMap({Source("Loopback", {"/feed.xml"})}, o, &summary);
  EXPECT_EQ(summary.sources[0].already_stored, 1);
  EXPECT_FALSE(pages.contains(a));
  EXPECT_EQ(http_.Hits("/articles/a.html"), 0);

  CrawlOptions dry = LoopbackCrawlOptions();
  dry.fetch_articles = false;
  auto none = CrawlToMap({Source("Loopback", {"/feed.xml"})}, dry, &summary);
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(summary.sources[0].candidates, 4);
}

TEST_F(CrawlerTest, ShouldStopEndsTheCrawlAtOnce) {
  CrawlOptions o = LoopbackCrawlOptions();
  o.fetch.max_connections = 1;
  int delivered = 0;
  o.should_stop = [&] { return delivered >= 2; };
  CrawlSummary summary = Crawl({Source("Loopback", {"/feed.xml"}, {"/sitemap_index.xml"})}, o, nullptr,
                               [&](CrawledPage&&) { ++delivered; });
  EXPECT_EQ(delivered, 2);
  EXPECT_TRUE(summary.stopped);
}

TEST_F(CrawlerTest, SourcePolitenessDelaySpacesItsPagesOnTheClock) {
  testing::ManualClock clock;
  http_.UseClock(&clock);
  CrawlOptions o = LoopbackCrawlOptions();
  o.fetch.clock = &clock;
  SourceConfig source = Source("Loopback", {"/feed.xml"});
  source.politeness_delay = 3000ms;
  CrawlSummary summary;
  auto pages = CrawlToMap({source}, o, &summary);
  EXPECT_EQ(summary.sources[0].fetched, 3);
  // robots.txt, the feed, then a, b and c, each 3 s after the one before (one host).
  std::vector<TestClock::time_point> starts;
  for (const char* path : {"/robots.txt", "/feed.xml", "/articles/a.html", "/articles/b.html", "/articles/c.html"}) {
    auto times = http_.HitTimes(path);
    ASSERT_EQ(times.size(), 1u) << path;
    starts.push_back(times[0]);
  }
  std::sort(starts.begin(), starts.end());
  for (size_t i = 1; i < starts.size(); ++i)
    EXPECT_EQ(std::chrono::duration_cast<std::chrono::milliseconds>(starts[i] - starts[i - 1]).count(), 3000) << i;
  EXPECT_DOUBLE_EQ(summary.seconds, 12.0);
}

TEST(OfflineCrawlTest, AFileFetcherAloneCrawlsTheFixtureSet) {
  auto sources = LoadSources(testing::FixturePath("fixtures/crawl/offline/sources.toml"));
  ASSERT_TRUE(sources.has_value()) << sources.error();
  FileFetcher files(1u << 20);
  int pages = 0;
  CrawlSummary summary = Crawl(*sources, CrawlOptions{}, files, [&](CrawledPage&&) { ++pages; });
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(summary.sources[0].fetched, 2);
  EXPECT_EQ(summary.sources[0].failed, 1);
}

TEST(OfflineCrawlTest, SourcesFileWithPathsCrawlsFromDisk) {
  auto sources = LoadSources(testing::FixturePath("fixtures/crawl/offline/sources.toml"));
  ASSERT_TRUE(sources.has_value()) << sources.error();
  std::vector<CrawledPage> pages;
  CrawlSummary summary = Crawl(*sources, CrawlOptions{}, nullptr, [&](CrawledPage&& p) { pages.push_back(std::move(p)); });
  ASSERT_EQ(summary.sources.size(), 1u);
  const SourceReport& r = summary.sources[0];
  EXPECT_EQ(r.fetched, 2);
  EXPECT_EQ(r.failed, 1);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("pages/missing.html: cannot open the file"), std::string::npos) << r.errors[0];
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_TRUE(pages[0].fetch.ok());
  EXPECT_EQ(pages[0].fetch.content_type, "text/html");
  EXPECT_NE(pages[0].fetch.body.find("Offline page one"), std::string::npos);
  EXPECT_TRUE(pages[0].fetch.final_url.starts_with("file:///"));
  EXPECT_EQ(pages[0].candidate.title, "XRP open interest climbs to $4 billion");
}

}  // namespace
}  // namespace cn
