// `cryptonews sources`: lists the sources file, or with --check validates it
// (syntax, keys, URLs, local files present, no feed listed twice).
#pragma once

#include <string>

#include "pipeline/cli/command.h"

namespace cn {

class SourcesCommand : public Command {
 public:
  std::string_view Name() const override { return "sources"; }
  std::string_view Summary() const override { return "List or check the sources file (feeds and sitemaps to crawl)"; }
  void Setup(CLI::App& sub) override;
  int Run() override;

 private:
  std::string path_;
  std::string format_ = "table";
  bool check_ = false;
};

}  // namespace cn
