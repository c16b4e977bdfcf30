// RunStatus: the outcome a `runs` row records (runs.status), one enum with
// one spelling per value. docs/SCHEMA.md says what each means and which exit
// code goes with it.
#pragma once

#include <string_view>

namespace cn {

enum class RunStatus {
  kRunning,      // the row of a run still going (or of a process that died, until the next run)
  kOk,           // every feed and article worked
  kPartial,      // finished, but some feeds or articles failed
  kFailed,       // nothing worked (every feed, or every page, failed) or a fatal error stopped it
  kInterrupted,  // stopped by SIGTERM/SIGINT, or found 'running' after its process died
};

// The text stored in runs.status: "running", "ok", "partial", "failed", "interrupted".
std::string_view ToString(RunStatus status);

}  // namespace cn
