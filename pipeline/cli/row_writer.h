// RowWriter: prints the rows of any SQLite statement as a terminal table,
// CSV (RFC 4180, header line first) or JSON Lines (one object per row, keys
// = column names, SQL NULL → null), for `query` and `export`.
//
// CSV and JSON Lines stream row by row; the table buffers its rows to align
// them (meant for the screen, not for millions of rows).
//
// Call order: WriteAll() once per statement. Not thread-safe.
#pragma once

#include <cstdio>
#include <expected>
#include <string>
#include <string_view>

#include "pipeline/store/sqlite_handle.h"

namespace cn {

enum class RowFormat { kTable, kCsv, kJsonl };

// "table", "csv", "jsonl"; false if unknown.
bool ParseRowFormat(std::string_view name, RowFormat* format);

// Steps `stmt` to the end, printing each row. Returns the number of rows,
// or SQLite's message when a step fails.
std::expected<size_t, std::string> WriteAllRows(Statement& stmt, RowFormat format, std::FILE* out);

}  // namespace cn
