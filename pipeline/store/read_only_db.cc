#include "pipeline/store/read_only_db.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "pipeline/store/schema_migrations.h"
#include "pipeline/web/ascii_text.h"

namespace cn {
namespace {

namespace fs = std::filesystem;

// PRAGMAs that only report, whatever their argument (a table or index name,
// a row limit for integrity_check).
constexpr std::array<std::string_view, 16> kReportingPragmas = {
    "table_info",  "table_xinfo",       "table_list",      "index_list",     "index_info",  "index_xinfo",
    "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check", "database_list", "collation_list",
    "function_list", "module_list",     "pragma_list",     "compile_options"};
// PRAGMAs that report a value when given no argument (and set it with one).
constexpr std::array<std::string_view, 13> kValuePragmas = {
    "user_version", "schema_version", "application_id", "page_count", "page_size",   "freelist_count", "journal_mode",
    "encoding",     "data_version",   "auto_vacuum",    "cache_size", "foreign_keys", "max_page_count"};

bool PragmaOnlyReads(const char* name, const char* argument) {
  if (name == nullptr) return false;
  for (std::string_view p : kReportingPragmas)
    if (ascii::EqualsNoCase(p, name)) return true;
  if (argument != nullptr) return false;
  for (std::string_view p : kValuePragmas)
    if (ascii::EqualsNoCase(p, name)) return true;
  return false;
}

std::string ActionName(int action, const char* a, const char* b) {
  auto text = [](const char* s) { return std::string(s ? s : ""); };
  switch (action) {
    case SQLITE_INSERT: return "INSERT into " + text(a);
    case SQLITE_UPDATE: return "UPDATE of " + text(a);
    case SQLITE_DELETE: return "DELETE from " + text(a);
    case SQLITE_ATTACH: return "ATTACH (also used by VACUUM INTO) of '" + text(a) + "'";
    case SQLITE_DETACH: return "DETACH";
    case SQLITE_TRANSACTION: return "BEGIN/COMMIT/ROLLBACK";
    case SQLITE_SAVEPOINT: return "SAVEPOINT";
    case SQLITE_ALTER_TABLE: return "ALTER TABLE";
    case SQLITE_ANALYZE: return "ANALYZE";
    case SQLITE_REINDEX: return "REINDEX";
    case SQLITE_PRAGMA: return "PRAGMA " + text(a) + (b ? " = " + text(b) : "");
    case SQLITE_CREATE_INDEX: case SQLITE_CREATE_TABLE: case SQLITE_CREATE_TEMP_INDEX:
    case SQLITE_CREATE_TEMP_TABLE: case SQLITE_CREATE_TEMP_TRIGGER: case SQLITE_CREATE_TEMP_VIEW:
    case SQLITE_CREATE_TRIGGER: case SQLITE_CREATE_VIEW: case SQLITE_CREATE_VTABLE:
      return "CREATE " + text(a);
    case SQLITE_DROP_INDEX: case SQLITE_DROP_TABLE: case SQLITE_DROP_TEMP_INDEX: case SQLITE_DROP_TEMP_TABLE:
    case SQLITE_DROP_TEMP_TRIGGER: case SQLITE_DROP_TEMP_VIEW: case SQLITE_DROP_TRIGGER: case SQLITE_DROP_VIEW:
    case SQLITE_DROP_VTABLE:
      return "DROP " + text(a);
  }
  return "action " + std::to_string(action);
}

// True when the file is an SQLite database whose header says WAL mode.
bool HeaderSaysWal(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::array<char, 20> header{};
  if (!in.read(header.data(), header.size())) return false;
  return std::memcmp(header.data(), "SQLite format 3", 16) == 0 && header[18] == 2 && header[19] == 2;
}

bool Exists(const std::string& path) {
  std::error_code ec;
  return fs::exists(path, ec);
}

uintmax_t SizeOf(const std::string& path) {
  std::error_code ec;
  uintmax_t size = fs::file_size(path, ec);
  return ec ? 0 : size;
}

}  // namespace

struct ReadOnlyDatabase::State {
  SqliteDb db;
  std::string path;
  ReadOnlyLimits limits;
  std::chrono::steady_clock::time_point deadline;
  bool timed_out = false;
  std::string refused;             // the last action the authorizer refused
  bool remove_files_on_close = false;  // this open created the -wal/-shm files

