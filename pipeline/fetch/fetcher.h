// Fetcher: polite, bounded HTTP(S) fetching on one libcurl multi event loop
// (no thread per request).
//
// What it promises for every request handed to Add():
//   - exactly one FetchResult is delivered to the Run() callback, whatever
//     happens (success, HTTP error, network error, timeout, refusal);
//   - only http and https are spoken, also on every redirect hop (redirects
//     are followed by the Fetcher itself, at most max_redirects hops);
//   - addresses that are loopback, private, link-local, unspecified or
//     multicast are refused before any packet is sent, unless
//     allow_private_addresses is set or the request is operator_supplied
//     (then only its first hop may go there: a redirect never inherits it);
//   - robots.txt of each host is fetched once, cached and obeyed (including
//     Crawl-delay, capped at max_crawl_delay); a disallowed URL is skipped
//     with the blocking rule in the result, never fetched;
//   - at most max_connections transfers at once, at most max_per_host per
//     host, and per host a gap of at least the politeness delay between the
//     starts of two requests;
//   - connection errors, timeouts, 429 and 500/502/503/504 are retried up to
//     max_tries attempts in all, with exponential backoff and jitter, or
//     after the server's Retry-After when it gives one (a Retry-After above
//     max_retry_after ends the retries);
//   - a body is cut off (transfer aborted) as soon as it exceeds
//     max_body_bytes after decompression (gzip, deflate, br), so neither a
//     huge page nor a compression bomb is ever held in memory;
//   - with a FetchStateStore, If-None-Match / If-Modified-Since are sent and
//     a 304 is reported as skipped "not modified"; the store is updated after
//     every request.
//
// Thread safety: a Fetcher is used from one thread. Add() may be called
// before Run() and from inside the Run() callback (to fetch pages found in
// a feed); Run() returns when every added request has been delivered.
// The FetchStateStore must outlive the Fetcher.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "pipeline/fetch/fetch_state.h"

namespace cn {

struct FetcherOptions {
  // Sent with every request; the contact URL lets site owners reach us.
  std::string user_agent = "cryptonews/0.1 (+https://github.com/cryptonews/cryptonews; news crawler)";
  // Token matched against robots.txt "User-agent:" lines.
  std::string robots_token = "cryptonews";
  std::chrono::milliseconds connect_timeout{10000};  // TCP + TLS handshake
  std::chrono::milliseconds total_timeout{30000};    // whole transfer, per attempt
  // Abort when slower than low_speed_bytes per second for low_speed_time.
  long low_speed_bytes = 512;
  std::chrono::seconds low_speed_time{20};
  size_t max_body_bytes = 10u << 20;  // decompressed body cap; larger bodies fail
  int max_redirects = 5;
  int max_connections = 16;  // transfers in flight, all hosts together
  int max_per_host = 2;      // transfers in flight to one host
  // Minimum gap between the starts of two requests to one host; robots.txt
  // Crawl-delay and SetHostDelay() can raise it for a host.
  std::chrono::milliseconds politeness_delay{1000};
  std::chrono::milliseconds max_crawl_delay{30000};  // cap on robots.txt Crawl-delay
  int max_tries = 3;                                 // attempts per hop, first one included
  std::chrono::milliseconds backoff_base{1000};      // first retry delay, doubled per attempt, ±50% jitter
  std::chrono::milliseconds backoff_max{60000};
  std::chrono::milliseconds max_retry_after{120000};  // longer Retry-After: give up instead
  bool obey_robots = true;
  bool allow_private_addresses = false;  // tests on 127.0.0.1 set this
  bool verify_tls = true;
  // Polled by Run() on every turn of its event loop (also after a signal
  // interrupts its wait): when it returns true, Run() drops everything queued
  // or in flight and returns, like Stop(). Ingest uses it for SIGTERM/SIGINT.
  std::function<bool()> cancelled;
};

enum class SkipReason {
  kNone,
  kRobots,          // robots.txt disallows the URL
  kUnsafeScheme,    // not http(s), also when a redirect pointed elsewhere (file:, ftp:, ...)
  kPrivateAddress,  // resolves to loopback/private/link-local/unspecified
  kNotModified,     // 304 to a conditional GET
};

// "robots", "unsafe scheme", "private address", "not modified", or "".
const char* SkipReasonName(SkipReason reason);

struct FetchRequest {
  std::string url;
  // Typed by the operator (sources file, command line), so its first hop may
  // go to a private address (an intranet feed); redirects never inherit it.
  bool operator_supplied = false;
  bool conditional = true;  // send validators from the FetchStateStore
  uint64_t tag = 0;         // caller's cookie, copied into the result
  // When set, a 2xx body is handed over piece by piece as it arrives (on
  // the Run() thread, from inside the transfer) instead of being collected
  // in FetchResult::body, which stays empty; max_body_bytes still caps it.
  // Returning false aborts the transfer. Once a byte was handed over the
  // request is not retried (the receiver cannot take bytes back): a broken
  // transfer is an error saying how far it got. For large downloads (a WARC
  // file); pages use the collected body.
  std::function<bool(std::string_view piece)> on_body;
};

struct FetchResult {
  std::string url;        // as requested
  std::string final_url;  // after redirects (the URL the body came from)
  long status = 0;        // last HTTP status, 0 when no response
  std::string content_type, etag, last_modified;
  std::string body;   // decompressed bytes as received (no charset conversion)
  std::string error;  // "" on success; else what failed, naming the URL
  SkipReason skipped = SkipReason::kNone;
  std::string skip_detail;  // the robots rule, the refused scheme/address, ...
  int attempts = 0;         // requests made for this URL, all hops
  int redirects = 0;
  std::chrono::system_clock::time_point fetched_at;
  double seconds = 0;  // from the first attempt's start to delivery
  uint64_t tag = 0;

  // A 2xx body was received and nothing was skipped or failed.
  bool ok() const { return skipped == SkipReason::kNone && error.empty() && status >= 200 && status < 300; }
};

class Fetcher {
 public:
  using Callback = std::function<void(FetchResult&&)>;

  // `state` may be null (no conditional GET); it must outlive the Fetcher.
  explicit Fetcher(FetcherOptions options, FetchStateStore* state = nullptr);
  ~Fetcher();
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  void Add(FetchRequest request);
  // Sets the politeness delay for one host (the host name, "example.com",
  // covering every port) in place of the options' delay; robots.txt
  // Crawl-delay can still raise it. Call before Run() or from its callback.
  void SetHostDelay(const std::string& host, std::chrono::milliseconds delay);
  // Runs the event loop until every added request has been delivered, or
  // until Stop().
  void Run(const Callback& on_result);
  // Called from the Run() callback: aborts the transfers in flight, drops
  // the queued requests and makes Run() return; no further results are
  // delivered (the one exception to "exactly one result per request").
  void Stop();

  // Effective delay for a host key after robots.txt was read (for tests and
  // progress output).
  std::chrono::milliseconds HostDelay(const std::string& url) const;
  const FetcherOptions& options() const { return options_; }

 private:
  class Impl;
  FetcherOptions options_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cn
