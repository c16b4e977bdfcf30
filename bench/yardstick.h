// The SQLite yardstick, for benches that read their rate against it
// in the same run: a 3-column table, 10 rows per transaction, WAL with
// synchronous=NORMAL and WalCheckpointer, as sqlite_floor_bench's first
// case. Rows per wall second and per CPU second.
#pragma once

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <type_traits>
#include <utility>

#include "bench/process_usage.h"
#include "pipeline/store/sqlite_handle.h"
#include "pipeline/store/wal_checkpointer.h"

namespace cn::bench {

inline std::pair<double, double> MeasureYardstick(const std::string& path, int transactions) {
  auto check = [](auto r) {
    if (!r) {
      std::fprintf(stderr, "yardstick: %s\n", r.error().c_str());
      std::exit(1);
    }
    if constexpr (!std::is_void_v<typename decltype(r)::value_type>) return std::move(*r);
  };
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  double wall = 0, cpu = 0;
  {
    SqliteDb db = check(SqliteDb::Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
    check(db.Exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                        "CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER, b TEXT);"));
    auto checkpointer = check(WalCheckpointer::Start(db));
    Statement begin = check(db.Prepare("BEGIN IMMEDIATE"));
    Statement commit = check(db.Prepare("COMMIT"));
    Statement insert = check(db.Prepare("INSERT INTO t(a, b) VALUES (?1, ?2)"));
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = CpuSeconds();
    for (int n = 0; n < transactions; ++n) {
      check(begin.Run());
      for (int i = 0; i < 10; ++i) {
        insert.Bind(1, static_cast<int64_t>(i)).BindView(2, "$81,000");
        check(insert.Run());
      }
      check(commit.Run());
    }
    wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    cpu = CpuSeconds() - cpu_start;
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  const double rows = 10.0 * transactions;
  return {rows / wall, rows / cpu};
}

}  // namespace cn::bench
