// FileFetcher: file: URLs read from disk with the PageFetcher promises, and
// every other URL handed to the network fetcher behind it (here a CurlFetcher
// on the loopback server).
#include "pipeline/fetch/file_fetcher.h"

#include <gtest/gtest.h>

#include "pipeline/fetch/curl_fetcher.h"
#include "tests/support/manual_clock.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_http_server.h"

namespace cn {
namespace {

using namespace std::chrono_literals;

std::string FileUrl(const std::string& path) { return "file://" + path; }

std::vector<FetchResult> RunAll(PageFetcher& fetcher) {
  std::vector<FetchResult> results;
  fetcher.Run([&](FetchResult&& r) { results.push_back(std::move(r)); });
  return results;
}

TEST(FileFetcherTest, ReadsFilesWithATypeFromTheExtension) {
  testing::TempDir dir;
  testing::ManualClock clock;
  FileFetcher fetcher(1024, nullptr, &clock);
  fetcher.Add({FileUrl(dir.Write("a.html", "<p>hello</p>")), false, true, 0, 7});
  fetcher.Add({FileUrl(dir.Write("feed.rss", "<rss/>"))});
  fetcher.Add({FileUrl(dir.Write("notes", "plain"))});
  auto results = RunAll(fetcher);
  ASSERT_EQ(results.size(), 3u);
  EXPECT_TRUE(results[0].ok()) << results[0].error;
  EXPECT_EQ(results[0].status, 200);
  EXPECT_EQ(results[0].body, "<p>hello</p>");
  EXPECT_EQ(results[0].content_type, "text/html");
  EXPECT_EQ(results[0].final_url, results[0].url);
  EXPECT_EQ(results[0].tag, 7u);
  EXPECT_EQ(results[0].fetched_at, clock.WallNow());
  EXPECT_EQ(results[1].content_type, "application/xml");
  EXPECT_EQ(results[2].content_type, "");
}

TEST(FileFetcherTest, MissingLargeAndDirectoryFilesAreErrors) {
  testing::TempDir dir;
  FileFetcher fetcher(10);
  std::string missing = FileUrl(dir.File("missing.html"));
  std::string large = FileUrl(dir.Write("large.html", std::string(11, 'x')));
  std::string fits = FileUrl(dir.Write("fits.html", std::string(11, 'x')));
  fetcher.Add({missing});
  fetcher.Add({large});
  fetcher.Add({FileUrl(dir.File(""))});
  FetchRequest bigger{fits};
  bigger.max_body_bytes = 20;  // a request may carry its own limit
  fetcher.Add(bigger);
  auto results = RunAll(fetcher);
  ASSERT_EQ(results.size(), 4u);
  EXPECT_EQ(results[0].error, "cannot open the file");
  EXPECT_EQ(results[1].error, "file exceeds the limit of 10 bytes");
  EXPECT_TRUE(results[1].body.empty());
  EXPECT_NE(results[2].error.find("is a directory"), std::string::npos) << results[2].error;
  EXPECT_TRUE(results[3].ok()) << results[3].error;
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(results[static_cast<size_t>(i)].ok());
}

TEST(FileFetcherTest, WithoutANetworkFetcherOtherSchemesAreRefused) {
  FileFetcher fetcher(1024);
  fetcher.Add({"http://127.0.0.1:1/x"});
  auto results = RunAll(fetcher);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].skipped, SkipReason::kUnsafeScheme);
}

TEST(FileFetcherTest, HandsHttpToTheNetworkAndInterleavesLocalResults) {
  testing::TestHttpServer http;
  http.server().Get("/remote", [](const httplib::Request&, httplib::Response& res) { res.set_content("net", "text/plain"); });
  http.Start();
  testing::TempDir dir;
  std::string local = FileUrl(dir.Write("local.txt", "disk"));
  FetcherOptions options;
  options.allow_private_addresses = true;
  options.politeness_delay = 0ms;
  CurlFetcher network(options);
  FileFetcher fetcher(1024, &network);
  fetcher.Add({http.Url("/remote")});
  std::vector<std::string> bodies;
  fetcher.Run([&](FetchResult&& r) {
    bodies.push_back(r.body);
    // A network result may lead to a local fetch, and a local one to a network fetch.
    if (r.body == "net" && bodies.size() == 1) fetcher.Add({local});
    else if (r.body == "disk" && bodies.size() == 2) fetcher.Add({http.Url("/remote")});
  });
  EXPECT_EQ(bodies, (std::vector<std::string>{"net", "disk", "net"}));
}

TEST(FileFetcherTest, StopFromTheCallbackEndsTheRun) {
  testing::TempDir dir;
  FileFetcher fetcher(1024);
  for (int i = 0; i < 5; ++i) fetcher.Add({FileUrl(dir.Write("f" + std::to_string(i) + ".txt", "x"))});
  int delivered = 0;
  fetcher.Run([&](FetchResult&&) {
    if (++delivered == 2) fetcher.Stop();
  });
  EXPECT_EQ(delivered, 2);
}

}  // namespace
}  // namespace cn
