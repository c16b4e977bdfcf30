// `cryptonews crawl`: crawls the sources and prints one JSON line per page
// (fetched, failed or skipped) without storing anything. A debugging and
// benchmarking aid; `ingest` is the command that stores articles.
#pragma once

#include <string>
#include <vector>

#include "pipeline/cli/command.h"

namespace cn {

class CrawlCommand : public Command {
 public:
  std::string_view Name() const override { return "crawl"; }
  std::string_view Summary() const override {
    return "Fetch feeds, sitemaps and article pages; print one JSON line per page (stores nothing)";
  }
  void Setup(CLI::App& sub) override;
  int Run() override;

 private:
  std::string sources_path_;
  std::vector<std::string> only_;
  int max_articles_ = 0;
  std::string since_;
  bool allow_private_ = false;
  int politeness_ms_ = -1;
  int concurrency_ = 16;
  int per_host_ = 2;
  int timeout_ms_ = 30000;
  int connect_timeout_ms_ = 10000;
  int max_tries_ = 3;
  size_t max_body_bytes_ = 10u << 20;
  std::string user_agent_;
  std::string contact_;
  bool quiet_ = false;
};

}  // namespace cn
