// Fault tests for the CurlFetcher against a real loopback server: each fault
// the issue lists has a test pinning what happens (retry, skip with a
// recorded reason, or a clear error), and none crashes or hangs past the
// (short) timeouts set here.
#include "pipeline/fetch/curl_fetcher.h"

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>

#include "tests/support/gzip_test_util.h"
#include "tests/support/manual_clock.h"
#include "tests/support/test_http_server.h"

namespace cn {
namespace {

using namespace std::chrono_literals;
using testing::Gzip;
using testing::ManualClock;
using testing::TestHttpServer;

FetcherOptions TestOptions() {
  FetcherOptions o;
  o.allow_private_addresses = true;  // the server is on 127.0.0.1
  o.politeness_delay = 0ms;
  o.connect_timeout = 1000ms;
  o.total_timeout = 2000ms;
  o.low_speed_bytes = 100;
  o.low_speed_time = 1s;
  o.backoff_base = 20ms;
  o.backoff_max = 100ms;
  o.max_body_bytes = 1u << 20;
  return o;
}

std::vector<FetchResult> FetchAll(const FetcherOptions& options, const std::vector<FetchRequest>& requests,
                                  FetchStateStore* state = nullptr) {
  CurlFetcher fetcher(options, state);
  for (const FetchRequest& r : requests) fetcher.Add(r);
  std::vector<FetchResult> results;
  fetcher.Run([&](FetchResult&& r) { results.push_back(std::move(r)); });
  return results;
}

FetchResult FetchOne(const FetcherOptions& options, const std::string& url, FetchStateStore* state = nullptr) {
  auto results = FetchAll(options, {FetchRequest{url}}, state);
  EXPECT_EQ(results.size(), 1u);
  return results.empty() ? FetchResult{} : results[0];
}

class CurlFetcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& s = http_.server();
    s.Get("/page", [](const httplib::Request&, httplib::Response& res) {
      res.set_header("ETag", "\"v1\"");
      res.set_header("Last-Modified", "Tue, 25 Nov 2025 10:00:00 GMT");
      res.set_content("<html><body><p>Bitcoin rose 2%.</p></body></html>", "text/html; charset=utf-8");
    });
    s.Get("/page2", [](const httplib::Request&, httplib::Response& res) { res.set_content("two", "text/plain"); });
    s.Get("/notfound", [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
    s.Get("/limited", [this](const httplib::Request&, httplib::Response& res) {
      if (limited_calls_++ == 0) {
        res.status = 429;
        res.set_header("Retry-After", "1");
      } else {
        res.set_content("finally", "text/plain");
      }
    });
    s.Get("/limited-long", [](const httplib::Request&, httplib::Response& res) {
      res.status = 503;
      res.set_header("Retry-After", "3600");
    });
    s.Get("/flaky", [this](const httplib::Request&, httplib::Response& res) {
      if (flaky_calls_++ == 0) res.status = 500;
      else res.set_content("recovered", "text/plain");
    });
    s.Get("/down", [](const httplib::Request&, httplib::Response& res) { res.status = 503; });
    s.Get("/stall", [this](const httplib::Request&, httplib::Response& res) {
      res.set_chunked_content_provider("application/octet-stream", [this](size_t, httplib::DataSink& sink) {
        sink.write("partial...", 10);
        http_.SleepUnlessStopping(5000ms);
        return false;
      });
    });
    s.Get("/late", [this](const httplib::Request&, httplib::Response& res) {
      http_.SleepUnlessStopping(900ms);
      res.set_content("late", "text/plain");
    });
    s.Get("/slow", [this](const httplib::Request&, httplib::Response& res) {
      res.set_chunked_content_provider("application/octet-stream", [this](size_t, httplib::DataSink& sink) {
        for (int i = 0; i < 100 && !http_.stopping(); ++i) {
          if (!sink.write("x", 1)) return false;
          http_.SleepUnlessStopping(100ms);
        }
        sink.done();
        return true;
      });
    });
    s.Get("/truncated", [](const httplib::Request&, httplib::Response& res) {
      res.set_content_provider(1000, "application/octet-stream",
                               [](size_t offset, size_t, httplib::DataSink& sink) {
                                 if (offset > 0) return false;
                                 std::string part(100, 'a');
                                 sink.write(part.data(), part.size());
                                 return false;  // close with 900 bytes missing
                               });
    });
    s.Get("/big", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(5u << 20, 'x'), "application/octet-stream");
    });
    s.Get("/big-chunked", [this](const httplib::Request&, httplib::Response& res) {
      res.set_chunked_content_provider("application/octet-stream", [this](size_t offset, httplib::DataSink& sink) {
        if (offset >= (8u << 20) || http_.stopping()) {
          sink.done();
          return true;
        }
        std::string block(64 * 1024, 'y');
        return sink.write(block.data(), block.size());
      });
    });
    s.Get("/bomb", [](const httplib::Request&, httplib::Response& res) {
      static const std::string bomb = Gzip(std::string(4u << 20, '\0'));
      res.set_header("Content-Encoding", "gzip");
      res.set_content(bomb, "application/octet-stream");
    });
    s.Get("/gzipped", [](const httplib::Request&, httplib::Response& res) {
      res.set_header("Content-Encoding", "gzip");
      res.set_content(Gzip("compressed hello"), "application/octet-stream");
    });
    s.Get("/redirect", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/page", 301); });
    s.Get("/to-404", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/notfound"); });
    s.Get("/loop-a", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop-b"); });
    s.Get("/loop-b", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop-a"); });
    s.Get("/to-file", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("file:///etc/passwd"); });
    s.Get("/to-private", [this](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("http://127.0.0.2:" + std::to_string(http_.port()) + "/page2");
    });
    s.Get("/latin1-mislabelled", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("caf\xe9 cr\xe8me", "text/html; charset=utf-8");
    });
    s.Get("/latin1-unlabelled", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("na\xefve", "text/html");
    });
    s.Get("/busy/(\\d+)", [this](const httplib::Request&, httplib::Response& res) {
      int now = ++in_flight_;
      int seen = max_in_flight_.load();
      while (now > seen && !max_in_flight_.compare_exchange_weak(seen, now)) {
      }
      http_.SleepUnlessStopping(150ms);
      --in_flight_;
      res.set_content("ok", "text/plain");
    });
    s.Get("/conditional", [](const httplib::Request& req, httplib::Response& res) {
      if (req.get_header_value("If-None-Match") == "\"abc\"" ||
          req.get_header_value("If-Modified-Since") == "Mon, 24 Nov 2025 08:00:00 GMT") {
        res.status = 304;
        return;
      }
      res.set_header("ETag", "\"abc\"");
      res.set_header("Last-Modified", "Mon, 24 Nov 2025 08:00:00 GMT");
      res.set_content("fresh", "text/plain");
    });
    http_.Start();
  }

