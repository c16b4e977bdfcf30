// RowWriter's CSV and JSON Lines, read back by real parsers: Python's csv
// module and the sqlite3 shell's .import, run by the test on rows written
// through WriteAllRows from a real SQLite file.
#include "pipeline/cli/row_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <vector>

#include "tests/support/temp_dir.h"

namespace cn {
namespace {

using testing::TempDir;

// One value of a SQLite cell, of any storage class.
struct Cell {
  int type = SQLITE_NULL;
  int64_t integer = 0;
  double real = 0;
  std::string bytes;  // text or blob
};

std::string LowerHex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char b : bytes) {
    hex += kDigits[b >> 4];
    hex += kDigits[b & 15];
  }
  return hex;
}

std::string RunAndRead(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (p == nullptr) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

// Records as a reader returned them: each field as its bytes, from lines of
// space-separated "x<hex>" tokens.
std::vector<std::vector<std::string>> ParseHexRecords(const std::string& out) {
  std::vector<std::vector<std::string>> records;
  std::istringstream lines(out);
  std::string line, token;
  while (std::getline(lines, line)) {
    std::vector<std::string> fields;
    std::istringstream tokens(line);
    while (tokens >> token) {
      std::string bytes;
      for (size_t i = 1; i + 1 < token.size(); i += 2) bytes += static_cast<char>(std::stoi(token.substr(i, 2), nullptr, 16));
      fields.push_back(bytes);
    }
    records.push_back(fields);
  }
  return records;
}

std::vector<std::vector<std::string>> ReadWithPython(const std::string& csv_path) {
  const char* script =
      "import csv, sys\n"
      "with open(sys.argv[1], newline='', encoding='utf-8', errors='surrogateescape') as f:\n"
      "    for row in csv.reader(f, strict=True):\n"
      "        print(' '.join('x' + v.encode('utf-8', 'surrogateescape').hex() for v in row))\n";
  return ParseHexRecords(RunAndRead("/usr/bin/python3 -c \"" + std::string(script) + "\" " + csv_path));
}

// .import makes the header line the column names and every field text.
std::vector<std::vector<std::string>> ReadWithSqliteImport(const std::string& csv_path, int columns) {
  std::string select;
  for (int c = 0; c < columns; ++c) select += std::string(c ? " || ' x' || " : "'x' || ") + "lower(hex(c" + std::to_string(c) + "))";
  auto records = ParseHexRecords(RunAndRead("sqlite3 -batch :memory: '.import --csv " + csv_path + " t' \"SELECT " +
                                            select + " FROM t ORDER BY rowid\""));
  return records;
}

Cell RandomCell(std::mt19937_64& rng) {
  static const std::vector<std::string> kPieces = {"a", "Z", "7", " ", ",", "\"", "\r", "\n", "\r\n", std::string(1, '\0'),
                                                   "\t", "\x7f", "é", "€", "😀", "x,y", "\"\"", "null", "-"};
  static const std::vector<double> kReals = {0.1, -2.5, 1e300, -1e-300, 123456.789, 3.0, -0.0,
                                             std::numeric_limits<double>::infinity(),
                                             -std::numeric_limits<double>::infinity(),
                                             std::numeric_limits<double>::quiet_NaN(), 4.9e-324, 1.7976931348623157e308};
  static const std::vector<int64_t> kIntegers = {0, 1, -1, std::numeric_limits<int64_t>::min(),
                                                 std::numeric_limits<int64_t>::max(), 9007199254740993};
  Cell cell;
  switch (std::uniform_int_distribution<int>(0, 5)(rng)) {
    case 0: break;  // NULL
    case 1:
      cell.type = SQLITE_INTEGER;
      cell.integer = rng() % 3 ? static_cast<int64_t>(rng()) : kIntegers[rng() % kIntegers.size()];
      break;
    case 2:
      cell.type = SQLITE_FLOAT;
      cell.real = rng() % 2 ? std::ldexp(std::uniform_real_distribution<double>(-1, 1)(rng), static_cast<int>(rng() % 200) - 100)
                            : kReals[rng() % kReals.size()];
      break;
    case 3:
    case 4: {
      cell.type = SQLITE_TEXT;
      const size_t pieces = rng() % 8;
      for (size_t i = 0; i < pieces; ++i) cell.bytes += kPieces[rng() % kPieces.size()];
      break;
    }
    default: {
      cell.type = SQLITE_BLOB;
      const size_t length = rng() % 9;
      for (size_t i = 0; i < length; ++i) cell.bytes += static_cast<char>(rng() % 256);
    }
  }
  return cell;
}

void Bind(Statement& insert, int index, const Cell& cell) {
  sqlite3_stmt* s = insert.get();
  switch (cell.type) {
    case SQLITE_INTEGER: sqlite3_bind_int64(s, index, cell.integer); break;
    case SQLITE_FLOAT: sqlite3_bind_double(s, index, cell.real); break;
    case SQLITE_TEXT: sqlite3_bind_text(s, index, cell.bytes.data(), static_cast<int>(cell.bytes.size()), SQLITE_TRANSIENT); break;
    case SQLITE_BLOB: sqlite3_bind_blob(s, index, cell.bytes.data(), static_cast<int>(cell.bytes.size()), SQLITE_TRANSIENT); break;
    default: sqlite3_bind_null(s, index);
  }
}

// The field a reader must get back for `cell`; reals are checked by value.
void ExpectField(const Cell& cell, const std::string& field, const std::string& where) {
  switch (cell.type) {
    case SQLITE_INTEGER: EXPECT_EQ(field, std::to_string(cell.integer)) << where; break;
    case SQLITE_FLOAT:
      if (!std::isfinite(cell.real)) {
        EXPECT_EQ(field, "") << where << ": infinities and NaN (stored as NULL) are empty";
      } else {
        char* end = nullptr;
        const double back = std::strtod(field.c_str(), &end);
        EXPECT_TRUE(!field.empty() && *end == '\0') << where << ": '" << field << "'";
        EXPECT_EQ(back, cell.real) << where << ": '" << field << "'";
      }
      break;
    case SQLITE_TEXT: EXPECT_EQ(LowerHex(field), LowerHex(cell.bytes)) << where; break;
    case SQLITE_BLOB: EXPECT_EQ(field, LowerHex(cell.bytes)) << where << ": blobs are lowercase hex"; break;
    default: EXPECT_EQ(field, "") << where;
  }
}

// Writes `rows` into a table, selects them back and prints them through
// WriteAllRows into `csv_path`.
void WriteRows(const std::string& db_path, const std::vector<std::vector<Cell>>& rows, int columns, RowFormat format,
               const std::string& out_path) {
  auto db = SqliteDb::Open(db_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  ASSERT_TRUE(db) << db.error();
  std::string create = "CREATE TABLE t(", insert_sql = "INSERT INTO t VALUES (", names;
  for (int c = 0; c < columns; ++c) {
    create += std::string(c ? ", " : "") + "c" + std::to_string(c);
    insert_sql += std::string(c ? ", " : "") + "?";
  }
  ASSERT_TRUE(db->Exec(create + "); BEGIN"));
  auto insert = db->Prepare(insert_sql + ")");
  ASSERT_TRUE(insert) << insert.error();
  for (const auto& row : rows) {
    for (int c = 0; c < columns; ++c) Bind(*insert, c + 1, row[c]);
    ASSERT_EQ(insert->Step(), SQLITE_DONE) << db->ErrorMessage();
    insert->Reset();
  }
  ASSERT_TRUE(db->Exec("COMMIT"));
  auto select = db->Prepare("SELECT * FROM t ORDER BY rowid");
  ASSERT_TRUE(select) << select.error();
  FILE* out = std::fopen(out_path.c_str(), "wb");
  ASSERT_NE(out, nullptr);
  auto written = WriteAllRows(*select, format, out);
  std::fclose(out);
  ASSERT_TRUE(written) << written.error();
  EXPECT_EQ(*written, rows.size());
}

TEST(RowWriterCsvTest, RandomRowsSurviveARoundTripThroughPythonAndSqliteImport) {
  TempDir dir;
  constexpr int kColumns = 5;
  std::mt19937_64 rng(13);  // fixed: a failure is reproducible
  std::vector<std::vector<Cell>> rows(3000);
  for (auto& row : rows)
    for (int c = 0; c < kColumns; ++c) row.push_back(RandomCell(rng));
  const std::string csv = dir.File("rows.csv");
  WriteRows(dir.File("rows.db"), rows, kColumns, RowFormat::kCsv, csv);
  if (HasFatalFailure()) return;

  auto python = ReadWithPython(csv);
  ASSERT_EQ(python.size(), rows.size() + 1) << "header and one record per row";
  EXPECT_EQ(python[0], (std::vector<std::string>{"c0", "c1", "c2", "c3", "c4"}));
  for (size_t r = 0; r < rows.size(); ++r) {
    ASSERT_EQ(python[r + 1].size(), static_cast<size_t>(kColumns)) << "record " << r;
    for (int c = 0; c < kColumns; ++c)
      ExpectField(rows[r][c], python[r + 1][c], "python row " + std::to_string(r) + " column " + std::to_string(c));
  }

  // The sqlite3 shell binds an imported field as a C string, so it keeps a
  // field only up to its first NUL: a limit of the shell, not of the file.
  auto imported = ReadWithSqliteImport(csv, kColumns);
  ASSERT_EQ(imported.size(), rows.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    ASSERT_EQ(imported[r].size(), static_cast<size_t>(kColumns)) << "record " << r;
    for (int c = 0; c < kColumns; ++c) {
      Cell expected = rows[r][c];
      if (expected.type == SQLITE_TEXT) expected.bytes = expected.bytes.substr(0, expected.bytes.find('\0'));
      ExpectField(expected, imported[r][c], "sqlite3 row " + std::to_string(r) + " column " + std::to_string(c));
    }
  }
}

TEST(RowWriterCsvTest, BlobsAreHexAndInfinitiesAreEmpty) {
  TempDir dir;
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<std::vector<Cell>> rows = {{Cell{SQLITE_BLOB, 0, 0, std::string("\0\xff", 2)}, Cell{SQLITE_FLOAT, 0, inf, ""},
                                          Cell{SQLITE_FLOAT, 0, -inf, ""}, Cell{SQLITE_FLOAT, 0, 2.5, ""}}};
  const std::string csv = dir.File("rows.csv"), jsonl = dir.File("rows.jsonl");
  WriteRows(dir.File("csv.db"), rows, 4, RowFormat::kCsv, csv);
  WriteRows(dir.File("json.db"), rows, 4, RowFormat::kJsonl, jsonl);
  std::ifstream csv_in(csv, std::ios::binary), json_in(jsonl, std::ios::binary);
  std::stringstream csv_text, json_text;
  csv_text << csv_in.rdbuf();
  json_text << json_in.rdbuf();
  EXPECT_EQ(csv_text.str(), "c0,c1,c2,c3\r\n00ff,,,2.5\r\n");
  EXPECT_EQ(json_text.str(), "{\"c0\":\"00ff\",\"c1\":null,\"c2\":null,\"c3\":2.5}\n");
}

TEST(RowWriterCsvTest, AnEmptyFieldAloneInItsRecordIsQuoted) {
  TempDir dir;
  const std::string csv = dir.File("rows.csv");
  WriteRows(dir.File("rows.db"), {{Cell{SQLITE_TEXT, 0, 0, ""}}, {Cell{}}}, 1, RowFormat::kCsv, csv);
  auto python = ReadWithPython(csv);
  ASSERT_EQ(python.size(), 3u);
  EXPECT_EQ(python[1], std::vector<std::string>{""}) << "an empty line is a record of no fields to a reader";
  EXPECT_EQ(python[2], std::vector<std::string>{""});
}

}  // namespace
}  // namespace cn
