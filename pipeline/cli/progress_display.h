// ProgressDisplay: what a long job (ingest, reprocess) tells the person or
// the cron mail watching it, on stderr.
//
// On a terminal (isatty(stderr)) one status line is redrawn in place, at most
// ten times a second: articles done, rate, current source. Otherwise nothing
// but errors, links refused by the address policy or an unsafe redirect, and
// the final summary line. --quiet drops the summary too (errors stay);
// --verbose adds a line per article and per refused link.
//
// Not thread-safe: one job, one thread.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>

#include "pipeline/ingest/ingest_observer.h"

namespace cn {

enum class Verbosity { kQuiet, kNormal, kVerbose };

class ProgressDisplay final : public IngestObserver {
 public:
  // `interactive` is normally isatty(fileno(out)); tests pass false.
  ProgressDisplay(std::FILE* out, bool interactive, Verbosity verbosity, std::string job);

  void SetSource(std::string_view source) override;
  void ArticleDone(std::string_view outcome, std::string_view url, size_t figures) override;
  void Error(std::string_view message) override;
  // With --verbose every refusal; otherwise (--quiet too) those by the address
  // policy or an unsafe redirect, which make the run partial, like errors.
  void Refused(SkipReason reason, std::string_view url, std::string_view why) override;
  void Summary(std::string_view line);

  // Articles done so far and their rate per second since construction.
  size_t done() const { return done_; }
  double Rate() const;
  double ElapsedSeconds() const;

 private:
  void Redraw(bool force);
  void ClearLine();

  std::FILE* out_;
  bool interactive_;
  Verbosity verbosity_;
  std::string job_;
  std::string source_;
  size_t done_ = 0;
  bool line_drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace cn