  TestHttpServer http_;
  std::atomic<int> limited_calls_{0}, flaky_calls_{0}, in_flight_{0}, max_in_flight_{0};
};

TEST_F(CurlFetcherTest, FetchesAPageWithHeadersAndUserAgent) {
  FetchResult r = FetchOne(TestOptions(), http_.Url("/page"));
  EXPECT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "<html><body><p>Bitcoin rose 2%.</p></body></html>");
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(r.etag, "\"v1\"");
  EXPECT_EQ(r.last_modified, "Tue, 25 Nov 2025 10:00:00 GMT");
  EXPECT_EQ(r.final_url, http_.Url("/page"));
  EXPECT_EQ(r.attempts, 1);
  // The project's name and version, and no contact unless one is given.
  EXPECT_TRUE(http_.LastHeader("/page", "User-Agent").starts_with("cryptonews/")) << http_.LastHeader("/page", "User-Agent");
  EXPECT_EQ(http_.LastHeader("/page", "User-Agent").find(' '), std::string::npos);
}

TEST(DefaultUserAgentTest, NamesTheProjectAndTheContactWhenGiven) {
  EXPECT_TRUE(DefaultUserAgent("").starts_with("cryptonews/"));
  EXPECT_EQ(DefaultUserAgent("mailto:ops@news.example"), DefaultUserAgent("") + " (+mailto:ops@news.example)");
}

TEST_F(CurlFetcherTest, NotFoundIsAnErrorWithoutRetry) {
  FetchResult r = FetchOne(TestOptions(), http_.Url("/notfound"));
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.error, "HTTP 404");  // the URL is in r.url; the error does not repeat it
  EXPECT_EQ(http_.Hits("/notfound"), 1);
}

