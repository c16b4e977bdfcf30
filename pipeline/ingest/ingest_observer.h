// IngestObserver: what the ingestor and reprocess tell whoever watches a
// long job (the CLI's progress display, a test). The ingest layer reports
// through it and never draws anything itself.
//
// Called on the job's thread, in order; an observer need not be thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

#include "pipeline/fetch/page_fetcher.h"

namespace cn {

class IngestObserver {
 public:
  virtual ~IngestObserver() = default;

  // The feed moved on to the sources.toml source `source`.
  virtual void SetSource(std::string_view source) = 0;
  // One article is finished; `outcome` is "new", "updated", "unchanged" or "too old".
  virtual void ArticleDone(std::string_view outcome, std::string_view url, size_t figures) = 0;
  // An article, feed or source failed; the message names it.
  virtual void Error(std::string_view message) = 0;
  // A link was not fetched on purpose (robots.txt, address policy, unsafe
  // redirect); `why` explains it without repeating `url`.
  virtual void Refused(SkipReason reason, std::string_view url, std::string_view why) = 0;
  // An article page was lost (fetch or parse failed); the message names it.
  // Tells a progress display one more page is settled; by default an Error.
  virtual void ArticleFailed(std::string_view message) { Error(message); }

  // Progress of a crawl, for a display (no-ops by default): a feed or
  // sitemap was requested, one is done, `pages` more article pages will
  // each end in ArticleDone, ArticleFailed or Refused.
  virtual void ListingStarted(std::string_view /*url*/) {}
  virtual void ListingDone(std::string_view /*url*/) {}
  virtual void PagesExpected(int /*pages*/) {}
};

// An observer that ignores everything, for callers with nobody watching.
class SilentObserver final : public IngestObserver {
 public:
  void SetSource(std::string_view) override {}
  void ArticleDone(std::string_view, std::string_view, size_t) override {}
  void Error(std::string_view) override {}
  void Refused(SkipReason, std::string_view, std::string_view) override {}
};

}  // namespace cn