  static int Authorize(void* self, int action, const char* a, const char* b, const char*, const char*) {
    switch (action) {
      case SQLITE_SELECT:
      case SQLITE_READ:
      case SQLITE_FUNCTION:
      case SQLITE_RECURSIVE:
        return SQLITE_OK;
      case SQLITE_PRAGMA:
        if (PragmaOnlyReads(a, b)) return SQLITE_OK;
        break;
      case SQLITE_UPDATE:
        // SQLite asks this while it sets up a table-valued function
        // (json_each, pragma_table_info); a real UPDATE of the schema table
        // is refused by SQLite itself, and by the read-only open.
        if (a != nullptr && (ascii::EqualsNoCase(a, "sqlite_master") || ascii::EqualsNoCase(a, "sqlite_schema"))) return SQLITE_OK;
        break;
    }
    static_cast<State*>(self)->refused = ActionName(action, a, b);
    return SQLITE_DENY;
  }

  static int OnProgress(void* self) {
    auto* state = static_cast<State*>(self);
    if (std::chrono::steady_clock::now() < state->deadline) return 0;
    state->timed_out = true;
    return 1;  // interrupts the statement (SQLITE_INTERRUPT)
  }
};

ReadOnlyDatabase::ReadOnlyDatabase(std::unique_ptr<State> state) : state_(std::move(state)) {}
ReadOnlyDatabase::ReadOnlyDatabase(ReadOnlyDatabase&&) noexcept = default;
ReadOnlyDatabase& ReadOnlyDatabase::operator=(ReadOnlyDatabase&&) noexcept = default;

ReadOnlyDatabase::~ReadOnlyDatabase() {
  if (!state_) return;
  state_->db = SqliteDb();  // closes the read-only connection first
  if (!state_->remove_files_on_close) return;
  // A read-only connection cannot delete the -wal and -shm files it made
  // SQLite create. A read-write connection that only reads can: when it is
  // the last connection, its close checkpoints (nothing) and removes them;
  // when another process still uses the database, SQLite leaves them.
  if (auto rw = SqliteDb::Open(state_->path, SQLITE_OPEN_READWRITE)) (void)rw->QueryInt("PRAGMA user_version");
}

SqliteDb& ReadOnlyDatabase::db() { return state_->db; }

std::expected<ReadOnlyDatabase, std::string> ReadOnlyDatabase::Open(const std::string& path, ReadOnlyLimits limits) {
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status))
    return std::unexpected(path + ": no such database; create it with 'cryptonews ingest --db " + path + "'");
  if (fs::is_directory(status)) return std::unexpected(path + ": is a directory, not a database file");
  if (!fs::is_regular_file(status)) return std::unexpected(path + ": is not a regular file");
  if (access(path.c_str(), R_OK) != 0)
    return std::unexpected(path + ": cannot read the database file: " + std::strerror(errno));
  std::string dir = fs::path(path).parent_path().string();
  if (dir.empty()) dir = ".";
  const bool dir_writable = access(dir.c_str(), W_OK) == 0;
  const bool file_writable = access(path.c_str(), W_OK) == 0;

  // Where SQLite would have to create files it cannot, decide before opening.
  const std::string wal = path + "-wal", shm = path + "-shm";
  bool immutable = false;
  bool created_files = false;
  if (HeaderSaysWal(path)) {
    const bool wal_exists = Exists(wal), shm_exists = Exists(shm);
    if (dir_writable) {
      created_files = !wal_exists;
    } else if (!wal_exists || (SizeOf(wal) == 0 && !shm_exists)) {
      // No log to read and no writer running (a writer keeps both files
      // while it has the database open): the file alone is the database.
      immutable = true;
    } else if (!shm_exists) {
      return std::unexpected(path + ": its write-ahead log " + wal + " holds data but " + shm +
                             " is missing, and " + dir +
                             " is not writable, so SQLite cannot build the index it needs to read the log; "
                             "run any cryptonews command on it once as a user who can write " + dir +
                             ", or copy the database and its -wal file to a writable directory");
    }
  }

  if (limits.memory_bytes > 0) sqlite3_hard_heap_limit64(limits.memory_bytes);
  auto state = std::make_unique<State>();
  state->path = path;
  state->limits = limits;
  for (int attempt = 0;; ++attempt) {
    auto db = immutable ? SqliteDb::Open(path, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, SqliteFileUri(path, "immutable=1"))
                        : SqliteDb::Open(path, SQLITE_OPEN_READONLY);
    if (!db) return std::unexpected(db.error());
    state->db = std::move(*db);
    sqlite3* raw = state->db.get();
    sqlite3_set_authorizer(raw, &State::Authorize, state.get());
    if (limits.timeout.count() > 0) {
      state->deadline = std::chrono::steady_clock::now() + limits.timeout;
      sqlite3_progress_handler(raw, 10000, &State::OnProgress, state.get());
    }
    auto readable = CheckReadableVersion(state->db);
    if (readable) break;
    if (sqlite3_extended_errcode(raw) != SQLITE_READONLY_ROLLBACK) return std::unexpected(readable.error());
    // A hot journal: a writer died in the middle of a transaction, and the
    // file holds half of it until the journal is played back.
    const std::string journal = path + "-journal";
    if (attempt > 0 || !dir_writable || !file_writable)
      return std::unexpected(path + ": " + journal +
                             " is a hot journal left by a writer that stopped in the middle of a transaction; "
                             "SQLite must roll it back before the database can be read, which needs write access "
                             "to " + (file_writable ? dir : path) +
                             "; run any cryptonews command on it once as a user who can write there");
    state->db = SqliteDb();
    auto rw = SqliteDb::Open(path, SQLITE_OPEN_READWRITE);
    if (!rw) return std::unexpected(rw.error());
    if (auto v = rw->QueryInt("PRAGMA schema_version"); !v)
      return std::unexpected(path + ": cannot roll back the hot journal " + journal + ": " + v.error());
  }
  state->remove_files_on_close = created_files;
  return ReadOnlyDatabase(std::move(state));
}

