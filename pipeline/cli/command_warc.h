// `cryptonews warc`: WARC files (CC-NEWS and the like) through the article
// parser, extractor and sentiment, into the database in bulk or out as
// JSON Lines — a filter per shard for engines that spread shards over
// machines (scripts/cluster-ingest, Hadoop streaming, Spark pipe()).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/cli/command.h"

namespace cn {

class WarcCommand : public Command {
 public:
  std::string_view Name() const override { return "warc"; }
  std::string_view Summary() const override {
    return "Read WARC files (CC-NEWS) into the database in bulk, or print their articles as JSON Lines";
  }
  void Setup(CLI::App& sub) override;
  int Run() override;

 private:
  std::vector<std::string> inputs_;
  std::string db_path_;
  std::string format_;
  std::string hosts_path_;
  std::string sources_path_;
  std::string user_agent_;
  std::string contact_;
  bool only_crypto_ = false;
  bool all_ = false;
  bool from_start_ = false;
  int batch_articles_ = 200;
  int batch_ms_ = 250;
  int64_t max_record_bytes_ = 0;
  bool quiet_ = false;
  bool verbose_ = false;
  bool allow_private_ = false;
};

}  // namespace cn
