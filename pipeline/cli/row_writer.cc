#include "pipeline/cli/row_writer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "pipeline/cli/csv_writer.h"
#include "pipeline/cli/json_text.h"
#include "pipeline/web/utf8_text.h"

namespace cn {
namespace {

using Json = nlohmann::ordered_json;


// A blob has no text form of its own: it is written as lowercase hex, two
// digits per byte, in every format.
std::string BlobHex(const Statement& s, int col) {
  static constexpr char kDigits[] = "0123456789abcdef";
  const auto* bytes = static_cast<const unsigned char*>(sqlite3_column_blob(s.get(), col));
  const int size = sqlite3_column_bytes(s.get(), col);
  std::string hex;
  hex.reserve(static_cast<size_t>(size) * 2);
  for (int i = 0; i < size; ++i) {
    hex += kDigits[bytes[i] >> 4];
    hex += kDigits[bytes[i] & 15];
  }
  return hex;
}

Json CellJson(const Statement& s, int col) {
  switch (s.ColumnType(col)) {
    case SQLITE_INTEGER: return Json(s.ColumnInt(col));
    case SQLITE_FLOAT: return JsonNumber(s.ColumnDouble(col));  // infinities print as null
    case SQLITE_NULL: return Json(nullptr);
    case SQLITE_BLOB: return Json(BlobHex(s, col));
    default: return Json(std::string(s.ColumnText(col)));
  }
}

// A cell as CSV holds it: NULL, infinities and NaN are empty fields.
std::string CellText(const Statement& s, int col) {
  switch (s.ColumnType(col)) {
    case SQLITE_INTEGER: return std::to_string(s.ColumnInt(col));
    case SQLITE_FLOAT: {
      const double v = s.ColumnDouble(col);
      return std::isfinite(v) ? JsonNumber(v).dump() : "";
    }
    case SQLITE_NULL: return "";
    case SQLITE_BLOB: return BlobHex(s, col);
    default: return std::string(s.ColumnText(col));
  }
}

// A cell on the screen: infinities are spelled out.
std::string CellDisplay(const Statement& s, int col) {
  if (s.ColumnType(col) == SQLITE_FLOAT && !std::isfinite(s.ColumnDouble(col))) {
    const double v = s.ColumnDouble(col);
    return std::isnan(v) ? "nan" : v > 0 ? "inf" : "-inf";
  }
  return CellText(s, col);
}

void WriteBytes(std::FILE* out, const std::string& bytes) { std::fwrite(bytes.data(), 1, bytes.size(), out); }

// Display width in code points; table cells are cut to keep lines readable.
size_t Width(std::string_view s) { return utf8::CodePointCount(s); }

std::string Clip(std::string s, size_t max_code_points) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  if (Width(s) <= max_code_points) return s;
  return s.substr(0, utf8::ByteOffsetOfCodePoint(s, max_code_points > 0 ? max_code_points - 1 : 0)) + "…";  // the ellipsis is the last column
}

}  // namespace

bool ParseRowFormat(std::string_view name, RowFormat* format) {
  if (name == "table") *format = RowFormat::kTable;
  else if (name == "csv") *format = RowFormat::kCsv;
  else if (name == "jsonl") *format = RowFormat::kJsonl;
  else return false;
  return true;
}

std::expected<size_t, std::string> WriteAllRows(Statement& stmt, RowFormat format, std::FILE* out,
                                                size_t max_rows) {
  const int columns = stmt.ColumnCount();
  std::vector<std::string> names;
  for (int c = 0; c < columns; ++c) names.emplace_back(stmt.ColumnName(c));
  std::vector<std::vector<std::string>> table;
  if (format == RowFormat::kCsv && columns > 0) WriteBytes(out, CsvRecord(names));
  size_t rows = 0;
  int rc = SQLITE_DONE;
  // At max_rows the statement is not stepped again: the rest is never read.
  while ((rc = rows < max_rows ? stmt.Step() : SQLITE_DONE) == SQLITE_ROW) {
    ++rows;
    if (format == RowFormat::kJsonl) {
      Json j = Json::object();
      for (int c = 0; c < columns; ++c) j[names[c]] = CellJson(stmt, c);
      WriteBytes(out, j.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n");
    } else if (format == RowFormat::kCsv) {
      std::vector<std::string> fields;
      for (int c = 0; c < columns; ++c) fields.push_back(CellText(stmt, c));
      WriteBytes(out, CsvRecord(fields));
    } else {
      std::vector<std::string> row;
      for (int c = 0; c < columns; ++c) row.push_back(Clip(CellDisplay(stmt, c), 60));
      table.push_back(std::move(row));
    }
  }
  if (rc != SQLITE_DONE) {
    std::fflush(out);
    return std::unexpected(std::string(sqlite3_errmsg(sqlite3_db_handle(stmt.get()))));
  }
  if (format == RowFormat::kTable && columns > 0) {
    std::vector<size_t> width(columns);
    for (int c = 0; c < columns; ++c) width[c] = Width(names[c]);
    for (const auto& row : table)
      for (int c = 0; c < columns; ++c) width[c] = std::max(width[c], Width(row[c]));
    auto print_row = [&](const std::vector<std::string>& row) {
      std::string line;
      for (int c = 0; c < columns; ++c) {
        line += row[c];
        if (c + 1 < columns) line += std::string(width[c] - Width(row[c]) + 2, ' ');
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      WriteBytes(out, line + "\n");
    };
    print_row(names);
    for (const auto& row : table) print_row(row);
    std::fprintf(out, "(%zu row%s)\n", rows, rows == 1 ? "" : "s");
  }
  std::fflush(out);
  return rows;
}

}  // namespace cn
