#include "pipeline/fetch/file_fetcher.h"

#include <filesystem>
#include <fstream>

#include "pipeline/web/url.h"

namespace cn {

namespace {

std::string ContentTypeForPath(const std::string& url) {
  auto ends = [&](const char* suffix) { return url.ends_with(suffix); };
  if (ends(".html") || ends(".htm")) return "text/html";
  if (ends(".xml") || ends(".rss") || ends(".atom") || ends(".rdf")) return "application/xml";
  if (ends(".txt")) return "text/plain";
  return "";
}

}  // namespace

FileFetcher::FileFetcher(size_t max_body_bytes, PageFetcher* network, Clock* clock)
    : max_body_bytes_(max_body_bytes), network_(network), clock_(clock != nullptr ? *clock : SystemClock()) {}

void FileFetcher::Add(FetchRequest request) {
  if (UrlScheme(request.url) == "file" || network_ == nullptr) local_.push_back(std::move(request));
  else network_->Add(std::move(request));
}

void FileFetcher::SetHostDelay(const std::string& host, std::chrono::milliseconds delay) {
  if (network_ != nullptr) network_->SetHostDelay(host, delay);
}

void FileFetcher::Stop() {
  stopping_ = true;
  local_.clear();
  if (network_ != nullptr) network_->Stop();
}

void FileFetcher::Run(const Callback& on_result) {
  stopping_ = false;
  while (!stopping_) {
    DeliverLocal(on_result);
    if (stopping_ || network_ == nullptr) break;
    // Returns at once when the network has nothing to do; local requests
    // added by the callback meanwhile are delivered as they come.
    network_->Run([&](FetchResult&& r) {
      on_result(std::move(r));
      if (!stopping_) DeliverLocal(on_result);
    });
    if (local_.empty()) break;
  }
  local_.clear();
}

void FileFetcher::DeliverLocal(const Callback& on_result) {
  while (!local_.empty() && !stopping_) {
    FetchRequest request = std::move(local_.front());
    local_.pop_front();
    on_result(Read(request));  // may Add() more
  }
}

FetchResult FileFetcher::Read(const FetchRequest& request) {
  FetchResult r;
  r.url = request.url;
  r.final_url = request.url;
  r.tag = request.tag;
  r.fetched_at = clock_.WallNow();
  r.attempts = 1;
  if (UrlScheme(request.url) != "file") {
    r.skipped = SkipReason::kUnsafeScheme;
    r.skip_detail = "only file: URLs are read here";
    return r;
  }
  const size_t cap = request.max_body_bytes > 0 ? request.max_body_bytes : max_body_bytes_;
  std::string path = FileUrlPath(request.url);
  std::error_code ec;
  if (!path.empty() && std::filesystem::is_directory(path, ec)) {
    r.error = "is a directory, not a file";
    return r;
  }
  std::ifstream in(path, std::ios::binary);
  if (path.empty() || !in) {
    r.error = "cannot open the file";
    return r;
  }
  char buffer[64 * 1024];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    r.body.append(buffer, static_cast<size_t>(in.gcount()));
    if (r.body.size() > cap) {
      r.body.clear();
      r.error = "file exceeds the limit of " + std::to_string(cap) + " bytes";
      return r;
    }
  }
  if (in.bad()) {
    r.body.clear();
    r.error = "read error";
    return r;
  }
  r.status = 200;
  r.content_type = ContentTypeForPath(request.url);
  return r;
}

}  // namespace cn
