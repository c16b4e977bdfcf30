// Process exit codes that scripts (cron, systemd) can rely on.
#pragma once

namespace cn {

inline constexpr int kExitOk = 0;           // everything worked
inline constexpr int kExitPartial = 1;      // finished, but some sources/items failed
inline constexpr int kExitUsage = 2;        // bad arguments or unreadable input
inline constexpr int kExitFatal = 3;        // could not do the job at all (database, internal error)
inline constexpr int kExitBusy = 4;         // another ingest holds the database lock
inline constexpr int kExitInterrupted = 5;  // stopped by SIGTERM/SIGINT: committed work kept, run row 'interrupted'
inline constexpr int kExitNothingWorked = 6;  // ingest: every feed (or every page) failed, run row 'failed'

}  // namespace cn
