#include "pipeline/ingest/warc_url_source.h"

#include <algorithm>
#include <cstring>

#include "pipeline/fetch/curl_fetcher.h"

namespace cn {

UrlByteSource::UrlByteSource(std::string url, UrlSourceOptions options)
    : url_(std::move(url)), options_(std::move(options)) {
  thread_ = std::thread([this] { Transfer(); });
}

UrlByteSource::~UrlByteSource() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closing_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

bool UrlByteSource::Push(std::string_view piece) {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [&] { return closing_ || queued_ < kUrlQueueBytes; });
  if (closing_) return false;
  pieces_.emplace_back(piece);
  queued_ += piece.size();
  lock.unlock();
  changed_.notify_all();
  return true;
}

void UrlByteSource::Transfer() {
  FetcherOptions fetch;
  fetch.allow_private_addresses = options_.allow_private_addresses;
  if (!options_.user_agent.empty()) fetch.user_agent = options_.user_agent;
  fetch.max_body_bytes = static_cast<size_t>(options_.max_bytes);
  fetch.total_timeout = std::chrono::milliseconds(0);  // none: the low-speed limit still applies
  fetch.politeness_delay = std::chrono::milliseconds(0);
  fetch.cancelled = [this] {
    std::lock_guard<std::mutex> lock(mutex_);
    return closing_ || (options_.cancelled && options_.cancelled());
  };
  CurlFetcher fetcher(fetch);
  FetchRequest request;
  request.url = url_;
  request.operator_supplied = true;
  request.conditional = false;
  request.on_body = [this](std::string_view piece) { return Push(piece); };
  fetcher.Add(std::move(request));
  std::string why = "the transfer was stopped";
  fetcher.Run([&](FetchResult&& r) {
    if (r.ok()) why.clear();
    else if (!r.error.empty()) why = url_ + ": " + r.error;  // the fetcher's errors never name the URL asked for
    else if (r.skipped != SkipReason::kNone) why = url_ + ": skipped (" + SkipReasonName(r.skipped) + "): " + r.skip_detail;
    else why = url_ + ": HTTP " + std::to_string(r.status);
  });
  {
    std::lock_guard<std::mutex> lock(mutex_);
    transfer_error_ = why;
    done_ = true;
  }
  changed_.notify_all();
}

size_t UrlByteSource::Read(char* buffer, size_t capacity) {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [&] { return !pieces_.empty() || done_; });
  if (pieces_.empty()) {
    error_ = transfer_error_;
    return 0;
  }
  const std::string& front = pieces_.front();
  const size_t n = std::min(capacity, front.size() - front_used_);
  std::memcpy(buffer, front.data() + front_used_, n);
  front_used_ += n;
  queued_ -= n;
  if (front_used_ == front.size()) {
    pieces_.pop_front();
    front_used_ = 0;
  }
  lock.unlock();
  changed_.notify_all();
  return n;
}

}  // namespace cn