TEST_F(CurlFetcherTest, TooManyRequestsWaitsForRetryAfter) {
  ManualClock clock;
  FetcherOptions o = TestOptions();
  o.clock = &clock;
  FetchResult r = FetchOne(o, http_.Url("/limited"));
  EXPECT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.body, "finally");
  EXPECT_EQ(r.attempts, 2);
  EXPECT_EQ(http_.Hits("/limited"), 2);
  // Retry-After: 1 was honoured on the clock, to the millisecond.
  EXPECT_EQ(std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::duration<double>(r.seconds)).count(), 1000);
}

TEST_F(CurlFetcherTest, RetryAfterBeyondTheLimitGivesUp) {
  FetcherOptions o = TestOptions();
  o.max_retry_after = 5s;
  FetchResult r = FetchOne(o, http_.Url("/limited-long"));
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status, 503);
  EXPECT_NE(r.error.find("Retry-After 3600 s"), std::string::npos) << r.error;
  EXPECT_EQ(http_.Hits("/limited-long"), 1);
}

TEST_F(CurlFetcherTest, ServerErrorThenSuccessIsRetried) {
  FetchResult r = FetchOne(TestOptions(), http_.Url("/flaky"));
  EXPECT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.body, "recovered");
  EXPECT_EQ(r.attempts, 2);
}

TEST_F(CurlFetcherTest, PersistentServerErrorStopsAfterMaxTries) {
  FetcherOptions o = TestOptions();
  o.max_tries = 3;
  FetchResult r = FetchOne(o, http_.Url("/down"));
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(r.attempts, 3);
  EXPECT_EQ(http_.Hits("/down"), 3);
  EXPECT_NE(r.error.find("after 3 attempts"), std::string::npos) << r.error;
}

TEST_F(CurlFetcherTest, StalledBodyTimesOut) {
  FetcherOptions o = TestOptions();
  o.total_timeout = 800ms;
  o.max_tries = 1;
  FetchResult r = FetchOne(o, http_.Url("/stall"));
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.error.find("Timeout"), std::string::npos) << r.error;
  EXPECT_TRUE(r.body.empty());
  EXPECT_LT(r.seconds, 2.5);
}

// A progress line hangs on on_wait to show time passing during a slow answer.
TEST_F(CurlFetcherTest, OnWaitIsCalledWhileAnAnswerIsPending) {
  FetcherOptions o = TestOptions();
  int waits = 0;
  o.on_wait = [&waits] { ++waits; };
  FetchResult r = FetchOne(o, http_.Url("/late"));
  EXPECT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.body, "late");
  EXPECT_GE(waits, 3);  // 900 ms of waiting, at most 200 ms per wait
}

TEST_F(CurlFetcherTest, SlowBodyIsAbortedByTheLowSpeedLimit) {
  FetcherOptions o = TestOptions();
  o.total_timeout = 10s;  // the low-speed limit must fire first
  o.max_tries = 1;
  FetchResult r = FetchOne(o, http_.Url("/slow"));
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.error.find("too slow"), std::string::npos) << r.error;
  EXPECT_LT(r.seconds, 3.0);
}

TEST_F(CurlFetcherTest, TruncatedBodyIsAnErrorAfterRetries) {
  FetcherOptions o = TestOptions();
  o.max_tries = 2;
  FetchResult r = FetchOne(o, http_.Url("/truncated"));
  EXPECT_FALSE(r.ok());
  EXPECT_FALSE(r.error.empty());
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(r.attempts, 2);
}

TEST_F(CurlFetcherTest, OversizedBodiesAreCutOff) {
  for (const char* path : {"/big", "/big-chunked"}) {
    FetchResult r = FetchOne(TestOptions(), http_.Url(path));
    EXPECT_FALSE(r.ok()) << path;
    EXPECT_NE(r.error.find("exceeds the limit of 1048576 bytes"), std::string::npos) << r.error;
    EXPECT_TRUE(r.body.empty());
    EXPECT_EQ(r.attempts, 1) << path;
  }
}

TEST_F(CurlFetcherTest, GzipBombIsCutOffAfterDecompression) {
  FetchResult r = FetchOne(TestOptions(), http_.Url("/bomb"));
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.error.find("exceeds the limit"), std::string::npos) << r.error;
  EXPECT_TRUE(r.body.empty());
}

TEST_F(CurlFetcherTest, GzipBodyIsDecompressed) {
  FetchResult r = FetchOne(TestOptions(), http_.Url("/gzipped"));
  EXPECT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.body, "compressed hello");
}

