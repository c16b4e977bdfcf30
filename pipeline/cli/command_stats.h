// `cryptonews stats`: a summary of the database — articles, sources,
// figures per kind, sentiment coverage, extractor versions, the last run.
#pragma once

#include <string>

#include "pipeline/cli/command.h"

namespace cn {

class StatsCommand : public Command {
 public:
  std::string_view Name() const override { return "stats"; }
  std::string_view Summary() const override { return "Summarise the database: articles, figures per kind, last run"; }
  void Setup(CLI::App& sub) override;
  int Run() override;

 private:
  std::string db_path_;
};

}  // namespace cn
