// End-to-end tests of `cryptonews sentiment`: golden outputs on fixtures we
// wrote (fixtures/sentiment/), --help, and errors naming the input.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/support/run_binary.h"

namespace cn {
namespace {

using testing::RunBinary;

std::string Fixture(const std::string& name) { return std::string(CRYPTONEWS_SOURCE_DIR) + "/fixtures/sentiment/" + name; }

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

size_t CountLines(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

TEST(SentimentCommandTest, ArticleMatchesGolden) {
  auto r = RunBinary("sentiment " + Fixture("market_wrap.txt"), /*merge_stderr=*/false);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, ReadFile(Fixture("market_wrap.expected.json")));
}

// --explain lists, for the article and each asset, the evidence that carried
// its score; each piece's offsets find its text in the input, and the pooled
// score follows from the weights as --help says.
TEST(SentimentCommandTest, ExplainListsWeightedEvidenceWithOffsets) {
  auto r = RunBinary("sentiment --explain " + Fixture("market_wrap.txt"), /*merge_stderr=*/false);
  ASSERT_EQ(r.exit_code, 0);
  nlohmann::json j = nlohmann::json::parse(r.out);
  const std::string input = ReadFile(Fixture("market_wrap.txt"));  // ASCII: code points are bytes
  auto check = [&](const nlohmann::json& evidence, const std::string& who) {
    ASSERT_TRUE(evidence.is_array()) << who;
    for (const auto& e : evidence) {
      EXPECT_GT(e["weight"].get<double>(), 0) << who;
      size_t start = e["start"].get<size_t>(), end = e["end"].get<size_t>();
      ASSERT_LT(start, end) << who;
      EXPECT_EQ(input.substr(start, end - start), e["text"].get<std::string>()) << who;
      EXPECT_TRUE(e["kind"] == "sentence" || e["kind"] == "figure") << who;
      EXPECT_TRUE(e["place"] == "headline" || e["place"] == "lead" || e["place"] == "body") << who;
    }
  };
  check(j["evidence"], "article");
  bool saw_figure = false;
  for (const auto& a : j["assets"]) {
    check(a["evidence"], a["asset"].get<std::string>());
    for (const auto& e : a["evidence"]) saw_figure |= e["kind"] == "figure";
  }
  EXPECT_TRUE(saw_figure) << "moves with a direction are evidence";
  // Without --explain the output stays as it was.
  auto plain = RunBinary("sentiment " + Fixture("market_wrap.txt"), false);
  EXPECT_EQ(nlohmann::json::parse(plain.out).count("evidence"), 0u);
}

TEST(SentimentCommandTest, LinesMatchGoldenOnePerInputLine) {
  auto r = RunBinary("sentiment --lines " + Fixture("lines.txt"), /*merge_stderr=*/false);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, ReadFile(Fixture("lines.expected.jsonl")));
  EXPECT_EQ(CountLines(r.out), CountLines(ReadFile(Fixture("lines.txt"))));
}

TEST(SentimentCommandTest, LinesFromStandardInput) {
  auto r = RunBinary("sentiment --lines - < " + Fixture("lines.txt"), /*merge_stderr=*/false);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, ReadFile(Fixture("lines.expected.jsonl")));
}

TEST(SentimentCommandTest, LastLineWithoutNewlineAndEmptyLinesCount) {
  std::string path = ::testing::TempDir() + "sentiment_no_final_newline.txt";
  {
    std::ofstream out(path, std::ios::binary);
    out << "Profit rose.\r\n\nLosses widened.";  // CRLF, an empty line, no final newline
  }
  auto r = RunBinary("sentiment --lines " + path, /*merge_stderr=*/false);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out,
            "{\"label\":\"positive\",\"score\":0.7071}\n"
            "{\"label\":\"neutral\",\"score\":0.0000}\n"
            "{\"label\":\"negative\",\"score\":-0.7071}\n");
  std::remove(path.c_str());
}

TEST(SentimentCommandTest, EmptyInputIsNeutral) {
  auto lines = RunBinary("sentiment --lines - < /dev/null", false);
  EXPECT_EQ(lines.exit_code, 0);
  EXPECT_EQ(lines.out, "");
  auto article = RunBinary("sentiment - < /dev/null", false);
  EXPECT_EQ(article.exit_code, 0);
  EXPECT_NE(article.out.find("\"label\": \"neutral\""), std::string::npos) << article.out;
}

TEST(SentimentCommandTest, MissingFileIsAUsageErrorNamingIt) {
  auto r = RunBinary("sentiment --lines /nonexistent/sentences.txt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("/nonexistent/sentences.txt"), std::string::npos) << r.out;
  auto d = RunBinary("sentiment " + std::string(CRYPTONEWS_SOURCE_DIR) + "/fixtures");
  EXPECT_EQ(d.exit_code, 2);
  EXPECT_NE(d.out.find("directory"), std::string::npos) << d.out;
}

TEST(SentimentCommandTest, HelpExplainsOutput) {
  auto r = RunBinary("sentiment --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* word : {"--lines", "--explain", "evidence", "weight", "headline", "label", "score", "assets",
                           "key_sentences", "start", "Exit codes"})
    EXPECT_NE(r.out.find(word), std::string::npos) << word;
}

}  // namespace
}  // namespace cn
