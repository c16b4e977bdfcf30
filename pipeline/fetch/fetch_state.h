// Conditional-GET state per URL: the validators (ETag, Last-Modified) from
// the last successful fetch, and the last status/error. The CurlFetcher reads it
// to send If-None-Match / If-Modified-Since and writes it after every
// attempt, so a nightly re-run downloads only what changed.
//
// FetchStateStore is the narrow interface the SQLite store implements;
// InMemoryFetchStateStore serves tests and runs without a database.
// Implementations are called from the fetcher's thread only; they need no
// locking unless shared elsewhere.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace cn {

struct FetchState {
  std::string etag;           // raw ETag header value, "" when none
  std::string last_modified;  // raw Last-Modified header value, "" when none
  long last_status = 0;       // last HTTP status (0: no response)
  std::string last_error;     // last error message, "" when the last fetch worked
  std::string fetched_at;     // UTC ISO 8601 of the last attempt
};

class FetchStateStore {
 public:
  virtual ~FetchStateStore() = default;
  // State for the canonical URL, or nullopt when never fetched.
  virtual std::optional<FetchState> Get(const std::string& url) = 0;
  virtual void Put(const std::string& url, const FetchState& state) = 0;
};

class InMemoryFetchStateStore : public FetchStateStore {
 public:
  std::optional<FetchState> Get(const std::string& url) override {
    auto it = states_.find(url);
    if (it == states_.end()) return std::nullopt;
    return it->second;
  }
  void Put(const std::string& url, const FetchState& state) override { states_[url] = state; }
  size_t size() const { return states_.size(); }

 private:
  std::map<std::string, FetchState> states_;
};

}  // namespace cn
