// WriteAllRows: prints the rows of any SQLite statement as a terminal table,
// CSV (RFC 4180 through csv_writer.h, header record first) or JSON Lines (one
// object per row, keys = column names), for `query` and `export`.
//
// Values: SQL NULL is an empty CSV field and JSON null; +/-infinity (SQLite
// stores NaN as NULL) is an empty CSV field and JSON null too, never the
// text "null"; a blob is lowercase hex, two digits per byte ("00ff"), in CSV
// and as a JSON string; whole reals print without a fraction (1950000000).
// Bytes are written as they are, NUL included.
//
// CSV and JSON Lines stream row by row; the table buffers its rows to align
// them (meant for the screen, not for millions of rows).
//
// Call order: WriteAllRows() once per statement. Not thread-safe.
#pragma once

#include <cstdint>
#include <cstdio>
#include <expected>
#include <string>
#include <string_view>

#include "pipeline/store/sqlite_handle.h"

namespace cn {

enum class RowFormat { kTable, kCsv, kJsonl };

// "table", "csv", "jsonl"; false if unknown.
bool ParseRowFormat(std::string_view name, RowFormat* format);

// Steps `stmt` to the end, or until `max_rows` rows are printed, printing
// each row. Returns the number of rows, or SQLite's message when a step fails.
std::expected<size_t, std::string> WriteAllRows(Statement& stmt, RowFormat format, std::FILE* out,
                                                size_t max_rows = SIZE_MAX);

}  // namespace cn
