// WriteAllRows: prints the rows of any SQLite statement as a terminal table,
// CSV (RFC 4180, header line first) or JSON Lines (one object per row, keys
// = column names, SQL NULL → null), for `query` and `export`.
//
// CSV and JSON Lines stream row by row; the table buffers its rows to align
// them (meant for the screen, not for millions of rows).
//
// Call order: WriteAllRows() once per statement. Not thread-safe.
#pragma once

#include <cstdio>
#include <expected>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "pipeline/store/sqlite_handle.h"

namespace cn {

enum class RowFormat { kTable, kCsv, kJsonl };

// "table", "csv", "jsonl"; false if unknown.
bool ParseRowFormat(std::string_view name, RowFormat* format);

// The cell formatting both writers (this and figure_writer.h) use:
// One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF,
// with quotes doubled; as it is otherwise.
std::string CsvField(std::string_view s);
// A number as JSON: whole numbers without a fraction (1950000000, not
// 1.95e+09), others as nlohmann::json prints them.
nlohmann::ordered_json NumberJson(double v);
// Display width in code points, for aligning table columns.
size_t DisplayWidth(std::string_view s);

// Steps `stmt` to the end, printing each row. Returns the number of rows,
// or SQLite's message when a step fails.
std::expected<size_t, std::string> WriteAllRows(Statement& stmt, RowFormat format, std::FILE* out);

}  // namespace cn
