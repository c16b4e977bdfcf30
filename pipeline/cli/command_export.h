// `cryptonews export`: every figure joined with its article's URL, title,
// source and published time, as JSON Lines or CSV, for other tools; filtered
// by time, asset, source and kind, and incrementally (--after-id, --cursor)
// for a tool that polls.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/cli/command.h"

namespace cn {

class ExportCommand : public Command {
 public:
  std::string_view Name() const override { return "export"; }
  std::string_view Summary() const override {
    return "Export stored figures with their article URL, title, source and time (JSON Lines, CSV)";
  }
  void Setup(CLI::App& sub) override;
  int Run() override;

 private:
  std::string db_path_;
  std::string format_ = "jsonl";
  std::string since_;
  std::string until_;
  std::vector<std::string> kinds_;
  std::vector<std::string> assets_;
  std::vector<std::string> sources_;
  int64_t after_id_ = -1;  // -1: not given
  std::string cursor_path_;
};

}  // namespace cn
