// `cryptonews extract`: article text in, one record per figure out.
#pragma once

#include <string>

#include "pipeline/cli/command.h"

namespace cn {

class ExtractCommand : public Command {
 public:
  std::string_view Name() const override { return "extract"; }
  std::string_view Summary() const override {
    return "Extract typed figures (prices, liquidations, % moves, ...) from article text";
  }
  void Setup(CLI::App& sub) override;
  int Run() override;

 private:
  std::string format_ = "table";
  std::string input_ = "-";
  bool html_ = false;
};

}  // namespace cn
