#include "pipeline/cli/stop_signal.h"

#include <unistd.h>

#include <atomic>

namespace cn {
namespace {

// Lock-free, so using them from a signal handler is safe.
std::atomic<int> g_stop_signal{0};
std::atomic<int> g_open_line_fd{-1};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void OnStopSignal(int signal_number) {
  const int earlier = g_stop_signal.load(std::memory_order_relaxed);
  if (earlier != signal_number) {
    g_stop_signal.store(signal_number, std::memory_order_relaxed);
    return;
  }
  // The second signal of the same kind ends the process at once, as its
  // default action would; a progress line left open gets its newline first.
  const int fd = g_open_line_fd.load(std::memory_order_relaxed);
  if (fd >= 0) (void)!write(fd, "\n", 1);
  signal(signal_number, SIG_DFL);
  raise(signal_number);
}

}  // namespace

StopSignals::StopSignals() {
  g_stop_signal.store(0);
  struct sigaction action {};
  action.sa_handler = OnStopSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: interrupt blocking waits
  sigaction(SIGTERM, &action, &old_term_);
  sigaction(SIGINT, &action, &old_int_);
}

StopSignals::~StopSignals() {
  sigaction(SIGTERM, &old_term_, nullptr);
  sigaction(SIGINT, &old_int_, nullptr);
}

bool StopSignals::StopRequested() { return g_stop_signal.load(std::memory_order_relaxed) != 0; }

void StopSignals::SetOpenLine(int fd) { g_open_line_fd.store(fd, std::memory_order_relaxed); }

const char* StopSignals::SignalName() {
  switch (g_stop_signal.load(std::memory_order_relaxed)) {
    case SIGTERM: return "SIGTERM";
    case SIGINT: return "SIGINT";
    default: return "";
  }
}

}  // namespace cn
