// StopSignals: turns SIGTERM and SIGINT into a request to stop cleanly.
//
// While a StopSignals object lives, those signals only set a flag (the
// handler does nothing else, so it is async-signal-safe); long loops poll
// StopRequested() between units of work and wind down — `ingest` finishes the
// article it is storing, marks its run 'interrupted' and exits with
// kExitInterrupted. The handlers are installed without SA_RESTART, so a
// blocking poll() returns early, and with SA_RESETHAND, so a second signal
// of the same kind has its default effect (terminates at once; the store
// stays consistent, as after a kill -9).
//
// One StopSignals at a time per process (the flag is process-wide); the
// destructor restores the previous handlers. StopRequested() is safe from
// any thread.
#pragma once

#include <signal.h>

namespace cn {

class StopSignals {
 public:
  StopSignals();
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  // True once SIGTERM or SIGINT arrived while a StopSignals was alive.
  static bool StopRequested();
  // The signal that asked to stop ("SIGTERM", "SIGINT"), "" if none.
  static const char* SignalName();

 private:
  struct sigaction old_term_ {};
  struct sigaction old_int_ {};
};

}  // namespace cn
