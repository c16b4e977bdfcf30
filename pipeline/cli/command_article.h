// `cryptonews article`: shows what the article parser makes of one page —
// metadata and main text — as one JSON object or as readable text.
#pragma once

#include <string>

#include "pipeline/cli/command.h"

namespace cn {

class ArticleCommand : public Command {
 public:
  std::string_view Name() const override { return "article"; }
  std::string_view Summary() const override {
    return "Show the main text and metadata the parser extracts from one HTML page";
  }
  void Setup(CLI::App& sub) override;
  int Run() override;

 private:
  std::string format_ = "json";
  std::string input_;
  std::string url_;
  std::string charset_;
};

}  // namespace cn
