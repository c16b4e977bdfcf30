#include "pipeline/fetch/robots.h"

#include <gtest/gtest.h>

#include "pipeline/fetch/curl_fetcher.h"
#include "tests/support/manual_clock.h"
#include "tests/support/test_http_server.h"

namespace cn {
namespace {

using namespace std::chrono_literals;

TEST(RobotsPatternTest, WildcardsAndAnchors) {
  const struct {
    const char* pattern;
    const char* path;
    bool match;
  } cases[] = {
      {"/", "/anything", true},
      {"/private", "/private/x", true},
      {"/private", "/privateer", true},
      {"/private/", "/private", false},
      {"/*.pdf$", "/docs/a.pdf", true},
      {"/*.pdf$", "/docs/a.pdf?x=1", false},
      {"/*.pdf", "/docs/a.pdf?x=1", true},
      {"/a*b*c", "/a-b-c-d", true},
      {"/a*b*c", "/a-c-b", false},
      {"/search$", "/search", true},
      {"/search$", "/search/", false},
      {"*", "/x", true},
      {"/x", "/y", false},
      {"/*?", "/page", false},
      {"/*?", "/page?q", true},
  };
  for (const auto& c : cases)
    EXPECT_EQ(RobotsPatternMatches(c.pattern, c.path), c.match) << c.pattern << " vs " << c.path;
}

TEST(RobotsRulesTest, GroupSelectionAndLongestMatch) {
  const char* robots =
      "# comment\n"
      "User-agent: *\n"
      "Disallow: /private/\n"
      "Allow: /private/press/\n"
      "Crawl-delay: 5\n"
      "\n"
      "User-agent: OtherBot\n"
      "User-agent: CryptoNews/2.0\n"
      "Disallow: /drafts\n"
      "Allow: /drafts/public$\n"
      "Crawl-delay: 1.5\n"
      "Sitemap: https://x.example/sitemap.xml\n"
      "\n"
      "User-agent: cryptonews\n"
      "Disallow: /*.json$\n";
  RobotsRules ours = RobotsRules::Parse(robots, "cryptonews");
  // Both groups naming us are merged; the "*" group does not apply.
  EXPECT_EQ(ours.rule_count(), 3u);
  EXPECT_TRUE(ours.IsAllowed("/private/x"));
  EXPECT_FALSE(ours.IsAllowed("/drafts/a"));
  EXPECT_TRUE(ours.IsAllowed("/drafts/public"));
  EXPECT_FALSE(ours.IsAllowed("/drafts/public/2"));
  EXPECT_FALSE(ours.IsAllowed("/data/prices.json"));
  EXPECT_TRUE(ours.IsAllowed("/data/prices.json?x"));
  EXPECT_EQ(ours.crawl_delay_seconds().value_or(0), 1.5);
  EXPECT_EQ(ours.BlockingRule("/drafts/a"), "/drafts");

  RobotsRules other = RobotsRules::Parse(robots, "somebot");
  EXPECT_FALSE(other.IsAllowed("/private/a"));
  EXPECT_TRUE(other.IsAllowed("/private/press/a"));  // longer Allow wins
  EXPECT_TRUE(other.IsAllowed("/drafts/a"));
  EXPECT_EQ(other.crawl_delay_seconds().value_or(0), 5);
}

TEST(RobotsRulesTest, EdgeCasesThatAllowEverything) {
  for (const char* text : {"", "garbage without colons", "Disallow: /\n", "User-agent: *\nDisallow:\n",
                           "User-agent: otherbot\nDisallow: /\n"}) {
    RobotsRules rules = RobotsRules::Parse(text, "cryptonews");
    EXPECT_TRUE(rules.IsAllowed("/news/1")) << text;
  }
  EXPECT_TRUE(RobotsRules::DisallowAll().IsAllowed("/robots.txt"));
  EXPECT_FALSE(RobotsRules::DisallowAll().IsAllowed("/"));
  // Equal length: Allow wins.
  EXPECT_TRUE(RobotsRules::Parse("User-agent: *\nDisallow: /a\nAllow: /a\n", "x").IsAllowed("/a"));
}

FetcherOptions LoopbackOptions() {
  FetcherOptions o;
  o.allow_private_addresses = true;
  o.politeness_delay = 0ms;
  o.total_timeout = 2000ms;
  o.backoff_base = 20ms;
  return o;
}

std::vector<FetchResult> FetchAll(CurlFetcher& fetcher, const std::vector<std::string>& urls) {
  for (const std::string& u : urls) fetcher.Add({u});
  std::vector<FetchResult> results;
  fetcher.Run([&](FetchResult&& r) { results.push_back(std::move(r)); });
  return results;
}

TEST(RobotsFetchTest, DisallowedUrlIsSkippedNotFetched) {
  testing::TestHttpServer http;
  http.server().Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("User-agent: *\nDisallow: /private/\nAllow: /private/ok\n", "text/plain");
  });
  http.server().Get("/(.*)", [](const httplib::Request&, httplib::Response& res) { res.set_content("page", "text/html"); });
  http.Start();
  CurlFetcher fetcher(LoopbackOptions());
  auto results = FetchAll(fetcher, {http.Url("/private/secret"), http.Url("/private/ok"), http.Url("/public")});
  ASSERT_EQ(results.size(), 3u);
  int skipped = 0;
  for (const FetchResult& r : results) {
    if (r.url == http.Url("/private/secret")) {
      ++skipped;
      EXPECT_EQ(r.skipped, SkipReason::kRobots);
      EXPECT_NE(r.skip_detail.find("Disallow: /private/"), std::string::npos) << r.skip_detail;
    } else {
      EXPECT_TRUE(r.ok()) << r.url << " " << r.error;
    }
  }
  EXPECT_EQ(skipped, 1);
  EXPECT_EQ(http.Hits("/private/secret"), 0);
  EXPECT_EQ(http.Hits("/robots.txt"), 1);  // cached per host
}

