// PageFetcher: the narrow interface through which the crawler fetches every
// URL (robots.txt aside, which the network fetcher handles itself), so the
// crawl logic does not care whether bytes come from the network or from disk.
//
// Implementations: CurlFetcher (curl_fetcher.h: http and https over libcurl,
// with robots.txt, politeness, retries and the address policy) and
// FileFetcher (file_fetcher.h: file: URLs from disk, handing everything else
// to a network fetcher behind it).
//
// What every implementation promises for each request handed to Add():
// exactly one FetchResult is delivered to the Run() callback, unless Stop()
// is called first. Thread safety: used from one thread; Add() may be called
// before Run() and from inside its callback; Run() returns when everything
// added has been delivered.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace cn {

enum class SkipReason {
  kNone,
  kRobots,          // robots.txt disallows the URL
  kUnsafeScheme,    // not http(s) (file:, ftp:, javascript:, ...)
  kRefusedAddress,  // resolves to an address the address policy refuses (address_policy.h):
                    // loopback, private, documentation, multicast, ...
  kUnsafeRedirect,  // a redirect (of the URL or of its host's robots.txt) pointed to a
                    // refused scheme or address
  kNotModified,     // 304 to a conditional GET
};

// "robots", "unsafe scheme", "refused address", "unsafe redirect",
// "not modified", or "".
const char* SkipReasonName(SkipReason reason);

struct FetchRequest {
  std::string url;
  // Typed by the operator (sources file, command line), so its first hop may
  // go to a private address (an intranet feed). Redirects never inherit it;
  // its host's robots.txt has it on its own first hop only.
  bool operator_supplied = false;
  bool conditional = true;     // send validators from the FetchStateStore
  size_t max_body_bytes = 0;   // 0: the fetcher's own limit
  uint64_t tag = 0;            // caller's cookie, copied into the result
  // When set, a 2xx body is handed over piece by piece as it arrives (on
  // the Run() thread, from inside the transfer) instead of being collected
  // in FetchResult::body, which stays empty; the body cap still holds.
  // Returning false aborts the transfer. Once a byte was handed over the
  // request is not retried (the receiver cannot take bytes back): a broken
  // transfer is an error saying how far it got. For large downloads (a
  // WARC file, ingest/warc_url_source.h); CurlFetcher only.
  std::function<bool(std::string_view piece)> on_body = nullptr;
};

struct FetchResult {
  std::string url;        // as requested
  std::string final_url;  // after redirects (the URL the body came from)
  long status = 0;        // last HTTP status, 0 when no response
  std::string content_type, etag, last_modified;
  std::string body;   // decompressed bytes as received (no charset conversion)
  // "" on success; else what failed ("HTTP 404", "Timeout was reached
  // (...)"). It does not repeat `url` — callers print "url: error" — but
  // names a later redirect hop when that is where it failed.
  std::string error;
  SkipReason skipped = SkipReason::kNone;
  // The robots rule, the refused scheme/address, ...; it does not repeat
  // `url` (a later redirect hop is named).
  std::string skip_detail;
  int attempts = 0;         // requests made for this URL, all hops
  int redirects = 0;
  std::chrono::system_clock::time_point fetched_at;
  double seconds = 0;  // from the first attempt's start to delivery
  uint64_t tag = 0;

  // A 2xx body was received and nothing was skipped or failed.
  bool ok() const { return skipped == SkipReason::kNone && error.empty() && status >= 200 && status < 300; }
};

class PageFetcher {
 public:
  using Callback = std::function<void(FetchResult&&)>;

  virtual ~PageFetcher() = default;
  virtual void Add(FetchRequest request) = 0;
  // Sets the politeness delay for one host name (covering every port).
  // Fetchers without politeness (local files) pass it on or ignore it.
  virtual void SetHostDelay(const std::string& host, std::chrono::milliseconds delay) = 0;
  // Delivers every added request's result, then returns (or after Stop()).
  virtual void Run(const Callback& on_result) = 0;
  // From inside the Run() callback: drop everything queued or in flight and
  // make Run() return; nothing further is delivered.
  virtual void Stop() = 0;
};

}  // namespace cn
