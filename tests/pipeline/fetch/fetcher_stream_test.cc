// FetchRequest::on_body: bodies handed over piece by piece as they arrive,
// against a real loopback server.
#include <gtest/gtest.h>

#include "pipeline/fetch/curl_fetcher.h"
#include "tests/support/test_http_server.h"

namespace cn {
namespace {

using namespace std::chrono_literals;
using testing::TestHttpServer;

FetcherOptions StreamOptions() {
  FetcherOptions o;
  o.politeness_delay = 0ms;
  o.connect_timeout = 1000ms;
  o.total_timeout = 5000ms;
  o.backoff_base = 10ms;
  o.backoff_max = 20ms;
  o.max_body_bytes = 8u << 20;
  return o;
}

std::string BigBody() {
  std::string body;
  for (int i = 0; body.size() < (3u << 20); ++i) body += "line " + std::to_string(i) + " of a streamed body\n";
  return body;
}

FetchResult FetchStreamed(TestHttpServer& server, const std::string& path, const FetcherOptions& options,
                          std::string* received, size_t stop_after = SIZE_MAX, int* pieces = nullptr) {
  CurlFetcher fetcher(options);
  FetchRequest request;
  request.url = server.Url(path);
  request.operator_supplied = true;  // its first hop may be 127.0.0.1
  request.conditional = false;
  request.on_body = [&](std::string_view piece) {
    received->append(piece);
    if (pieces) ++*pieces;
    return received->size() < stop_after;
  };
  fetcher.Add(std::move(request));
  FetchResult out;
  fetcher.Run([&](FetchResult&& r) { out = std::move(r); });
  return out;
}

TEST(FetcherStreamTest, TheBodyArrivesInPiecesAndIsNotCollected) {
  const std::string body = BigBody();
  TestHttpServer server;
  server.server().Get("/big.warc", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(body, "application/warc");
  });
  server.Start();
  std::string received;
  int pieces = 0;
  FetchResult r = FetchStreamed(server, "/big.warc", StreamOptions(), &received, SIZE_MAX, &pieces);
  EXPECT_TRUE(r.ok()) << r.error;
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(received, body);
  EXPECT_GT(pieces, 10);
}

TEST(FetcherStreamTest, TheReceiverCanStopTheTransfer) {
  const std::string body = BigBody();
  TestHttpServer server;
  server.server().Get("/big.warc", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(body, "application/warc");
  });
  server.Start();
  std::string received;
  FetchResult r = FetchStreamed(server, "/big.warc", StreamOptions(), &received, 100000);
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.error.find("stopped by the receiver"), std::string::npos) << r.error;
  EXPECT_LT(received.size(), body.size());
}

TEST(FetcherStreamTest, TheBodyCapStillHolds) {
  const std::string body = BigBody();
  TestHttpServer server;
  server.server().Get("/big.warc", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(body, "application/warc");
  });
  server.Start();
  FetcherOptions options = StreamOptions();
  options.max_body_bytes = 1u << 20;
  std::string received;
  FetchResult r = FetchStreamed(server, "/big.warc", options, &received);
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.error.find("exceeds the limit"), std::string::npos) << r.error;
  EXPECT_LE(received.size(), 1u << 20);
}

TEST(FetcherStreamTest, ErrorPagesAreNotStreamed) {
  TestHttpServer server;
  server.server().Get("/missing.warc", [&](const httplib::Request&, httplib::Response& res) {
    res.status = 404;
    res.set_content("no such file", "text/plain");
  });
  server.Start();
  std::string received;
  FetchResult r = FetchStreamed(server, "/missing.warc", StreamOptions(), &received);
  EXPECT_EQ(r.status, 404);
  EXPECT_TRUE(received.empty());
}

TEST(FetcherStreamTest, ARedirectIsFollowedAndOnlyTheFinalBodyStreamed) {
  TestHttpServer server;
  server.server().Get("/old.warc", [&](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("/new.warc");
    res.set_content("moved", "text/plain");
  });
  server.server().Get("/new.warc", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content("WARC/1.0\r\n", "application/warc");
  });
  server.Start();
  FetcherOptions options = StreamOptions();
  options.allow_private_addresses = true;  // the redirect stays on 127.0.0.1
  std::string received;
  FetchResult r = FetchStreamed(server, "/old.warc", options, &received);
  EXPECT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(received, "WARC/1.0\r\n");
}

}  // namespace
}  // namespace cn
