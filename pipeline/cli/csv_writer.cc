#include "pipeline/cli/csv_writer.h"

#include <algorithm>

namespace cn {
namespace {

bool NeedsQuotes(std::string_view field) {
  if (!field.empty() && (field.front() == ' ' || field.back() == ' ')) return true;
  return std::any_of(field.begin(), field.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return c == ',' || c == '"' || byte < 0x20 || byte == 0x7F;
  });
}

}  // namespace

void AppendCsvField(std::string& record, std::string_view field) {
  if (!NeedsQuotes(field)) {
    record += field;
    return;
  }
  record += '"';
  for (char c : field) {
    if (c == '"') record += '"';
    record += c;
  }
  record += '"';
}

std::string CsvRecord(std::span<const std::string> fields) {
  std::string record;
  if (fields.size() == 1 && fields[0].empty()) return "\"\"\r\n";
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) record += ',';
    AppendCsvField(record, fields[i]);
  }
  return record + "\r\n";
}

}  // namespace cn
