#include "pipeline/fetch/curl_fetcher.h"

#include <curl/curl.h>
#include <sys/socket.h>

#include <algorithm>
#include <deque>
#include <mutex>
#include <random>
#include <vector>

#include "pipeline/fetch/address_policy.h"
#include "pipeline/fetch/robots.h"
#include "pipeline/web/date_time.h"
#include "pipeline/web/url.h"

namespace cn {

std::string DefaultUserAgent(std::string_view contact) {
  std::string agent = "cryptonews/" CRYPTONEWS_VERSION;
  if (!contact.empty()) agent += " (+" + std::string(contact) + ")";
  return agent;
}


namespace {

using TimePoint = Clock::TimePoint;
using std::chrono::milliseconds;

struct EasyDeleter {
  void operator()(CURL* e) const { curl_easy_cleanup(e); }
};
struct MultiDeleter {
  void operator()(CURLM* m) const { curl_multi_cleanup(m); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

// libcurl's process-wide set-up, once; its result, for the error of every
// transfer that then cannot start.
CURLcode GlobalInitOnce() {
  static const CURLcode result = curl_global_init(CURL_GLOBAL_DEFAULT);
  return result;
}

// One requested URL on its way through retries and redirects.
struct Job {
  FetchRequest request;
  std::string current_url;
  int hop_attempts = 0;    // attempts on the current hop
  int total_attempts = 0;  // attempts over all hops
  int redirects = 0;
  bool trusted = false;  // this hop may reach private addresses
  bool conditional = true;
  bool started = false;
  TimePoint first_start{};
  TimePoint not_before{};
};

// One libcurl easy transfer in flight.
struct Transfer {
  std::unique_ptr<CURL, EasyDeleter> easy;
  std::unique_ptr<curl_slist, SlistDeleter> headers;
  Job job;
  bool robots = false;  // the robots.txt fetch for host_key
  std::string host_key;
  std::string body;
  size_t max_body = 0;
  bool too_large = false;
  uint64_t streamed = 0;        // body bytes handed to job.request.on_body
  bool receiver_stopped = false;  // on_body returned false
  bool allow_private = false;
  std::string refused_address;
  char error_buffer[CURL_ERROR_SIZE] = {};
};

enum class RobotsState { kUnknown, kFetching, kReady };

struct Host {
  std::deque<Job> waiting;
  int active = 0;
  TimePoint next_start{};
  RobotsState robots_state = RobotsState::kUnknown;
  RobotsRules rules;
  std::string robots_note;  // why everything is disallowed, when it is
  SkipReason robots_skip = SkipReason::kRobots;  // what a page disallowed by `rules` is skipped for
  milliseconds delay{0};
};

size_t OnWrite(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  if (t->job.request.on_body) {
    long status = 0;
    curl_easy_getinfo(t->easy.get(), CURLINFO_RESPONSE_CODE, &status);
    if (status >= 200 && status < 300) {
      if (t->streamed + n > t->max_body) {
        t->too_large = true;
        return 0;
      }
      t->streamed += n;
      if (!t->job.request.on_body(std::string_view(data, n))) {
        t->receiver_stopped = true;
        return 0;
      }
      return n;
    }
    // Other statuses (a redirect's or an error page's body) are collected as usual.
  }
  if (t->body.empty()) {
    // Sized once from Content-Length (capped): growing by doubling would
    // hold up to twice a big body.
    curl_off_t length = -1;
    if (curl_easy_getinfo(t->easy.get(), CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length) == CURLE_OK && length > 0)
      t->body.reserve(std::min(static_cast<size_t>(length), t->max_body) + 1);
  }
  if (t->body.size() + n > t->max_body) {
    t->too_large = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  t->body.append(data, n);
  return n;
}

// Called before each connect, with the address about to be connected to:
// refuse it (address_policy.h) without sending a packet. Checking the address
// actually used, not a name resolved earlier, leaves DNS rebinding no gap.
curl_socket_t OnOpenSocket(void* user, curlsocktype, curl_sockaddr* address) {
  auto* t = static_cast<Transfer*>(user);
  std::string reason = BlockedAddressReason(&address->addr, t->allow_private);
  if (!reason.empty()) {
    t->refused_address = reason;
    return CURL_SOCKET_BAD;
  }
  return socket(address->family, address->socktype, address->protocol);
}

// Called before each request, also on a reused connection (which did not
// pass OnOpenSocket for this transfer).
int OnPrereq(void* user, char* primary_ip, char*, int, int) {
  auto* t = static_cast<Transfer*>(user);
  if (primary_ip == nullptr) return CURL_PREREQFUNC_OK;
  std::string reason = BlockedAddressReason(std::string_view(primary_ip), t->allow_private);
  if (reason.empty()) return CURL_PREREQFUNC_OK;
  t->refused_address = reason;
  return CURL_PREREQFUNC_ABORT;
}

bool IsRetryable(CURLcode rc) {
  switch (rc) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_GOT_NOTHING:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return true;
    default:
      return false;
  }
}

bool IsRetryableStatus(long status) {
  return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

std::string HeaderValue(CURL* easy, const char* name) {
  curl_header* header = nullptr;
  if (curl_easy_header(easy, name, 0, CURLH_HEADER, -1, &header) != CURLHE_OK || header == nullptr) return "";
  return header->value != nullptr ? header->value : "";
}

std::string HostName(const std::string& host_key) { return host_key.substr(0, host_key.rfind(':')); }

}  // namespace

class CurlFetcher::Impl {
 public:
  Impl(const FetcherOptions& options, FetchStateStore* state)
      : options_(options),
        state_(state),
        clock_(options.clock != nullptr ? *options.clock : SystemClock()),
        multi_(curl_multi_init()),
        random_(std::random_device{}()) {}

  ~Impl() {
    for (auto& [easy, transfer] : active_) curl_multi_remove_handle(multi_.get(), easy);
  }

  void Add(FetchRequest request) {
    ++outstanding_;
    Job job;
    job.current_url = request.url;
    job.trusted = request.operator_supplied || options_.allow_private_addresses;
    job.conditional = request.conditional && state_ != nullptr;
    job.request = std::move(request);
    Enqueue(std::move(job));
  }

  void SetHostDelay(const std::string& host, milliseconds delay) {
    std::string name = host.find(':') == std::string::npos ? host : HostName(host);
    host_delays_[name] = delay;
    for (auto& [key, h] : hosts_) {
      if (HostName(key) != name) continue;
      h.delay = delay;
      if (auto crawl = h.rules.crawl_delay_seconds())
        h.delay = std::max(h.delay, std::min(milliseconds(static_cast<int64_t>(*crawl * 1000)), options_.max_crawl_delay));
    }
  }

  milliseconds HostDelay(const std::string& url) const {
    auto it = hosts_.find(UrlHostKey(url));
    if (it != hosts_.end()) return it->second.delay;
    auto named = host_delays_.find(UrlHost(url));
    return named != host_delays_.end() ? named->second : options_.politeness_delay;
  }

  void Stop() { stopping_ = true; }

  void Run(const Callback& on_result) {
    while (true) {
      FlushReady(on_result);
      if (stopping_ || (options_.cancelled && options_.cancelled())) {
        Abandon();
        break;
      }
      if (outstanding_ == 0 && active_.empty()) break;
      TimePoint now = clock_.Now();
      PromoteDelayed(now);
      StartReady(now);
      if (!ready_.empty()) continue;
      if (active_.empty()) {
        // Only time can move things on (a politeness gap, a backoff): wait
        // on the clock, at most kMaxWait at a time so `cancelled` is polled.
        if (options_.on_wait) options_.on_wait();
        clock_.SleepUntil(std::min(NextDeadline(now), now + kMaxWait));
        continue;
      }
      int running = 0;
      curl_multi_perform(multi_.get(), &running);
      ReadCompletions();
      if (!ready_.empty() || active_.empty()) continue;  // nothing in flight: wait on the clock
      if (options_.on_wait) options_.on_wait();
      auto wait = std::chrono::duration_cast<milliseconds>(NextDeadline(clock_.Now()) - clock_.Now());
      curl_multi_poll(multi_.get(), nullptr, 0, static_cast<int>(std::clamp<int64_t>(wait.count(), 0, kMaxWait.count())),
                      nullptr);
    }
  }

 private:
  void Deliver(Job& job, FetchResult result) {
    result.url = job.request.url;
    if (result.final_url.empty()) result.final_url = job.current_url;
    result.attempts = job.total_attempts;
    result.redirects = job.redirects;
    result.tag = job.request.tag;
    result.fetched_at = clock_.WallNow();
    if (job.started) result.seconds = std::chrono::duration<double>(clock_.Now() - job.first_start).count();
    if (state_ != nullptr) RecordState(job, result);
    ready_.push_back(std::move(result));
  }

  void RecordState(const Job& job, const FetchResult& result) {
    if (result.skipped == SkipReason::kRobots || result.skipped == SkipReason::kUnsafeScheme ||
        result.skipped == SkipReason::kUnsafeRedirect)
      return;
    FetchState state = state_->Get(job.request.url).value_or(FetchState{});
    state.last_status = result.status;
    state.last_error = result.error;
    state.fetched_at = FormatUtc(result.fetched_at);
    if (result.ok()) {
      state.etag = result.etag;
      state.last_modified = result.last_modified;
    }
    state_->Put(job.request.url, state);
  }

  // After Stop(): forget everything still queued or in flight.
  void Abandon() {
    for (auto& [easy, transfer] : active_) curl_multi_remove_handle(multi_.get(), easy);
    active_.clear();
    hosts_.clear();
    delayed_.clear();
    ready_.clear();
    outstanding_ = 0;
    stopping_ = false;
  }

  void FlushReady(const Callback& on_result) {
    while (!ready_.empty() && !stopping_) {
      std::vector<FetchResult> batch;
      batch.swap(ready_);
      for (FetchResult& r : batch) {
        if (stopping_) break;
        --outstanding_;
        on_result(std::move(r));  // may Add() more requests
      }
    }
  }

  Host& HostFor(const std::string& key) {
    auto [it, inserted] = hosts_.try_emplace(key);
    if (inserted) {
      auto named = host_delays_.find(HostName(key));
      it->second.delay = named != host_delays_.end() ? named->second : options_.politeness_delay;
    }
    return it->second;
  }

  void Enqueue(Job job) {
    if (!IsHttpUrl(job.current_url)) {
      FetchResult r;
      r.skipped = SkipReason::kUnsafeScheme;
      r.skip_detail = AtHop(job) + "only http and https are fetched";
      Deliver(job, std::move(r));
      return;
    }
    std::string key = UrlHostKey(job.current_url);
    if (key.empty()) {
      FetchResult r;
      r.error = AtHop(job) + "invalid URL";
      Deliver(job, std::move(r));
      return;
    }
    HostFor(key).waiting.push_back(std::move(job));
  }

  void PromoteDelayed(TimePoint now) {
    std::vector<Job> still;
    for (Job& job : delayed_) {
      if (job.not_before <= now) HostFor(UrlHostKey(job.current_url)).waiting.push_front(std::move(job));
      else still.push_back(std::move(job));
    }
    delayed_.swap(still);
  }

  void StartReady(TimePoint now) {
    for (auto& [key, host] : hosts_) {
      while (!host.waiting.empty()) {
        if (static_cast<int>(active_.size()) >= options_.max_connections) return;
        if (options_.obey_robots && host.robots_state != RobotsState::kReady) {
          if (host.robots_state == RobotsState::kUnknown) StartRobots(key, host, host.waiting.front(), now);
          break;
        }
        Job& front = host.waiting.front();
        if (options_.obey_robots) {
          std::string path = UrlPathAndQuery(front.current_url);
          if (!host.rules.IsAllowed(path)) {
            FetchResult r;
            r.skipped = host.robots_skip;
            r.skip_detail = !host.robots_note.empty()
                                ? host.robots_note
                                : "robots.txt of " + HostName(key) + " disallows " + path + " (rule 'Disallow: " +
                                      host.rules.BlockingRule(path) + "')";
            Job job = std::move(front);
            host.waiting.pop_front();
            Deliver(job, std::move(r));
            continue;
          }
        }
        if (host.active >= options_.max_per_host || now < host.next_start) break;
        Job job = std::move(front);
        host.waiting.pop_front();
        StartTransfer(key, host, std::move(job), /*robots=*/false, now);
      }
    }
  }

  void StartRobots(const std::string& key, Host& host, const Job& trigger, TimePoint now) {
    host.robots_state = RobotsState::kFetching;
    Job job;
    job.current_url = RobotsTxtUrl(trigger.current_url);
    job.trusted = trigger.trusted;
    job.conditional = false;
    StartTransfer(key, host, std::move(job), /*robots=*/true, now);
  }

  // A transfer libcurl cannot set up (out of memory, a failed global init):
  // the page gets an error result; a robots.txt fetch counts as unavailable
  // (RFC 9309: allow all), so the host's pages start, and fail the same way.
  void FailToStart(Host& host, Job job, bool robots, const std::string& why) {
    if (robots) {
      host.rules = RobotsRules::AllowAll();
      host.robots_state = RobotsState::kReady;
      return;
    }
    FetchResult r;
    r.error = AtHop(job) + "cannot start the transfer: " + why;
    Deliver(job, std::move(r));
  }

  void StartTransfer(const std::string& key, Host& host, Job job, bool robots, TimePoint now) {
    auto t = std::make_unique<Transfer>();
    if (!multi_) return FailToStart(host, std::move(job), robots, "curl_multi_init failed");
    t->easy.reset(curl_easy_init());
    if (!t->easy) {
      const CURLcode init = GlobalInitOnce();
      return FailToStart(host, std::move(job), robots,
                         std::string("curl_easy_init failed") +
                             (init != CURLE_OK ? std::string(" (curl_global_init: ") + curl_easy_strerror(init) + ")"
                                               : ""));
    }
    t->robots = robots;
    t->host_key = key;
    t->max_body = robots                              ? kMaxRobotsBytes
                  : job.request.max_body_bytes > 0 ? job.request.max_body_bytes
                                                   : options_.max_body_bytes;
    t->allow_private = job.trusted;
    CURL* e = t->easy.get();
    curl_easy_setopt(e, CURLOPT_URL, job.current_url.c_str());
    curl_easy_setopt(e, CURLOPT_PRIVATE, t.get());
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, OnWrite);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
    curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, OnOpenSocket);
    curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, t.get());
    curl_easy_setopt(e, CURLOPT_PREREQFUNCTION, OnPrereq);
    curl_easy_setopt(e, CURLOPT_PREREQDATA, t.get());
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->error_buffer);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    // Redirects are never followed inside libcurl: every hop, robots.txt's
    // too, comes back here so the scheme, the address policy (with the
    // hop's own trust) and robots.txt are checked on it.
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(e, CURLOPT_USERAGENT, options_.user_agent.c_str());
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl decodes
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout.count()));
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.total_timeout.count()));
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, options_.low_speed_bytes);
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, static_cast<long>(options_.low_speed_time.count()));
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(t->max_body));
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_PROXY, "");  // never through an environment proxy
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, options_.verify_tls ? 1L : 0L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, options_.verify_tls ? 2L : 0L);

    // curl_slist_append returns null, leaving the list as it was, when it
    // cannot allocate: the list is kept by t->headers at every step.
    auto append = [&t](const std::string& header) {
      if (curl_slist* longer = curl_slist_append(t->headers.get(), header.c_str())) {
        (void)t->headers.release();
        t->headers.reset(longer);
        return true;
      }
      return false;
    };
    bool headers_ok = append(
        "Accept: text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
        "application/xml;q=0.9,*/*;q=0.8");
    if (job.conditional && state_ != nullptr) {
      if (auto state = state_->Get(job.request.url)) {
        if (!state->etag.empty()) headers_ok = headers_ok && append("If-None-Match: " + state->etag);
        if (!state->last_modified.empty())
          headers_ok = headers_ok && append("If-Modified-Since: " + state->last_modified);
      }
    }
    if (!headers_ok) return FailToStart(host, std::move(job), robots, "curl_slist_append failed");
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers.get());

    if (const CURLMcode added = curl_multi_add_handle(multi_.get(), e); added != CURLM_OK)
      return FailToStart(host, std::move(job), robots, std::string("curl_multi_add_handle: ") + curl_multi_strerror(added));
    ++job.hop_attempts;
    ++job.total_attempts;
    if (!job.started) job.first_start = now, job.started = true;
    t->job = std::move(job);
    ++host.active;
    host.next_start = now + host.delay;
    active_.emplace(e, std::move(t));
  }

  void ReadCompletions() {
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi_.get(), &left)) {
      if (msg->msg != CURLMSG_DONE) continue;
      CURL* easy = msg->easy_handle;
      CURLcode rc = msg->data.result;
      auto it = active_.find(easy);
      if (it == active_.end()) continue;
      std::unique_ptr<Transfer> t = std::move(it->second);
      active_.erase(it);
      curl_multi_remove_handle(multi_.get(), easy);
      Host& host = HostFor(t->host_key);
      --host.active;
      if (t->robots) FinishRobots(t->host_key, host, *t, rc);
      else FinishPage(*t, rc);
    }
  }

  // The Location of a redirect response, or "" when `status` is none.
  static std::string RedirectTarget(CURL* easy, long status) {
    if (status < 300 || status >= 400 || status == 304) return "";
    char* location = nullptr;
    curl_easy_getinfo(easy, CURLINFO_REDIRECT_URL, &location);
    return location != nullptr ? location : "";
  }

  // A redirect hop never inherits the trust of the hop before it.
  void FollowRedirect(Job& job, const std::string& target) {
    job.current_url = target;
    ++job.redirects;
    job.hop_attempts = 0;
    job.trusted = options_.allow_private_addresses;
    job.conditional = false;
  }

  // robots.txt could not be read safely: every page of the host is skipped
  // for `reason` with `note`, and nothing of the host is fetched.
  void DisallowHost(Host& host, SkipReason reason, std::string note) {
    host.rules = RobotsRules::DisallowAll();
    host.robots_skip = reason;
    host.robots_note = std::move(note);
  }

  void FinishRobots(const std::string& key, Host& host, Transfer& t, CURLcode rc) {
    Job& job = t.job;
    long status = 0;
    curl_easy_getinfo(t.easy.get(), CURLINFO_RESPONSE_CODE, &status);
    const std::string host_name = HostName(key);
    if (rc == CURLE_OK) {
      std::string target = RedirectTarget(t.easy.get(), status);
      if (!target.empty()) {
        if (!IsHttpUrl(target)) {
          DisallowHost(host, SkipReason::kUnsafeRedirect,
                       "robots.txt of " + host_name + " redirects to '" + target.substr(0, 300) +
                           "'; only http and https are followed, so nothing on " + host_name + " is fetched");
        } else if (job.redirects < options_.max_redirects) {
          FollowRedirect(job, target);
          StartTransfer(key, host, std::move(job), /*robots=*/true, clock_.Now());
          return;  // still fetching
        } else {
          // RFC 9309 2.3.1.2: after too many redirects robots.txt counts as unavailable.
          host.rules = RobotsRules::AllowAll();
        }
        host.robots_state = RobotsState::kReady;
        return;
      }
    }
    host.robots_state = RobotsState::kReady;
    if (!t.refused_address.empty()) {
      if (job.redirects > 0) {
        DisallowHost(host, SkipReason::kUnsafeRedirect,
                     "robots.txt of " + host_name + " redirects to " + job.current_url.substr(0, 300) +
                         ", which resolves to the refused " + t.refused_address + "; so nothing on " + host_name +
                         " is fetched");
      } else {
        // The host itself is refused: each page reports that on its own.
        host.rules = RobotsRules::AllowAll();
      }
    } else if ((rc == CURLE_OK || t.too_large) && status >= 200 && status < 300) {
      host.rules = RobotsRules::Parse(t.body, options_.robots_token);
    } else if (rc == CURLE_OK && status >= 500) {
      // RFC 9309 2.3.1.4: a server error means "assume complete disallow".
      DisallowHost(host, SkipReason::kRobots,
                   "robots.txt of " + host_name + " answered HTTP " + std::to_string(status) +
                       ", which counts as disallowing everything");
    } else {
      // 4xx: no rules. Unreachable: the page fetch will report its own error.
      host.rules = RobotsRules::AllowAll();
    }
    if (auto delay = host.rules.crawl_delay_seconds()) {
      milliseconds crawl(static_cast<int64_t>(*delay * 1000));
      host.delay = std::max(host.delay, std::min(crawl, options_.max_crawl_delay));
    }
  }

  milliseconds Backoff(int attempt) {
    double base = static_cast<double>(options_.backoff_base.count()) * (1u << std::min(attempt - 1, 20));
    std::uniform_real_distribution<double> jitter(0.5, 1.5);
    double ms = std::min(base * jitter(random_), static_cast<double>(options_.backoff_max.count()));
    return milliseconds(static_cast<int64_t>(ms));
  }

  void Retry(Job job, milliseconds delay) {
    job.not_before = clock_.Now() + delay;
    delayed_.push_back(std::move(job));
  }

  // "" on the URL requested; on a later hop, which one (results name the
  // requested URL themselves).
  static std::string AtHop(const Job& job) {
    if (job.redirects == 0) return "";
    return "after " + std::to_string(job.redirects) + (job.redirects == 1 ? " redirect, " : " redirects, ") +
           job.current_url.substr(0, 300) + ": ";
  }

  std::string AttemptsNote(const Job& job) const {
    return job.hop_attempts > 1 ? " (after " + std::to_string(job.hop_attempts) + " attempts)" : "";
  }

  void FinishPage(Transfer& t, CURLcode rc) {
    Job& job = t.job;
    FetchResult r;
    CURL* e = t.easy.get();
    if (rc != CURLE_OK) {
      if (!t.refused_address.empty() && job.redirects > 0) {
        r.skipped = SkipReason::kUnsafeRedirect;
        r.skip_detail = "redirects to " + job.current_url + ", which resolves to the refused " + t.refused_address;
      } else if (!t.refused_address.empty()) {
        r.skipped = SkipReason::kRefusedAddress;
        r.skip_detail = "resolves to the refused " + t.refused_address;
      } else if (t.too_large || rc == CURLE_FILESIZE_EXCEEDED) {
        r.error = AtHop(job) + "body exceeds the limit of " + std::to_string(t.max_body) +
                  " bytes; transfer aborted";
      } else if (t.receiver_stopped) {
        r.error = AtHop(job) + "transfer stopped by the receiver after " + std::to_string(t.streamed) +
                  " bytes";
      } else if (IsRetryable(rc) && job.hop_attempts < options_.max_tries && t.streamed == 0) {
        milliseconds delay = Backoff(job.hop_attempts);
        Retry(std::move(job), delay);
        return;
      } else {
        r.error = AtHop(job) + curl_easy_strerror(rc);
        if (t.error_buffer[0] != '\0') r.error += std::string(" (") + t.error_buffer + ")";
        if (t.streamed > 0) r.error += " after " + std::to_string(t.streamed) + " bytes had been received";
        r.error += AttemptsNote(job);
      }
      curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &r.status);
      Deliver(job, std::move(r));
      return;
    }

    long status = 0;
    curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
    if (std::string target = RedirectTarget(e, status); !target.empty()) {
      if (job.redirects >= options_.max_redirects) {
        r.status = status;
        r.error = "more than " + std::to_string(options_.max_redirects) +
                  " redirects (last to " + target.substr(0, 300) + ")";
        Deliver(job, std::move(r));
        return;
      }
      if (!IsHttpUrl(target)) {
        r.status = status;
        r.skipped = SkipReason::kUnsafeRedirect;
        r.skip_detail = AtHop(job) + "redirects to '" + target.substr(0, 300) + "'; only http and https are followed";
        Deliver(job, std::move(r));
        return;
      }
      FollowRedirect(job, target);
      Enqueue(std::move(job));
      return;
    }
    if (IsRetryableStatus(status) && job.hop_attempts < options_.max_tries) {
      curl_off_t retry_after = 0;
      curl_easy_getinfo(e, CURLINFO_RETRY_AFTER, &retry_after);
      if (retry_after <= 0) {
        milliseconds delay = Backoff(job.hop_attempts);
        Retry(std::move(job), delay);
        return;
      }
      milliseconds wait(static_cast<int64_t>(retry_after) * 1000);
      if (wait <= options_.max_retry_after) {
        Retry(std::move(job), wait);
        return;
      }
      r.error = AtHop(job) + "HTTP " + std::to_string(status) + " with Retry-After " +
                std::to_string(retry_after) + " s, beyond the " +
                std::to_string(options_.max_retry_after.count() / 1000) + " s limit";
    }
    r.status = status;
    char* content_type = nullptr;
    curl_easy_getinfo(e, CURLINFO_CONTENT_TYPE, &content_type);
    if (content_type != nullptr) r.content_type = content_type;
    r.etag = HeaderValue(e, "ETag");
    r.last_modified = HeaderValue(e, "Last-Modified");
    if (status == 304) {
      r.skipped = SkipReason::kNotModified;
      r.skip_detail = "has not changed since the last fetch";
    } else if (status < 200 || status >= 300) {
      if (r.error.empty()) r.error = AtHop(job) + "HTTP " + std::to_string(status) + AttemptsNote(job);
    } else {
      r.body = std::move(t.body);
    }
    Deliver(job, std::move(r));
  }

  // The earliest time a delayed retry or a host's next request may start
  // (`now` + kMaxWait when there is none).
  TimePoint NextDeadline(TimePoint now) const {
    TimePoint next = now + kMaxWait;
    for (const Job& job : delayed_) next = std::min(next, job.not_before);
    for (const auto& [key, host] : hosts_)
      if (!host.waiting.empty() && host.active < options_.max_per_host && host.robots_state != RobotsState::kFetching)
        next = std::min(next, host.next_start);
    return std::max(next, now);
  }

  // Longest single wait, so `cancelled` and Stop() are seen promptly.
  static constexpr milliseconds kMaxWait{200};

  FetcherOptions options_;
  FetchStateStore* state_;
  Clock& clock_;
  std::unique_ptr<CURLM, MultiDeleter> multi_;
  std::mt19937_64 random_;
  std::map<std::string, Host> hosts_;
  std::map<std::string, milliseconds> host_delays_;
  std::map<CURL*, std::unique_ptr<Transfer>> active_;
  std::vector<Job> delayed_;
  std::vector<FetchResult> ready_;
  int outstanding_ = 0;
  bool stopping_ = false;
};

CurlFetcher::CurlFetcher(FetcherOptions options, FetchStateStore* state) : options_(std::move(options)) {
  GlobalInitOnce();
  impl_ = std::make_unique<Impl>(options_, state);
}

CurlFetcher::~CurlFetcher() = default;

void CurlFetcher::Add(FetchRequest request) { impl_->Add(std::move(request)); }

void CurlFetcher::SetHostDelay(const std::string& host, std::chrono::milliseconds delay) {
  impl_->SetHostDelay(host, delay);
}

void CurlFetcher::Run(const Callback& on_result) { impl_->Run(on_result); }

void CurlFetcher::Stop() { impl_->Stop(); }

std::chrono::milliseconds CurlFetcher::HostDelay(const std::string& url) const { return impl_->HostDelay(url); }

}  // namespace cn
