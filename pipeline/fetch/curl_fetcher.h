// CurlFetcher: polite, bounded HTTP(S) fetching on one libcurl multi event
// loop (no thread per request); the network PageFetcher (page_fetcher.h).
//
// What it promises for every request handed to Add():
//   - exactly one FetchResult is delivered to the Run() callback, whatever
//     happens (success, HTTP error, network error, timeout, refusal);
//   - only http and https are spoken, also on every redirect hop. Redirects
//     are never followed inside libcurl: the fetcher follows them itself, at
//     most max_redirects hops, for every request and for robots.txt alike,
//     checking scheme, address and (for pages) robots.txt on each hop;
//   - addresses the address policy refuses (address_policy.h: loopback,
//     private, link-local, documentation, multicast, every IANA
//     special-purpose range) are refused at connect time, on the address
//     actually connected to (so a DNS answer that changes between checks
//     cannot slip through) and again on a reused connection — unless
//     allow_private_addresses is set, or the request is operator_supplied:
//     then only its first hop may go there, and its host's robots.txt on its
//     own first hop. A redirect never inherits that trust; a redirect to a
//     refused scheme or address is skipped as kUnsafeRedirect;
//   - robots.txt of each host is fetched once, cached and obeyed (including
//     Crawl-delay, capped at max_crawl_delay); a disallowed URL is skipped
//     with the blocking rule in the result, never fetched. When robots.txt
//     redirects to a refused scheme or address, nothing on the host is
//     fetched (kUnsafeRedirect), as RFC 9309 asks for an unreachable file;
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
// Time: delays, backoff and Retry-After are measured on options.clock and
// waited for through it (clock.h) whenever no transfer is in flight, so a
// test clock makes them instant; libcurl's own timeouts stay in real time.
//
// Thread safety: a CurlFetcher is used from one thread. Add() may be called
// before Run() and from inside the Run() callback (to fetch pages found in
// a feed); Run() returns when every added request has been delivered.
// The FetchStateStore and the clock must outlive the CurlFetcher.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "pipeline/fetch/fetch_state.h"
#include "pipeline/fetch/page_fetcher.h"
#include "pipeline/web/clock.h"

namespace cn {

// "cryptonews/VERSION (+CONTACT)", or "cryptonews/VERSION" without a
// contact: what every request says it is (VERSION is the project's, from
// CMake). `contact` is a URL or mailto: where a site operator reaches whoever
// runs the crawler (--contact, sources.toml [defaults] contact).
std::string DefaultUserAgent(std::string_view contact);

struct FetcherOptions {
  // Sent with every request (--user-agent, sources.toml user_agent).
  std::string user_agent = DefaultUserAgent("");
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
  // Called by Run() each time it waits (for the network or for a politeness
  // gap), so at most 200 ms apart while anything is pending: a progress line
  // can show time passing while one slow host holds the run.
  std::function<void()> on_wait;
  Clock* clock = nullptr;  // nullptr: SystemClock(); must outlive the fetcher
};

class CurlFetcher final : public PageFetcher {
 public:
  // `state` may be null (no conditional GET); it must outlive the fetcher.
  explicit CurlFetcher(FetcherOptions options, FetchStateStore* state = nullptr);
  ~CurlFetcher() override;
  CurlFetcher(const CurlFetcher&) = delete;
  CurlFetcher& operator=(const CurlFetcher&) = delete;

  void Add(FetchRequest request) override;
  // Sets the politeness delay for one host (the host name, "example.com",
  // covering every port) in place of the options' delay; robots.txt
  // Crawl-delay can still raise it. Call before Run() or from its callback.
  void SetHostDelay(const std::string& host, std::chrono::milliseconds delay) override;
  // Runs the event loop until every added request has been delivered, or
  // until Stop().
  void Run(const Callback& on_result) override;
  // Called from the Run() callback: aborts the transfers in flight, drops
  // the queued requests and makes Run() return; no further results are
  // delivered (the one exception to "exactly one result per request").
  void Stop() override;

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