std::expected<Statement, std::string> ReadOnlyDatabase::PrepareSingle(std::string_view sql) {
  state_->refused.clear();
  sqlite3* raw = state_->db.get();
  sqlite3_stmt* first = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v3(raw, sql.data(), static_cast<int>(sql.size()), 0, &first, &tail);
  if (rc != SQLITE_OK) return std::unexpected(DescribeFailure());
  if (first == nullptr) return std::unexpected(std::string("empty SQL statement"));
  Statement statement(first);
  const char* end = sql.data() + sql.size();
  if (tail != nullptr && tail < end) {
    // What follows may be spaces and comments only: preparing it yields no
    // statement. Anything else is a second statement, refused unrun.
    sqlite3_stmt* second = nullptr;
    int next_rc = sqlite3_prepare_v3(raw, tail, static_cast<int>(end - tail), 0, &second, nullptr);
    if (second != nullptr || next_rc != SQLITE_OK) {
      sqlite3_finalize(second);
      state_->refused.clear();
      return std::unexpected(std::string("the SQL holds more than one statement; give exactly one (nothing was run)"));
    }
  }
  if (!sqlite3_stmt_readonly(first))
    return std::unexpected(std::string("refused: the statement would write, and the database is open for reading only"));
  return statement;
}

std::string ReadOnlyDatabase::DescribeFailure() const {
  if (state_->timed_out)
    return "stopped at the time limit of " +
           std::to_string(std::chrono::duration_cast<std::chrono::seconds>(state_->limits.timeout).count()) + " s";
  sqlite3* raw = state_->db.get();
  if (state_->limits.memory_bytes > 0 && (sqlite3_errcode(raw) & 0xff) == SQLITE_NOMEM)
    return "stopped at the memory limit of " + std::to_string(state_->limits.memory_bytes >> 20) + " MiB";
  if (!state_->refused.empty())
    return "refused: " + state_->refused + " is not allowed; the database is open for reading only";
  return state_->db.ErrorMessage();
}

}  // namespace cn