TEST(RobotsFetchTest, CrawlDelayIsHonoured) {
  testing::TestHttpServer http;
  testing::ManualClock clock;
  std::mutex mutex;
  std::vector<Clock::TimePoint> arrivals;
  http.server().Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("User-agent: cryptonews\nCrawl-delay: 1\n", "text/plain");
  });
  http.server().Get("/(.*)", [&](const httplib::Request&, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mutex);
    arrivals.push_back(clock.Now());
    res.set_content("page", "text/html");
  });
  http.Start();
  FetcherOptions options = LoopbackOptions();
  options.clock = &clock;
  CurlFetcher fetcher(options);
  auto results = FetchAll(fetcher, {http.Url("/a"), http.Url("/b")});
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(fetcher.HostDelay(http.Url("/")), 1000ms);
  std::lock_guard<std::mutex> lock(mutex);
  ASSERT_EQ(arrivals.size(), 2u);
  EXPECT_EQ(std::chrono::duration_cast<std::chrono::milliseconds>(arrivals[1] - arrivals[0]).count(), 1000);
}

TEST(RobotsFetchTest, ServerErrorOnRobotsDisallowsTheHost) {
  testing::TestHttpServer http;
  http.server().Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) { res.status = 503; });
  http.server().Get("/(.*)", [](const httplib::Request&, httplib::Response& res) { res.set_content("page", "text/html"); });
  http.Start();
  CurlFetcher fetcher(LoopbackOptions());
  auto results = FetchAll(fetcher, {http.Url("/a")});
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].skipped, SkipReason::kRobots);
  EXPECT_NE(results[0].skip_detail.find("HTTP 503"), std::string::npos) << results[0].skip_detail;
  EXPECT_EQ(http.Hits("/a"), 0);
}

TEST(RobotsFetchTest, MissingRobotsAllowsEverything) {
  testing::TestHttpServer http;
  http.server().Get("/a", [](const httplib::Request&, httplib::Response& res) { res.set_content("page", "text/html"); });
  http.Start();
  CurlFetcher fetcher(LoopbackOptions());
  auto results = FetchAll(fetcher, {http.Url("/a")});
  ASSERT_EQ(results.size(), 1u);
  EXPECT_TRUE(results[0].ok()) << results[0].error;
  EXPECT_EQ(http.Hits("/robots.txt"), 1);
}

