// FigureWriter: prints figures as JSON Lines, a JSON array, CSV or a
// terminal table, streaming (one figure at a time, nothing buffered but the
// table's rows). CSV is written by csv_writer.h (RFC 4180).
//
// Call order: Write() for each figure, then Finish() once.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/figure.h"

namespace cn {

enum class OutputFormat { kJsonl, kJson, kCsv, kTable };

// Parses "jsonl", "json", "csv", "table"; false if unknown.
bool ParseOutputFormat(std::string_view name, OutputFormat* format);

// One figure as a JSON object with exactly the contract's fields, in order.
std::string FigureToJson(const Figure& f);

class FigureWriter {
 public:
  FigureWriter(std::FILE* out, OutputFormat format) : out_(out), format_(format) {}
  void Write(const Figure& f);
  void Finish();

 private:
  std::FILE* out_;
  OutputFormat format_;
  size_t count_ = 0;
  std::vector<std::vector<std::string>> rows_;  // table only
};

}  // namespace cn