TEST_F(CurlFetcherTest, RedirectIsFollowed) {
  FetchResult r = FetchOne(TestOptions(), http_.Url("/redirect"));
  EXPECT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.url, http_.Url("/redirect"));
  EXPECT_EQ(r.final_url, http_.Url("/page"));
  EXPECT_EQ(r.redirects, 1);
}

TEST_F(CurlFetcherTest, AnErrorAfterARedirectNamesTheHop) {
  FetchResult r = FetchOne(TestOptions(), http_.Url("/to-404"));
  EXPECT_EQ(r.error, "after 1 redirect, " + http_.Url("/notfound") + ": HTTP 404");
}

TEST_F(CurlFetcherTest, RedirectLoopStopsAtMaxRedirects) {
  FetcherOptions o = TestOptions();
  o.max_redirects = 5;
  FetchResult r = FetchOne(o, http_.Url("/loop-a"));
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.error.find("more than 5 redirects"), std::string::npos) << r.error;
  EXPECT_EQ(http_.Hits("/loop-a") + http_.Hits("/loop-b"), 6);
}

TEST_F(CurlFetcherTest, RedirectToFileIsRefused) {
  FetchResult r = FetchOne(TestOptions(), http_.Url("/to-file"));
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.skipped, SkipReason::kUnsafeRedirect);
  EXPECT_NE(r.skip_detail.find("file:///etc/passwd"), std::string::npos) << r.skip_detail;
  EXPECT_TRUE(r.body.empty());
}

TEST_F(CurlFetcherTest, UnsafeSchemesAreNeverRequested) {
  auto results = FetchAll(TestOptions(), {{"file:///etc/passwd"}, {"ftp://127.0.0.1/x"}, {"gopher://x/"}});
  ASSERT_EQ(results.size(), 3u);
  for (const FetchResult& r : results) EXPECT_EQ(r.skipped, SkipReason::kUnsafeScheme) << r.url;
}

TEST_F(CurlFetcherTest, PrivateAddressesAreRefusedByDefault) {
  FetcherOptions o = TestOptions();
  o.allow_private_addresses = false;
  auto results = FetchAll(o, {{http_.Url("/page")}, {"http://localhost:" + std::to_string(http_.port()) + "/page2"}});
  ASSERT_EQ(results.size(), 2u);
  for (const FetchResult& r : results) {
    EXPECT_EQ(r.skipped, SkipReason::kRefusedAddress) << r.url;
    EXPECT_NE(r.skip_detail.find("loopback address"), std::string::npos) << r.skip_detail;
  }
  EXPECT_TRUE(http_.Requests().empty());  // not even robots.txt: no connection was made
}

TEST_F(CurlFetcherTest, RedirectToAPrivateAddressIsRefused) {
  FetcherOptions o = TestOptions();
  o.allow_private_addresses = false;
  FetchRequest request{http_.Url("/to-private")};
  request.operator_supplied = true;  // the configured URL itself may be local; its redirect may not
  FetchResult r = FetchAll(o, {request})[0];
  EXPECT_EQ(r.skipped, SkipReason::kUnsafeRedirect) << r.error;
  EXPECT_NE(r.skip_detail.find("loopback address 127.0.0.2"), std::string::npos) << r.skip_detail;
  EXPECT_EQ(r.redirects, 1);
  EXPECT_EQ(http_.Hits("/page2"), 0);
}

// Trust lets a URL from the sources file reach loopback and private
// addresses, not every special-purpose one: 0.0.0.0 (which Linux delivers to
// this machine) is refused before connect even for it, and even under
// --allow-private.
TEST_F(CurlFetcherTest, UnspecifiedAddressIsRefusedWhateverTheTrust) {
  for (bool allow_private : {false, true}) {
    FetcherOptions o = TestOptions();
    o.allow_private_addresses = allow_private;
    FetchRequest request{"http://0.0.0.0:" + std::to_string(http_.port()) + "/page"};
    request.operator_supplied = true;
    FetchResult r = FetchAll(o, {request})[0];
    EXPECT_EQ(r.skipped, SkipReason::kRefusedAddress) << allow_private << " " << r.error;
    EXPECT_NE(r.skip_detail.find("unspecified address 0.0.0.0 (0.0.0.0/8)"), std::string::npos) << r.skip_detail;
  }
  EXPECT_TRUE(http_.Requests().empty()) << http_.Requests()[0];
}

