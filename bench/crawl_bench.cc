// Crawl throughput against the loopback test server, politeness off.
//
//   build/bench/crawl_bench [pages] [page_bytes] [concurrency]
//
// Two measurements, each printed as pages/s and MB/s:
//   fetcher: `pages` article URLs handed straight to the CurlFetcher;
//   crawl:   one RSS feed listing `pages` items, parsed, canonicalised,
//            deduplicated and fetched through Crawl().
// The server (cpp-httplib, concurrency + 2 worker threads, pages gzipped
// once up front) runs in this process on 127.0.0.1, so the numbers include
// its cost on the same cores. MB/s counts decompressed page bytes.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "pipeline/crawl/crawler.h"
#include "pipeline/fetch/curl_fetcher.h"
#include "tests/support/gzip_test_util.h"
#include "tests/support/test_http_server.h"

namespace {

using Clock = std::chrono::steady_clock;

std::string MakePage(int n, size_t bytes) {
  std::string page = "<!DOCTYPE html><html><head><title>Bench article " + std::to_string(n) +
                     "</title></head><body><article>";
  while (page.size() + 40 < bytes) page += "<p>Bitcoin moved 1.5% to $91,250.</p>\n";
  return page + "</article></body></html>";
}

void Report(const char* what, int pages, size_t bytes, double seconds, int failures) {
  std::printf("%-8s %6d pages  %8.3f s  %9.1f pages/s  %7.1f MB/s  failures %d\n", what, pages, seconds,
              pages / seconds, static_cast<double>(bytes) / seconds / 1e6, failures);
}

}  // namespace

int main(int argc, char** argv) {
  int pages = argc > 1 ? std::atoi(argv[1]) : 5000;
  size_t page_bytes = argc > 2 ? static_cast<size_t>(std::atol(argv[2])) : 30000;
  int concurrency = argc > 3 ? std::atoi(argv[3]) : 8;

  cn::testing::TestHttpServer http(static_cast<size_t>(concurrency) + 2);
  std::string feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Bench</title>";
  for (int i = 0; i < pages; ++i)
    feed += "<item><title>Item " + std::to_string(i) + "</title><link>/a/" + std::to_string(i) +
            "?utm_source=rss</link><pubDate>Tue, 25 Nov 2025 12:00:00 GMT</pubDate></item>";
  feed += "</channel></rss>";
  http.server().Get("/feed.xml", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(feed, "application/rss+xml");
  });
  // Pages are gzipped once up front (as a site's cache would), so the
  // server does not spend the shared cores compressing each response.
  std::vector<std::string> gzipped;
  for (int i = 0; i < pages; ++i) gzipped.push_back(cn::testing::Gzip(MakePage(i, page_bytes)));
  http.server().Get(R"(/a/(\d+))", [&](const httplib::Request& req, httplib::Response& res) {
    size_t n = static_cast<size_t>(std::atoi(req.matches[1].str().c_str()));
    if (n >= gzipped.size()) {
      res.status = 404;
      return;
    }
    res.set_header("Content-Encoding", "gzip");
    // A type cpp-httplib leaves alone: with "text/html" it would brotli-compress
    // the gzip body again on every request.
    res.set_content(gzipped[n], "application/xhtml+xml; charset=utf-8");
  });
  http.Start();

  cn::FetcherOptions fetch;
  fetch.allow_private_addresses = true;
  fetch.politeness_delay = std::chrono::milliseconds(0);
  fetch.max_connections = concurrency;
  fetch.max_per_host = concurrency;

  {
    cn::CurlFetcher fetcher(fetch);
    for (int i = 0; i < pages; ++i) fetcher.Add({http.Url("/a/" + std::to_string(i))});
    size_t bytes = 0;
    int failures = 0;
    auto start = Clock::now();
    fetcher.Run([&](cn::FetchResult&& r) {
      bytes += r.body.size();
      failures += !r.ok() || !r.body.starts_with("<!DOCTYPE html>");
    });
    Report("fetcher", pages, bytes, std::chrono::duration<double>(Clock::now() - start).count(), failures);
  }
  {
    cn::SourceConfig source;
    source.name = "Bench";
    source.feeds = {http.Url("/feed.xml")};
    source.max_articles = pages;
    source.politeness_delay = std::chrono::milliseconds(0);
    cn::CrawlOptions options;
    options.fetch = fetch;
    size_t bytes = 0;
    int failures = 0, delivered = 0;
    auto start = Clock::now();
    cn::Crawl({source}, options, nullptr, [&](cn::CrawledPage&& p) {
      ++delivered;
      bytes += p.fetch.body.size();
      failures += !p.fetch.ok();
    });
    Report("crawl", delivered, bytes, std::chrono::duration<double>(Clock::now() - start).count(), failures);
  }
  return 0;
}
