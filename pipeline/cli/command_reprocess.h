// `cryptonews reprocess`: re-run the current extractors (and sentiment) over
// stored article text where the stored version differs, replacing each
// article's figures in one transaction. No network.
#pragma once

#include <string>

#include "pipeline/cli/command.h"

namespace cn {

class ReprocessCommand : public Command {
 public:
  std::string_view Name() const override { return "reprocess"; }
  std::string_view Summary() const override {
    return "Re-extract figures and sentiment from stored text where the extractor version changed";
  }
  void Setup(CLI::App& sub) override;
  int Run() override;

 private:
  std::string db_path_;
  bool all_ = false;
  bool quiet_ = false;
  bool verbose_ = false;
};

}  // namespace cn
