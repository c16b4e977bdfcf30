// StopSignals: turns SIGTERM and SIGINT into a request to stop cleanly.
//
// While a StopSignals object lives, those signals only set a flag (the
// handler does nothing else, so it is async-signal-safe); long loops poll
// StopRequested() between units of work and wind down — `ingest` finishes the
// article it is storing, marks its run 'interrupted' and exits with
// kExitInterrupted. The handlers are installed without SA_RESTART, so a
// blocking poll() returns early; a second signal of the same kind has its
// default effect (terminates at once; the store stays consistent, as after
// a kill -9), after ending an open progress line (SetOpenLine) with a
// newline so the shell's prompt starts on a line of its own.
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
  // The file descriptor of a terminal whose cursor sits at the end of a
  // progress line, or -1; the handler writes "\n" there before a second
  // signal ends the process. Safe from any thread.
  static void SetOpenLine(int fd);

 private:
  struct sigaction old_term_ {};
  struct sigaction old_int_ {};
};

}  // namespace cn
