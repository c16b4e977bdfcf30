#include "pipeline/cli/stop_signal.h"

#include <atomic>

namespace cn {
namespace {

// Lock-free, so setting it from a signal handler is safe.
std::atomic<int> g_stop_signal{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void OnStopSignal(int signal_number) { g_stop_signal.store(signal_number, std::memory_order_relaxed); }

}  // namespace

StopSignals::StopSignals() {
  g_stop_signal.store(0);
  struct sigaction action {};
  action.sa_handler = OnStopSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND;  // no SA_RESTART: interrupt blocking waits
  sigaction(SIGTERM, &action, &old_term_);
  sigaction(SIGINT, &action, &old_int_);
}

StopSignals::~StopSignals() {
  sigaction(SIGTERM, &old_term_, nullptr);
  sigaction(SIGINT, &old_int_, nullptr);
}

bool StopSignals::StopRequested() { return g_stop_signal.load(std::memory_order_relaxed) != 0; }

const char* StopSignals::SignalName() {
  switch (g_stop_signal.load(std::memory_order_relaxed)) {
    case SIGTERM: return "SIGTERM";
    case SIGINT: return "SIGINT";
    default: return "";
  }
}

}  // namespace cn