TEST_F(CurlFetcherTest, ReusedConnectionIsCheckedAgain) {
  FetcherOptions o = TestOptions();
  o.allow_private_addresses = false;
  CurlFetcher fetcher(o);
  FetchRequest trusted{http_.Url("/page")};
  trusted.operator_supplied = true;
  fetcher.Add(trusted);
  std::vector<FetchResult> results;
  fetcher.Run([&](FetchResult&& r) {
    if (r.url == http_.Url("/page")) fetcher.Add(FetchRequest{http_.Url("/page2")});  // a link found in it
    results.push_back(std::move(r));
  });
  ASSERT_EQ(results.size(), 2u);
  EXPECT_TRUE(results[0].ok()) << results[0].error;
  EXPECT_EQ(results[1].skipped, SkipReason::kRefusedAddress);
  EXPECT_EQ(http_.Hits("/page2"), 0);
}

TEST_F(CurlFetcherTest, WrongOrMissingCharsetPassesBytesThrough) {
  FetchResult wrong = FetchOne(TestOptions(), http_.Url("/latin1-mislabelled"));
  EXPECT_TRUE(wrong.ok());
  EXPECT_EQ(wrong.body, "caf\xe9 cr\xe8me");
  EXPECT_EQ(wrong.content_type, "text/html; charset=utf-8");
  FetchResult missing = FetchOne(TestOptions(), http_.Url("/latin1-unlabelled"));
  EXPECT_TRUE(missing.ok());
  EXPECT_EQ(missing.body, "na\xefve");
  EXPECT_EQ(missing.content_type, "text/html");
}

TEST_F(CurlFetcherTest, PerHostConcurrencyIsBounded) {
  FetcherOptions o = TestOptions();
  o.max_per_host = 2;
  std::vector<FetchRequest> requests;
  for (int i = 0; i < 6; ++i) requests.push_back({http_.Url("/busy/" + std::to_string(i))});
  auto results = FetchAll(o, requests);
  ASSERT_EQ(results.size(), 6u);
  for (const FetchResult& r : results) EXPECT_TRUE(r.ok()) << r.error;
  EXPECT_LE(max_in_flight_.load(), 2);
  EXPECT_GE(max_in_flight_.load(), 1);
}

TEST_F(CurlFetcherTest, ConditionalGetTurns304IntoNotModified) {
  InMemoryFetchStateStore state;
  FetchResult first = FetchOne(TestOptions(), http_.Url("/conditional"), &state);
  EXPECT_TRUE(first.ok());
  auto saved = state.Get(http_.Url("/conditional"));
  ASSERT_TRUE(saved.has_value());
  EXPECT_EQ(saved->etag, "\"abc\"");
  EXPECT_EQ(saved->last_status, 200);

  FetchResult second = FetchOne(TestOptions(), http_.Url("/conditional"), &state);
  EXPECT_EQ(second.skipped, SkipReason::kNotModified);
  EXPECT_EQ(second.status, 304);
  EXPECT_TRUE(second.body.empty());
  EXPECT_EQ(http_.LastHeader("/conditional", "If-None-Match"), "\"abc\"");
  EXPECT_EQ(http_.LastHeader("/conditional", "If-Modified-Since"), "Mon, 24 Nov 2025 08:00:00 GMT");
  EXPECT_EQ(state.Get(http_.Url("/conditional"))->etag, "\"abc\"");  // validators kept
  EXPECT_EQ(state.Get(http_.Url("/conditional"))->last_status, 304);

  // Only Last-Modified known: If-Modified-Since alone still yields 304.
  state.Put(http_.Url("/conditional"), FetchState{"", "Mon, 24 Nov 2025 08:00:00 GMT", 200, "", ""});
  EXPECT_EQ(FetchOne(TestOptions(), http_.Url("/conditional"), &state).skipped, SkipReason::kNotModified);
}

