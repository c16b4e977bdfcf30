#include "pipeline/cli/progress_display.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "pipeline/cli/stop_signal.h"
#include "pipeline/ingest/ingestor.h"
#include "pipeline/web/url.h"
#include "pipeline/web/utf8_text.h"

namespace cn {
namespace {

constexpr int kDefaultColumns = 80;
// Pages settled before an ETA is shown: the first few say little about the rate.
constexpr size_t kPagesBeforeEta = 3;

// "45 s", "3m05s", "2h10m".
std::string Duration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char text[32];
  if (s < 60) std::snprintf(text, sizeof text, "%ld s", s);
  else if (s < 3600) std::snprintf(text, sizeof text, "%ldm%02lds", s / 60, s % 60);
  else std::snprintf(text, sizeof text, "%ldh%02ldm", s / 3600, (s % 3600) / 60);
  return text;
}

// Where a listing lives, for "waiting for HOST": its host, or the file name.
std::string Place(const std::string& url) {
  std::string host = UrlHost(url);
  if (!host.empty()) return host;
  const size_t slash = url.find_last_of('/');
  return slash == std::string::npos ? url : url.substr(slash + 1);
}

}  // namespace

std::string CutToColumns(std::string_view text, size_t columns) {
  return std::string(text.substr(0, utf8::ByteOffsetOfCodePoint(text, columns)));
}

ProgressDisplay::ProgressDisplay(std::FILE* out, bool interactive, Verbosity verbosity, std::string job)
    : out_(out),
      interactive_(interactive && verbosity != Verbosity::kQuiet),
      verbosity_(verbosity),
      job_(std::move(job)),
      start_(std::chrono::steady_clock::now()) {
  Redraw(true);
}

ProgressDisplay::~ProgressDisplay() {
  if (line_drawn_) {
    std::fputc('\n', out_);
    std::fflush(out_);
    StopSignals::SetOpenLine(-1);
  }
}

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

void ProgressDisplay::PageSettled() {
  if (settled_++ == 0) first_page_ = std::chrono::steady_clock::now();
}

void ProgressDisplay::ArticleDone(std::string_view outcome, std::string_view url, size_t figures) {
  ++done_;
  PageSettled();
  if (verbosity_ == Verbosity::kVerbose) {
    ClearLine();
    std::fprintf(out_, "%s: %-9.*s %.*s (%zu figures)\n", job_.c_str(), static_cast<int>(outcome.size()),
                 outcome.data(), static_cast<int>(url.size()), url.data(), figures);
  }
  Redraw(false);
}

void ProgressDisplay::ArticleFailed(std::string_view message) {
  PageSettled();
  Error(message);
}

void ProgressDisplay::Error(std::string_view message) {
  ClearLine();
  std::fprintf(out_, "%s: error: %.*s\n", job_.c_str(), static_cast<int>(message.size()), message.data());
  Redraw(true);
}

void ProgressDisplay::Refused(SkipReason reason, std::string_view url, std::string_view why) {
  PageSettled();
  if (verbosity_ != Verbosity::kVerbose && reason == SkipReason::kRobots) {
    Redraw(false);
    return;
  }
  ClearLine();
  std::fprintf(out_, "%s: refused %.*s (%s: %.*s)\n", job_.c_str(), static_cast<int>(url.size()), url.data(),
               RefusalLabel(reason), static_cast<int>(why.size()), why.data());
  Redraw(true);
}

void ProgressDisplay::ListingStarted(std::string_view url) {
  ++listings_started_;
  pending_listings_.emplace_back(url);
  Redraw(true);
}

void ProgressDisplay::ListingDone(std::string_view url) {
  ++listings_done_;
  auto it = std::find(pending_listings_.begin(), pending_listings_.end(), url);
  if (it != pending_listings_.end()) pending_listings_.erase(it);
  Redraw(true);
}

void ProgressDisplay::PagesExpected(int pages) {
  expected_ += static_cast<size_t>(std::max(pages, 0));
  Redraw(true);
}

void ProgressDisplay::Tick() {
  if (std::chrono::steady_clock::now() - last_draw_ >= std::chrono::seconds(1)) Redraw(true);
}

void ProgressDisplay::Summary(std::string_view line) {
  ClearLine();
  if (verbosity_ != Verbosity::kQuiet)
    std::fprintf(out_, "%s: %.*s\n", job_.c_str(), static_cast<int>(line.size()), line.data());
  std::fflush(out_);
}

std::string ProgressDisplay::StatusLine() const {
  const auto now = std::chrono::steady_clock::now();
  std::string line = job_ + ": ";
  const bool reading_listings = !pending_listings_.empty();
  if (reading_listings) {
    line += "feeds " + std::to_string(listings_done_) + "/" + std::to_string(listings_started_) +
            ", waiting for " + Place(pending_listings_.front()) + "; ";
  }
  // A page may settle before its source's count arrives (local files).
  const size_t total = std::max(expected_, settled_);
  char rate_text[64] = "";
  double rate = 0;
  if (settled_ > 0) {
    const double secs = std::chrono::duration<double>(now - first_page_).count();
    rate = secs > 0.05 ? static_cast<double>(settled_) / secs : 0;
    if (rate > 0) std::snprintf(rate_text, sizeof rate_text, ", %.1f/s", rate);
  }
  if (!reading_listings && expected_ > 0) {
    line += std::to_string(settled_) + "/" + std::to_string(total) + " articles" + rate_text;
    if (rate > 0 && settled_ >= kPagesBeforeEta && total > settled_)
      line += ", ETA " + Duration(static_cast<double>(total - settled_) / rate);
  } else {
    line += std::to_string(std::max(settled_, done_)) + " articles" + rate_text;
    if (total > settled_) line += " of " + std::to_string(total) + " found so far";
  }
  if (!source_.empty()) line += "; source " + source_;
  line += ", " + Duration(std::chrono::duration<double>(now - start_).count());
  return line;
}

int ProgressDisplay::Width() const {
  struct winsize size {};
  if (ioctl(fileno(out_), TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  if (const char* columns = std::getenv("COLUMNS")) {
    const int n = std::atoi(columns);
    if (n > 0 && n < 10000) return n;
  }
  return kDefaultColumns;
}

void ProgressDisplay::ClearLine() {
  if (line_drawn_) {
    std::fputs("\r\033[K", out_);
    line_drawn_ = false;
    StopSignals::SetOpenLine(-1);
  }
}

void ProgressDisplay::Redraw(bool force) {
  if (!interactive_) return;
  auto now = std::chrono::steady_clock::now();
  if (!force && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  // One column short of the width: writing the last column makes some
  // terminals wrap at once.
  const size_t columns = static_cast<size_t>(std::max(Width() - 1, 10));
  std::fprintf(out_, "\r\033[K%s", CutToColumns(StatusLine(), columns).c_str());
  std::fflush(out_);
  line_drawn_ = true;
  StopSignals::SetOpenLine(fileno(out_));
}

}  // namespace cn
