#include "pipeline/cli/progress_display.h"

#include "pipeline/ingest/ingestor.h"

namespace cn {

ProgressDisplay::ProgressDisplay(std::FILE* out, bool interactive, Verbosity verbosity, std::string job)
    : out_(out),
      interactive_(interactive && verbosity != Verbosity::kQuiet),
      verbosity_(verbosity),
      job_(std::move(job)),
      start_(std::chrono::steady_clock::now()) {}

double ProgressDisplay::ElapsedSeconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

double ProgressDisplay::Rate() const {
  double secs = ElapsedSeconds();
  return secs > 0 ? static_cast<double>(done_) / secs : 0;
}

void ProgressDisplay::SetSource(std::string_view source) {
  source_ = source;
  if (verbosity_ == Verbosity::kVerbose) {
    ClearLine();
    std::fprintf(out_, "%s: source %.*s\n", job_.c_str(), static_cast<int>(source.size()), source.data());
  }
  Redraw(true);
}

void ProgressDisplay::ArticleDone(std::string_view outcome, std::string_view url, size_t figures) {
  ++done_;
  if (verbosity_ == Verbosity::kVerbose) {
    ClearLine();
    std::fprintf(out_, "%s: %-9.*s %.*s (%zu figures)\n", job_.c_str(), static_cast<int>(outcome.size()),
                 outcome.data(), static_cast<int>(url.size()), url.data(), figures);
  }
  Redraw(false);
}

void ProgressDisplay::Error(std::string_view message) {
  ClearLine();
  std::fprintf(out_, "%s: error: %.*s\n", job_.c_str(), static_cast<int>(message.size()), message.data());
  Redraw(true);
}

void ProgressDisplay::Refused(SkipReason reason, std::string_view url, std::string_view why) {
  if (verbosity_ != Verbosity::kVerbose && reason == SkipReason::kRobots) return;
  ClearLine();
  std::fprintf(out_, "%s: refused %.*s (%s: %.*s)\n", job_.c_str(), static_cast<int>(url.size()), url.data(),
               RefusalLabel(reason), static_cast<int>(why.size()), why.data());
  Redraw(true);
}

void ProgressDisplay::Summary(std::string_view line) {
  ClearLine();
  if (verbosity_ != Verbosity::kQuiet)
    std::fprintf(out_, "%s: %.*s\n", job_.c_str(), static_cast<int>(line.size()), line.data());
  std::fflush(out_);
}

void ProgressDisplay::ClearLine() {
  if (line_drawn_) {
    std::fputs("\r\033[K", out_);
    line_drawn_ = false;
  }
}

void ProgressDisplay::Redraw(bool force) {
  if (!interactive_) return;
  auto now = std::chrono::steady_clock::now();
  if (!force && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  std::fprintf(out_, "\r\033[K%s: %zu articles, %.1f/s, source %s", job_.c_str(), done_, Rate(),
               source_.empty() ? "-" : source_.c_str());
  std::fflush(out_);
  line_drawn_ = true;
}

}  // namespace cn
