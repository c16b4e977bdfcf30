// ProgressDisplay: what a long job (ingest, reprocess, warc) tells the
// person or the cron mail watching it, on stderr.
//
// On a terminal (isatty(stderr)) one status line is redrawn in place, at
// most ten times a second and at least once a second while the fetcher
// waits (Tick), and drawn as soon as the display exists, so the screen is
// never blank nor still:
//   ingest: feeds 3/12, waiting for www.example.com; 0 articles, 4 s
//   ingest: 45/120 articles, 3.2/s, ETA 23 s; source CoinDesk, 18 s
// While feeds and sitemaps are being read it counts them and names the host
// of the oldest one still pending; then articles settled (stored, unchanged,
// failed or refused) of those chosen so far, the rate, and an ETA once every
// listing is in (the total is then known). The line is cut to the terminal's
// width (TIOCGWINSZ, else $COLUMNS, else 80 columns) so it never wraps.
// Messages (errors, refusals, the summary) clear it and are printed whole on
// lines of their own; the line is ended with a newline when the display
// goes away, and by the signal handler when a second SIGINT/SIGTERM ends the
// process (stop_signal.h).
//
// Not on a terminal: nothing but errors, links refused by the address
// policy or an unsafe redirect, and the final summary line. --quiet drops
// the summary too (errors stay); --verbose adds a line per article and per
// refused link.
//
// Not thread-safe: one job, one thread.
#pragma once

#include <chrono>
#include <cstdio>
#include <deque>
#include <string>
#include <string_view>

#include "pipeline/ingest/ingest_observer.h"

namespace cn {

enum class Verbosity { kQuiet, kNormal, kVerbose };

class ProgressDisplay final : public IngestObserver {
 public:
  // `interactive` is normally isatty(fileno(out)); tests pass false.
  ProgressDisplay(std::FILE* out, bool interactive, Verbosity verbosity, std::string job);
  ~ProgressDisplay() override;
  ProgressDisplay(const ProgressDisplay&) = delete;
  ProgressDisplay& operator=(const ProgressDisplay&) = delete;

  void SetSource(std::string_view source) override;
  void ArticleDone(std::string_view outcome, std::string_view url, size_t figures) override;
  void ArticleFailed(std::string_view message) override;
  void Error(std::string_view message) override;
  // With --verbose every refusal; otherwise (--quiet too) those by the address
  // policy or an unsafe redirect, which make the run partial, like errors.
  void Refused(SkipReason reason, std::string_view url, std::string_view why) override;
  void ListingStarted(std::string_view url) override;
  void ListingDone(std::string_view url) override;
  void PagesExpected(int pages) override;
  void Summary(std::string_view line);
  // Redraws the line when a second has passed since it was last drawn, so
  // its clock moves while nothing else happens (one slow feed pending).
  // The fetcher calls it while it waits (FetcherOptions::on_wait).
  void Tick();

  // Articles done so far and their rate per second since construction.
  size_t done() const { return done_; }
  double Rate() const;
  double ElapsedSeconds() const;

  // The status line as it would be drawn now, before it is cut to the width.
  std::string StatusLine() const;

 private:
  void Redraw(bool force);
  void ClearLine();
  void PageSettled();
  int Width() const;

  std::FILE* out_;
  bool interactive_;
  Verbosity verbosity_;
  std::string job_;
  std::string source_;
  size_t done_ = 0;         // ArticleDone calls
  size_t settled_ = 0;      // pages done, failed or refused
  size_t expected_ = 0;     // pages chosen so far
  size_t listings_started_ = 0;
  size_t listings_done_ = 0;
  std::deque<std::string> pending_listings_;  // oldest first
  bool line_drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point first_page_;  // when the first page settled
  std::chrono::steady_clock::time_point last_draw_;
};

// `text` cut to at most `columns` code points (a UTF-8 sequence is never split).
std::string CutToColumns(std::string_view text, size_t columns);

}  // namespace cn
