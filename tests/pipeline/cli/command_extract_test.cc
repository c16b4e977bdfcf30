// Golden and bad-input tests for `cryptonews extract`, run on the real binary.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "tests/support/run_binary.h"

namespace cn {
namespace {

namespace fs = std::filesystem;
using testing::RunBinary;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Code points of a UTF-8 string, so offsets can be checked independently.
std::u32string CodePoints(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : c & (0xFF >> (n + 1));
    for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

std::string Utf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) {
    if (c < 0x80) out += static_cast<char>(c);
    else if (c < 0x800) out += static_cast<char>(0xC0 | (c >> 6)), out += static_cast<char>(0x80 | (c & 0x3F));
    else if (c < 0x10000)
      out += static_cast<char>(0xE0 | (c >> 12)), out += static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
          out += static_cast<char>(0x80 | (c & 0x3F));
    else
      out += static_cast<char>(0xF0 | (c >> 18)), out += static_cast<char>(0x80 | ((c >> 12) & 0x3F)),
          out += static_cast<char>(0x80 | ((c >> 6) & 0x3F)), out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

fs::path FixtureDir() { return fs::path(CRYPTONEWS_SOURCE_DIR) / "fixtures" / "extract"; }

TEST(ExtractCommandTest, GoldenFixturesMatchAndEvidenceIsTheTextSlice) {
  int fixtures = 0;
  for (const auto& entry : fs::directory_iterator(FixtureDir())) {
    if (entry.path().extension() != ".txt") continue;
    ++fixtures;
    fs::path expected = entry.path();
    expected.replace_extension(".expected.jsonl");
    auto r = RunBinary("extract --format jsonl " + entry.path().string(), false);
    ASSERT_EQ(r.exit_code, 0) << entry.path();
    EXPECT_EQ(r.out, ReadFile(expected)) << "golden output differs for " << entry.path()
                                         << "; regenerate only after checking the change is right";
    const std::u32string text = CodePoints(ReadFile(entry.path()));
    std::istringstream lines(r.out);
    std::string line;
    int records = 0;
    while (std::getline(lines, line)) {
      auto j = nlohmann::json::parse(line);
      ++records;
      for (const char* field : {"kind", "asset", "value", "value_high", "unit", "qualifier", "direction",
                                "window", "side", "name", "role", "metric", "start", "end", "text"})
        EXPECT_TRUE(j.contains(field)) << field;
      size_t start = j["start"], end = j["end"];
      ASSERT_LE(end, text.size());
      EXPECT_EQ(Utf8(text.substr(start, end - start)), j["text"].get<std::string>());
    }
    EXPECT_GT(records, 5) << entry.path();
  }
  EXPECT_GE(fixtures, 3);
}

TEST(ExtractCommandTest, MissingFileIsAClearErrorWithExitTwo) {
  auto r = RunBinary("extract /nonexistent/article.txt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("/nonexistent/article.txt"), std::string::npos) << r.out;
}

TEST(ExtractCommandTest, DirectoryIsRefused) {
  auto r = RunBinary("extract " + FixtureDir().string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("directory"), std::string::npos) << r.out;
}

TEST(ExtractCommandTest, BinaryDataIsRefused) {
  fs::path p = fs::temp_directory_path() / "cryptonews_binary_input.bin";
  {
    std::ofstream out(p, std::ios::binary);
    out << std::string("\x7f" "ELF\0\0\x01\x02", 8) << "$5 million";
  }
  auto r = RunBinary("extract " + p.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("binary"), std::string::npos) << r.out;
  fs::remove(p);
}

TEST(ExtractCommandTest, EmptyInputGivesNoFiguresAndExitZero) {
  auto r = RunBinary("extract --format jsonl - < /dev/null", false);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
}

TEST(ExtractCommandTest, InvalidUtf8IsReplacedWithOneWarningNamingTheOffset) {
  fs::path p = fs::temp_directory_path() / "cryptonews_bad_utf8.txt";
  {
    std::ofstream out(p, std::ios::binary);
    out << "Bitcoin \xff\xfe fell 5% to $63,000.\nEther \xc3 fell 4%.\n";
  }
  auto all = RunBinary("extract --format jsonl " + p.string());
  EXPECT_EQ(all.exit_code, 0);
  EXPECT_NE(all.out.find("byte offset 8"), std::string::npos) << all.out;
  size_t first = all.out.find("warning");
  EXPECT_EQ(all.out.find("warning", first + 1), std::string::npos) << "more than one warning";
  auto out = RunBinary("extract --format jsonl " + p.string(), false);
  EXPECT_NE(out.out.find("\"text\":\"$63,000\""), std::string::npos) << out.out;
  fs::remove(p);
}

TEST(ExtractCommandTest, UnknownFormatIsAUsageError) {
  auto r = RunBinary("extract --format xml " + (FixtureDir() / "altcoin_rally.txt").string());
  EXPECT_EQ(r.exit_code, 2);
}

}  // namespace
}  // namespace cn