TEST(CurlFetcherConnectTest, ConnectionRefusedIsRetriedThenReported) {
  // A port that was free a moment ago: nothing listens there.
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  FetcherOptions o = TestOptions();
  o.max_tries = 3;
  FetchResult r = FetchOne(o, "http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port)) + "/x");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.attempts, 3);
  EXPECT_NE(r.error.find("connect"), std::string::npos) << r.error;
}

// Time on a ManualClock: the handler stamps each request with the clock's
// time, so the gaps the fetcher keeps are read exactly and nothing sleeps.
class CurlFetcherClockTest : public ::testing::Test {
 protected:
  void SetUp() override {
    http_.server().Get("/robots.txt", [this](const httplib::Request&, httplib::Response& res) {
      if (robots_.empty()) res.status = 404;
      else res.set_content(robots_, "text/plain");
    });
    http_.server().Get("/always-503", [this](const httplib::Request& req, httplib::Response& res) {
      Stamp(req.path);
      res.status = 503;
    });
    http_.server().Get("/page/(\\d+)", [this](const httplib::Request& req, httplib::Response& res) {
      Stamp(req.path);
      res.set_content("page", "text/plain");
    });
    http_.Start();
  }

  void Stamp(const std::string& path) {
    std::lock_guard<std::mutex> lock(mutex_);
    arrivals_.push_back({path, clock_.Now()});
  }
  // Milliseconds between consecutive arrivals, in arrival order.
  std::vector<int64_t> Gaps() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<int64_t> gaps;
    for (size_t i = 1; i < arrivals_.size(); ++i)
      gaps.push_back(std::chrono::duration_cast<std::chrono::milliseconds>(arrivals_[i].second - arrivals_[i - 1].second)
                         .count());
    return gaps;
  }
  FetcherOptions ClockOptions() {
    FetcherOptions o = TestOptions();
    o.clock = &clock_;
    return o;
  }

  ManualClock clock_;
  std::string robots_;  // "" answers 404
  std::mutex mutex_;
  std::vector<std::pair<std::string, Clock::TimePoint>> arrivals_;
  TestHttpServer http_;
};

TEST_F(CurlFetcherClockTest, PolitenessDelaySpacesRequestsToOneHost) {
  FetcherOptions o = ClockOptions();
  o.politeness_delay = 1500ms;
  auto results = FetchAll(o, {{http_.Url("/page/1")}, {http_.Url("/page/2")}, {http_.Url("/page/3")}});
  ASSERT_EQ(results.size(), 3u);
  for (const FetchResult& r : results) EXPECT_TRUE(r.ok()) << r.error;
  // robots.txt opens the host's schedule; each page starts 1.5 s after the one before.
  EXPECT_EQ(Gaps(), (std::vector<int64_t>{1500, 1500}));
}

TEST_F(CurlFetcherClockTest, CrawlDelayRaisesTheGap) {
  robots_ = "User-agent: cryptonews\nCrawl-delay: 2.5\n";
  FetcherOptions o = ClockOptions();
  o.politeness_delay = 100ms;
  auto results = FetchAll(o, {{http_.Url("/page/1")}, {http_.Url("/page/2")}});
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(Gaps(), (std::vector<int64_t>{2500}));
}

TEST_F(CurlFetcherClockTest, BackoffDoublesWithJitterUpToTheCap) {
  FetcherOptions o = ClockOptions();
  o.max_tries = 5;
  o.backoff_base = 1000ms;
  o.backoff_max = 3000ms;
  FetchResult r = FetchOne(o, http_.Url("/always-503"));
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(r.attempts, 5);
  std::vector<int64_t> gaps = Gaps();
  ASSERT_EQ(gaps.size(), 4u);
  // base * 2^(n-1), times a jitter in [0.5, 1.5], never above backoff_max.
  EXPECT_GE(gaps[0], 500);
  EXPECT_LE(gaps[0], 1500);
  EXPECT_GE(gaps[1], 1000);
  EXPECT_LE(gaps[1], 3000);
  EXPECT_GE(gaps[2], 2000);
  EXPECT_LE(gaps[2], 3000);
  EXPECT_EQ(gaps[3], 3000);  // 8 s * jitter >= 4 s, capped
}

TEST_F(CurlFetcherClockTest, ResultTimesComeFromTheClock) {
  FetcherOptions o = ClockOptions();
  o.politeness_delay = 1000ms;
  auto before = clock_.WallNow();
  auto results = FetchAll(o, {{http_.Url("/page/1")}, {http_.Url("/page/2")}});
  ASSERT_EQ(results.size(), 2u);
  auto last = std::max(results[0].fetched_at, results[1].fetched_at);
  // robots.txt at 0, the pages at 1 s and 2 s.
  EXPECT_EQ(std::chrono::duration_cast<std::chrono::milliseconds>(last - before).count(), 2000);
  EXPECT_DOUBLE_EQ(results[1].seconds, 0.0);  // its only attempt started and ended at one instant
}

}  // namespace
}  // namespace cn
