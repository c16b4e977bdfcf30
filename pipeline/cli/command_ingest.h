// `cryptonews ingest`: the nightly job. Crawl the sources, parse, extract
// figures and sentiment, and store each article in its own transaction.
#pragma once

#include <cstdint>
#include <string>

#include "pipeline/cli/command.h"

namespace cn {

class IngestCommand : public Command {
 public:
  std::string_view Name() const override { return "ingest"; }
  std::string_view Summary() const override {
    return "Crawl the sources and store articles, figures and sentiment in SQLite (the nightly job)";
  }
  void Setup(CLI::App& sub) override;
  int Run() override;

 private:
  std::string sources_path_;
  std::string db_path_;
  std::string since_;
  int max_articles_ = 0;  // 0: each source's max_articles in the sources file
  bool quiet_ = false;
  bool verbose_ = false;
  bool allow_private_ = false;
  int politeness_ms_ = -1;
  std::string user_agent_;
  std::string contact_;
};

}  // namespace cn
