// `cryptonews sentiment`: sentiment of an article (score, label, per-asset
// scores, key sentences; with --explain the evidence behind each) as JSON, or
// with --lines of one text per input line as JSON Lines.
#pragma once

#include <string>

#include "pipeline/cli/command.h"

namespace cn {

class SentimentCommand : public Command {
 public:
  std::string_view Name() const override { return "sentiment"; }
  std::string_view Summary() const override {
    return "Score sentiment of an article (overall, per asset) or of one text per line";
  }
  void Setup(CLI::App& sub) override;
  int Run() override;

 private:
  int RunLines();
  int RunArticle();

  std::string input_ = "-";
  bool lines_ = false;
  bool explain_ = false;
};

}  // namespace cn