// issue 15 item 1: a feed from the sources file may live on loopback, and its
// host's robots.txt is read with that trust on its first hop; a redirect of
// robots.txt must not carry the trust anywhere else.
TEST(RobotsFetchTest, RedirectOfRobotsTxtInheritsNoTrust) {
  testing::TestHttpServer target;  // stands for 169.254.169.254 or an internal service
  target.server().Get("/(.*)", [](const httplib::Request&, httplib::Response& res) { res.set_content("secret", "text/plain"); });
  target.Start();
  testing::TestHttpServer site;
  site.server().Get("/robots.txt", [&](const httplib::Request&, httplib::Response& res) {
    res.set_redirect(target.Url("/latest/meta-data/"), 302);
  });
  site.server().Get("/feed.xml", [](const httplib::Request&, httplib::Response& res) { res.set_content("<rss/>", "application/rss+xml"); });
  site.Start();
  FetcherOptions options = LoopbackOptions();
  options.allow_private_addresses = false;
  CurlFetcher fetcher(options);
  FetchRequest feed{site.Url("/feed.xml")};
  feed.operator_supplied = true;
  fetcher.Add(feed);
  std::vector<FetchResult> results;
  fetcher.Run([&](FetchResult&& r) { results.push_back(std::move(r)); });
  EXPECT_TRUE(target.Requests().empty()) << "the robots.txt redirect reached " << target.Requests()[0];
  ASSERT_EQ(results.size(), 1u);
  // robots.txt could not be read safely: nothing on the host is fetched.
  EXPECT_EQ(results[0].skipped, SkipReason::kUnsafeRedirect);
  EXPECT_NE(results[0].skip_detail.find("robots.txt"), std::string::npos) << results[0].skip_detail;
  EXPECT_NE(results[0].skip_detail.find(target.Url("/latest/meta-data/")), std::string::npos) << results[0].skip_detail;
  EXPECT_NE(results[0].skip_detail.find("loopback address 127.0.0.1"), std::string::npos) << results[0].skip_detail;
  EXPECT_EQ(site.Hits("/feed.xml"), 0);
}

TEST(RobotsFetchTest, RedirectOfRobotsTxtToAnotherSchemeDisallowsTheHost) {
  testing::TestHttpServer site;
  site.server().Get("/robots.txt", [&](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("file:///etc/passwd", 301);
  });
  site.server().Get("/a", [](const httplib::Request&, httplib::Response& res) { res.set_content("page", "text/html"); });
  site.Start();
  CurlFetcher fetcher(LoopbackOptions());
  auto results = FetchAll(fetcher, {site.Url("/a")});
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].skipped, SkipReason::kUnsafeRedirect);
  EXPECT_NE(results[0].skip_detail.find("file:///etc/passwd"), std::string::npos) << results[0].skip_detail;
  EXPECT_EQ(site.Hits("/a"), 0);
}

TEST(RobotsFetchTest, SafeRedirectOfRobotsTxtIsFollowedHopByHop) {
  testing::TestHttpServer site;
  site.server().Get("/robots.txt", [&](const httplib::Request&, httplib::Response& res) { res.set_redirect("/r1", 301); });
  site.server().Get("/r1", [&](const httplib::Request&, httplib::Response& res) { res.set_redirect("/r2.txt", 302); });
  site.server().Get("/r2.txt", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("User-agent: *\nDisallow: /private\n", "text/plain");
  });
  site.server().Get("/(.*)", [](const httplib::Request&, httplib::Response& res) { res.set_content("page", "text/html"); });
  site.Start();
  CurlFetcher fetcher(LoopbackOptions());
  auto results = FetchAll(fetcher, {site.Url("/private/x"), site.Url("/public")});
  ASSERT_EQ(results.size(), 2u);
  for (const FetchResult& r : results) {
    if (r.url.ends_with("/public")) EXPECT_TRUE(r.ok()) << r.error;
    else EXPECT_EQ(r.skipped, SkipReason::kRobots) << r.url;
  }
  EXPECT_EQ(site.Hits("/r2.txt"), 1);
  EXPECT_EQ(site.Hits("/private/x"), 0);
}

}  // namespace
}  // namespace cn
