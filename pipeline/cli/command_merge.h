// `cryptonews merge --db OUT.db SHARD.db...`: shard databases (one per WARC
// file of a cluster run) joined into one; store/shard_merge.h says how.
#pragma once

#include <string>
#include <vector>

#include "pipeline/cli/command.h"

namespace cn {

class MergeCommand : public Command {
 public:
  std::string_view Name() const override { return "merge"; }
  std::string_view Summary() const override { return "Merge shard databases (from warc runs) into one"; }
  void Setup(CLI::App& sub) override;
  int Run() override;

 private:
  std::string db_path_;
  std::vector<std::string> shards_;
  bool quiet_ = false;
};

}  // namespace cn
