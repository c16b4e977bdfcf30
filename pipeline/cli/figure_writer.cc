#include "pipeline/cli/figure_writer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "pipeline/cli/csv_writer.h"
#include "pipeline/cli/json_text.h"
#include "pipeline/web/utf8_text.h"

namespace cn {
namespace {

using Json = nlohmann::ordered_json;


std::string FormatNumber(double v) {
  Json j = JsonNumber(v);
  return j.dump();
}

const std::vector<std::string> kColumns = {"kind", "asset", "value", "value_high", "unit", "qualifier",
                                           "direction", "window", "side", "name", "role", "metric", "start",
                                           "end", "text"};

std::vector<std::string> Cells(const Figure& f) {
  return {std::string(ToString(f.kind)), f.asset, FormatNumber(f.value),
          f.value_high ? FormatNumber(*f.value_high) : "", f.unit, std::string(ToString(f.qualifier)),
          std::string(ToString(f.direction)), f.window, std::string(ToString(f.side)), f.name,
          std::string(ToString(f.role)), f.metric,
          std::to_string(f.start), std::to_string(f.end), f.text};
}

// Display width in code points, for aligning the table.
size_t Width(std::string_view s) { return utf8::CodePointCount(s); }

}  // namespace

bool ParseOutputFormat(std::string_view name, OutputFormat* format) {
  if (name == "jsonl") *format = OutputFormat::kJsonl;
  else if (name == "json") *format = OutputFormat::kJson;
  else if (name == "csv") *format = OutputFormat::kCsv;
  else if (name == "table") *format = OutputFormat::kTable;
  else return false;
  return true;
}

std::string FigureToJson(const Figure& f) {
  Json j;
  j["kind"] = std::string(ToString(f.kind));
  j["asset"] = JsonTextOrNull(f.asset);
  j["value"] = JsonNumber(f.value);
  j["value_high"] = f.value_high ? JsonNumber(*f.value_high) : Json(nullptr);
  j["unit"] = f.unit;
  j["qualifier"] = std::string(ToString(f.qualifier));
  j["direction"] = JsonTextOrNull(ToString(f.direction));
  j["window"] = JsonTextOrNull(f.window);
  j["side"] = JsonTextOrNull(ToString(f.side));
  j["name"] = JsonTextOrNull(f.name);
  j["role"] = JsonTextOrNull(ToString(f.role));
  j["metric"] = JsonTextOrNull(f.metric);
  j["start"] = f.start;
  j["end"] = f.end;
  j["text"] = f.text;
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void FigureWriter::Write(const Figure& f) {
  switch (format_) {
    case OutputFormat::kJsonl:
      std::fprintf(out_, "%s\n", FigureToJson(f).c_str());
      break;
    case OutputFormat::kJson:
      std::fprintf(out_, "%s\n  %s", count_ == 0 ? "[" : ",", FigureToJson(f).c_str());
      break;
    case OutputFormat::kCsv: {
      std::string records = count_ == 0 ? CsvRecord(kColumns) : "";
      records += CsvRecord(Cells(f));
      std::fwrite(records.data(), 1, records.size(), out_);
      break;
    }
    case OutputFormat::kTable:
      rows_.push_back(Cells(f));
      break;
  }
  ++count_;
}

void FigureWriter::Finish() {
  if (format_ == OutputFormat::kJson) {
    std::fprintf(out_, "%s]\n", count_ == 0 ? "[" : "\n");
  } else if (format_ == OutputFormat::kTable) {
    // Columns that are empty in every row are left out to keep it readable.
    std::vector<size_t> width(kColumns.size(), 0);
    std::vector<bool> used(kColumns.size(), false);
    for (size_t c = 0; c < kColumns.size(); ++c) width[c] = Width(kColumns[c]);
    for (const auto& row : rows_)
      for (size_t c = 0; c < row.size(); ++c) {
        width[c] = std::max(width[c], Width(row[c]));
        if (!row[c].empty()) used[c] = true;
      }
    auto print_row = [&](const std::vector<std::string>& row) {
      std::string line;
      for (size_t c = 0; c < row.size(); ++c) {
        if (!used[c]) continue;
        line += row[c];
        if (c + 1 < row.size()) line += std::string(width[c] - Width(row[c]) + 2, ' ');
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      std::fprintf(out_, "%s\n", line.c_str());
    };
    if (rows_.empty()) {
      std::fprintf(out_, "(no figures)\n");
    } else {
      print_row(kColumns);
      for (const auto& row : rows_) print_row(row);
      std::fprintf(out_, "%zu figure%s\n", rows_.size(), rows_.size() == 1 ? "" : "s");
    }
  }
  std::fflush(out_);
}

}  // namespace cn
