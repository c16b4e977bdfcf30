// `cryptonews query NAME | --sql "..."`: named reports or read-only SQL over
// the database, as a table, CSV or JSON Lines.
#pragma once

#include <string>

#include "pipeline/cli/command.h"
#include "pipeline/store/read_only_db.h"

namespace cn {

class QueryCommand : public Command {
 public:
  std::string_view Name() const override { return "query"; }
  std::string_view Summary() const override {
    return "Run a named report or read-only SQL on the database (table, CSV, JSON Lines)";
  }
  void Setup(CLI::App& sub) override;
  int Run() override;

 private:
  std::string report_;
  std::string sql_;
  std::string db_path_;
  std::string format_ = "table";
  int limit_ = 0;  // 0: not given (a named report then prints kDefaultReportRows)
  bool list_ = false;
  bool all_metrics_ = false;
  int64_t timeout_seconds_ = kDefaultQueryTimeout.count();
  int64_t max_memory_mib_ = kDefaultQueryMemoryMiB;
};

}  // namespace cn
