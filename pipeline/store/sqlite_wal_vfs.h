// A SQLite VFS that wraps the platform's default VFS and merges the many
// small writes of one WAL commit into a single write system call.
//
// SQLite writes each WAL frame as two pwrite calls (a 24-byte frame header,
// then the page), so a commit touching ten pages costs twenty system calls;
// without this VFS the store needs about a quarter more CPU per article
// (docs/PERFORMANCE.md, "The WAL-coalescing VFS and the checkpoint thread").
// This VFS buffers consecutive frame writes of the WAL file in memory and
// hands them to the real file in one write when the transaction's commit
// frame has been appended — inside the xWrite call that appends it, so a
// failed write (disk full) fails the commit exactly as before, and
// everything is in the kernel before SQLite publishes the commit to readers
// or returns from COMMIT (kill -9 safe).
// Any other operation on the WAL file (read, sync, truncate, size, close…)
// first writes out what is buffered. The database file, the shared-memory
// index and the journals are the real VFS's, untouched: other processes
// (plain sqlite3 included) read and write the same files as ever.
//
// Thread safety: registration happens once (thread-safe). Each connection
// owns its WAL file handle, as with any VFS.
#pragma once

namespace cn {

// Registers the VFS (first call only) and returns its name, to pass to
// sqlite3_open_v2. Returns nullptr (the default VFS) if there is no default
// VFS to wrap or registration fails.
const char* WalCoalescingVfsName();

}  // namespace cn
