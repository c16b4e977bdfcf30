// FileFetcher: the PageFetcher for file: URLs (and plain paths turned into
// file: URLs by the sources file), so a fixture set crawls offline through
// the same code path as the network. Every other URL goes to the network
// fetcher behind it, or, without one, is refused as an unsafe scheme.
//
// A file result has status 200, final_url the file: URL, and a Content-Type
// guessed from the extension (.html/.htm text/html; .xml/.rss/.atom/.rdf
// application/xml; .txt text/plain; otherwise ""). A file larger than the
// limit (the request's max_body_bytes, else the FileFetcher's) is an error,
// and is never read past the limit. Errors do not repeat the URL
// (page_fetcher.h).
//
// Which file: URLs may be read is the caller's decision: the crawler hands
// over only URLs from the sources file or from local listings (a remote feed
// cannot make it read a local file; the network fetcher refuses redirects to
// file: on its own).
//
// Thread safety: one thread, like every PageFetcher; `network` and the clock
// must outlive the FileFetcher.
#pragma once

#include <deque>

#include "pipeline/fetch/page_fetcher.h"
#include "pipeline/web/clock.h"

namespace cn {

class FileFetcher final : public PageFetcher {
 public:
  // `network` may be null (then only file: URLs are fetched); `clock` null
  // means SystemClock().
  FileFetcher(size_t max_body_bytes, PageFetcher* network = nullptr, Clock* clock = nullptr);

  void Add(FetchRequest request) override;
  void SetHostDelay(const std::string& host, std::chrono::milliseconds delay) override;
  // Delivers local results first, then runs the network fetcher, delivering
  // local results added from inside its callback as they come.
  void Run(const Callback& on_result) override;
  void Stop() override;

 private:
  void DeliverLocal(const Callback& on_result);
  FetchResult Read(const FetchRequest& request);

  size_t max_body_bytes_;
  PageFetcher* network_;
  Clock& clock_;
  std::deque<FetchRequest> local_;
  bool stopping_ = false;
};

}  // namespace cn
