#include "pipeline/store/sqlite_wal_vfs.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstddef>
#include <new>
#include <vector>

namespace cn {
namespace {

// SQLite's WAL layout: every frame is a 24-byte header, then the page. Bytes
// 4..7 of the header hold the database size after a commit, 0 otherwise.
constexpr int kFrameHeaderBytes = 24;
// A transaction that spills more than this before committing (a migration, a
// large full-text batch) is written out in pieces of about this size.
constexpr size_t kMaxBufferedBytes = size_t{256} << 10;
// The unix VFS writes at most 128 KiB - 1 per call (and reports a shorter
// write as a full disk), so the buffer goes out in pieces of at most this.
constexpr size_t kMaxWriteBytes = size_t{64} << 10;

bool MarksCommit(const void* frame_header) {
  const auto* b = static_cast<const unsigned char*>(frame_header);
  return (b[4] | b[5] | b[6] | b[7]) != 0;
}

// The WAL file as SQLite sees it: our methods in front of the real VFS's file,
// which lives in the same allocation, right after this struct.
struct WalFile {
  sqlite3_file base;  // must stay first: SQLite casts between the two
  sqlite3_file* real = nullptr;
  std::vector<char> buffer;  // consecutive bytes not written yet, starting at buffer_offset
  sqlite3_int64 buffer_offset = 0;
  // Just past SQLite's last write (buffered or not); when the buffer is not
  // empty, its end. -1 when unknown.
  sqlite3_int64 last_write_end = -1;
  bool awaiting_page = false;   // the buffer ends with a frame header whose page comes next
  bool header_commits = false;  // ...and that frame ends a transaction
};

constexpr size_t kWalFileBytes = (sizeof(WalFile) + 7) & ~size_t{7};

WalFile* AsWal(sqlite3_file* f) { return reinterpret_cast<WalFile*>(f); }
sqlite3_file* Real(sqlite3_file* f) { return AsWal(f)->real; }
sqlite3_vfs* RealVfs(sqlite3_vfs* vfs) { return static_cast<sqlite3_vfs*>(vfs->pAppData); }

int Flush(WalFile* f) {
  if (f->buffer.empty()) return SQLITE_OK;
  int rc = SQLITE_OK;
  for (size_t done = 0; done < f->buffer.size() && rc == SQLITE_OK;) {
    const size_t piece = std::min(kMaxWriteBytes, f->buffer.size() - done);
    rc = f->real->pMethods->xWrite(f->real, f->buffer.data() + done, static_cast<int>(piece),
                                   f->buffer_offset + static_cast<sqlite3_int64>(done));
    done += piece;
  }
  f->buffer.clear();
  f->awaiting_page = false;
  if (rc != SQLITE_OK) f->last_write_end = -1;
  return rc;
}

void Append(WalFile* f, const void* data, int amount, sqlite3_int64 offset) {
  if (f->buffer.empty()) f->buffer_offset = offset;
  const char* bytes = static_cast<const char*>(data);
  f->buffer.insert(f->buffer.end(), bytes, bytes + amount);
}

int WalWrite(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset) {
  WalFile* f = AsWal(file);
  const bool follows_last_write = offset == f->last_write_end;
  // A frame header right after the previous frame (or the WAL header): keep
  // it, its page follows.
  if (amount == kFrameHeaderBytes && follows_last_write && !f->awaiting_page) {
    Append(f, data, amount, offset);
    f->last_write_end = offset + amount;
    f->awaiting_page = true;
    f->header_commits = MarksCommit(data);
    return SQLITE_OK;
  }
  // The page of the buffered header: keep it too, and write everything out
  // once the commit frame is complete, before SQLite publishes the commit.
  if (f->awaiting_page && follows_last_write) {
    Append(f, data, amount, offset);
    f->last_write_end = offset + amount;
    f->awaiting_page = false;
    if (f->header_commits || f->buffer.size() >= kMaxBufferedBytes) return Flush(f);
    return SQLITE_OK;
  }
  // Anything else (the WAL header, checksums rewritten in place, a first frame
  // after opening): in order, straight through.
  if (int rc = Flush(f); rc != SQLITE_OK) return rc;
  f->last_write_end = offset + amount;
  return f->real->pMethods->xWrite(f->real, data, amount, offset);
}

int WalClose(sqlite3_file* file) {
  WalFile* f = AsWal(file);
  const int flushed = Flush(f);
  const int closed = f->real->pMethods->xClose(f->real);
  f->~WalFile();
  return flushed != SQLITE_OK ? flushed : closed;
}

int WalRead(sqlite3_file* file, void* out, int amount, sqlite3_int64 offset) {
  if (int rc = Flush(AsWal(file)); rc != SQLITE_OK) return rc;
  return Real(file)->pMethods->xRead(Real(file), out, amount, offset);
}

int WalTruncate(sqlite3_file* file, sqlite3_int64 size) {
  if (int rc = Flush(AsWal(file)); rc != SQLITE_OK) return rc;
  AsWal(file)->last_write_end = -1;
  return Real(file)->pMethods->xTruncate(Real(file), size);
}

int WalSync(sqlite3_file* file, int flags) {
  if (int rc = Flush(AsWal(file)); rc != SQLITE_OK) return rc;
  return Real(file)->pMethods->xSync(Real(file), flags);
}

int WalFileSize(sqlite3_file* file, sqlite3_int64* size) {
  if (int rc = Flush(AsWal(file)); rc != SQLITE_OK) return rc;
  return Real(file)->pMethods->xFileSize(Real(file), size);
}

int WalLock(sqlite3_file* file, int level) { return Real(file)->pMethods->xLock(Real(file), level); }
int WalUnlock(sqlite3_file* file, int level) { return Real(file)->pMethods->xUnlock(Real(file), level); }
int WalCheckReservedLock(sqlite3_file* file, int* out) {
  return Real(file)->pMethods->xCheckReservedLock(Real(file), out);
}

int WalFileControl(sqlite3_file* file, int op, void* arg) {
  if (int rc = Flush(AsWal(file)); rc != SQLITE_OK) return rc;
  return Real(file)->pMethods->xFileControl(Real(file), op, arg);
}

int WalSectorSize(sqlite3_file* file) { return Real(file)->pMethods->xSectorSize(Real(file)); }
int WalDeviceCharacteristics(sqlite3_file* file) {
  return Real(file)->pMethods->xDeviceCharacteristics(Real(file));
}

// Version 1: SQLite uses neither shared memory nor memory mapping on a WAL file.
const sqlite3_io_methods kWalMethods = {
    1,         WalClose, WalRead,          WalWrite,      WalTruncate,          WalSync,
    WalFileSize, WalLock, WalUnlock, WalCheckReservedLock, WalFileControl, WalSectorSize,
    WalDeviceCharacteristics,
    nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
};

int Open(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
  sqlite3_vfs* real_vfs = RealVfs(vfs);
  // Every file but the WAL is the real VFS's own, in the space SQLite gave us.
  if ((flags & SQLITE_OPEN_WAL) == 0) return real_vfs->xOpen(real_vfs, name, file, flags, out_flags);
  WalFile* f = new (file) WalFile();
  f->base.pMethods = nullptr;
  f->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + kWalFileBytes);
  f->real->pMethods = nullptr;
  const int rc = real_vfs->xOpen(real_vfs, name, f->real, flags, out_flags);
  if (rc != SQLITE_OK) {
    if (f->real->pMethods != nullptr) f->real->pMethods->xClose(f->real);
    f->~WalFile();
    file->pMethods = nullptr;
    return rc;
  }
  f->base.pMethods = &kWalMethods;
  return SQLITE_OK;
}

int Delete(sqlite3_vfs* vfs, const char* name, int sync_dir) {
  return RealVfs(vfs)->xDelete(RealVfs(vfs), name, sync_dir);
}
int Access(sqlite3_vfs* vfs, const char* name, int flags, int* out) {
  return RealVfs(vfs)->xAccess(RealVfs(vfs), name, flags, out);
}
int FullPathname(sqlite3_vfs* vfs, const char* name, int size, char* out) {
  return RealVfs(vfs)->xFullPathname(RealVfs(vfs), name, size, out);
}
void* DlOpen(sqlite3_vfs* vfs, const char* name) { return RealVfs(vfs)->xDlOpen(RealVfs(vfs), name); }
void DlError(sqlite3_vfs* vfs, int size, char* out) { RealVfs(vfs)->xDlError(RealVfs(vfs), size, out); }
void (*DlSym(sqlite3_vfs* vfs, void* handle, const char* symbol))(void) {
  return RealVfs(vfs)->xDlSym(RealVfs(vfs), handle, symbol);
}
void DlClose(sqlite3_vfs* vfs, void* handle) { RealVfs(vfs)->xDlClose(RealVfs(vfs), handle); }
int Randomness(sqlite3_vfs* vfs, int size, char* out) { return RealVfs(vfs)->xRandomness(RealVfs(vfs), size, out); }
int Sleep(sqlite3_vfs* vfs, int microseconds) { return RealVfs(vfs)->xSleep(RealVfs(vfs), microseconds); }
int CurrentTime(sqlite3_vfs* vfs, double* out) { return RealVfs(vfs)->xCurrentTime(RealVfs(vfs), out); }
int GetLastError(sqlite3_vfs* vfs, int size, char* out) {
  return RealVfs(vfs)->xGetLastError(RealVfs(vfs), size, out);
}
int CurrentTimeInt64(sqlite3_vfs* vfs, sqlite3_int64* out) {
  return RealVfs(vfs)->xCurrentTimeInt64(RealVfs(vfs), out);
}
int SetSystemCall(sqlite3_vfs* vfs, const char* name, sqlite3_syscall_ptr call) {
  return RealVfs(vfs)->xSetSystemCall(RealVfs(vfs), name, call);
}
sqlite3_syscall_ptr GetSystemCall(sqlite3_vfs* vfs, const char* name) {
  return RealVfs(vfs)->xGetSystemCall(RealVfs(vfs), name);
}
const char* NextSystemCall(sqlite3_vfs* vfs, const char* name) {
  return RealVfs(vfs)->xNextSystemCall(RealVfs(vfs), name);
}

const char* Register() {
  static sqlite3_vfs vfs{};
  if (sqlite3_initialize() != SQLITE_OK) return nullptr;
  sqlite3_vfs* real = sqlite3_vfs_find(nullptr);
  // Needs the version-3 methods forwarded below (every unix VFS has them).
  if (real == nullptr || real->iVersion < 3) return nullptr;
  vfs.iVersion = 3;
  vfs.szOsFile = static_cast<int>(kWalFileBytes) + real->szOsFile;
  vfs.mxPathname = real->mxPathname;
  vfs.zName = "cn-wal-coalescing";
  vfs.pAppData = real;
  vfs.xOpen = Open;
  vfs.xDelete = Delete;
  vfs.xAccess = Access;
  vfs.xFullPathname = FullPathname;
  vfs.xDlOpen = DlOpen;
  vfs.xDlError = DlError;
  vfs.xDlSym = DlSym;
  vfs.xDlClose = DlClose;
  vfs.xRandomness = Randomness;
  vfs.xSleep = Sleep;
  vfs.xCurrentTime = CurrentTime;
  vfs.xGetLastError = GetLastError;
  vfs.xCurrentTimeInt64 = CurrentTimeInt64;
  vfs.xSetSystemCall = SetSystemCall;
  vfs.xGetSystemCall = GetSystemCall;
  vfs.xNextSystemCall = NextSystemCall;
  if (sqlite3_vfs_register(&vfs, 0) != SQLITE_OK) return nullptr;
  return vfs.zName;
}

}  // namespace

const char* WalCoalescingVfsName() {
  static const char* const name = Register();
  return name;
}

}  // namespace cn
