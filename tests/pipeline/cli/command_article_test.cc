// `cryptonews article` and `extract --html`, run as the real binary.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/support/run_binary.h"
#include "tests/support/test_http_server.h"

namespace cn {
namespace {

using testing::RunBinary;

const std::string kFixtures = std::string(CRYPTONEWS_SOURCE_DIR) + "/fixtures/articles/";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(ArticleCommandTest, JsonOutputMatchesTheGoldenFile) {
  auto r = RunBinary("article --format json --url https://ledgerledger.example/markets/btc " + kFixtures +
                         "full_news.html",
                     /*merge_stderr=*/false);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, ReadFile(kFixtures + "full_news.expected.json"));
}

TEST(ArticleCommandTest, ReadsGzippedPages) {
  auto dir = std::filesystem::temp_directory_path() /
             ("cn_article_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string gz_path = (dir / "page.html.gz").string();
  std::string html = ReadFile(kFixtures + "full_news.html");
  gzFile gz = gzopen(gz_path.c_str(), "wb");
  ASSERT_NE(gz, nullptr);
  gzwrite(gz, html.data(), static_cast<unsigned>(html.size()));
  gzclose(gz);

  auto plain = RunBinary("article --url https://ledgerledger.example/markets/btc " + kFixtures + "full_news.html", false);
  auto packed = RunBinary("article --url https://ledgerledger.example/markets/btc " + gz_path, false);
  EXPECT_EQ(packed.exit_code, 0);
  EXPECT_EQ(packed.out, plain.out);

  // A truncated gzip file is an error naming the file.
  std::string data = ReadFile(gz_path);
  std::ofstream(gz_path, std::ios::binary) << data.substr(0, data.size() / 2);
  auto broken = RunBinary("article " + gz_path);
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.out.find(gz_path), std::string::npos) << broken.out;
  std::filesystem::remove_all(dir);
}

TEST(ArticleCommandTest, ReadsStandardInput) {
  auto from_file = RunBinary("article --url https://ledgerledger.example/markets/btc " + kFixtures + "full_news.html", false);
  auto from_stdin = RunBinary("article --url https://ledgerledger.example/markets/btc - < " + kFixtures + "full_news.html", false);
  EXPECT_EQ(from_stdin.exit_code, 0);
  EXPECT_EQ(from_stdin.out, from_file.out);
}

TEST(ArticleCommandTest, FetchesAUrlFromTheLoopbackServer) {
  // Before the server: its worker threads read it until the server stops.
  std::string html = ReadFile(kFixtures + "windows1252_no_meta.html");
  cn::testing::TestHttpServer server;
  server.server().Get("/news/cafe", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(html, "text/html; charset=windows-1252");
  });
  server.Start();
  auto ok = RunBinary("article " + server.Url("/news/cafe"), false);
  EXPECT_EQ(ok.exit_code, 0) << ok.out;
  EXPECT_NE(ok.out.find("\"url\": \"" + server.Url("/news/cafe") + "\""), std::string::npos) << ok.out;
  EXPECT_NE(ok.out.find("fees of 0.5\u20ac"), std::string::npos) << ok.out;  // € from windows-1252
  EXPECT_NE(ok.out.find("\"charset\": \"windows-1252\""), std::string::npos) << ok.out;

  auto missing = RunBinary("article " + server.Url("/news/gone"));
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.out.find(server.Url("/news/gone")), std::string::npos) << missing.out;
  EXPECT_NE(missing.out.find("404"), std::string::npos) << missing.out;
}

TEST(ArticleCommandTest, TextFormatShowsMetadataThenText) {
  auto r = RunBinary("article --format text " + kFixtures + "full_news.html", false);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(r.out.starts_with("Title: Bitcoin Slides Below $88,000 as Leveraged Longs Unwind\n")) << r.out;
  EXPECT_NE(r.out.find("Authors: Jo Okafor, Priya Raman\n"), std::string::npos);
  EXPECT_NE(r.out.find("\n\nBitcoin fell below $88,000"), std::string::npos);
}

TEST(ArticleCommandTest, ErrorsNameTheInputAndExitTwo) {
  struct Case {
    std::string args;
    std::string expected;
  } cases[] = {
      {"article /no/such/page.html", "/no/such/page.html"},
      {"article " + kFixtures, kFixtures},  // a directory
      {"article --format xml " + kFixtures + "full_news.html", "xml"},
      {"article", "input"},
  };
  for (const Case& c : cases) {
    auto r = RunBinary(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args;
    EXPECT_NE(r.out.find(c.expected), std::string::npos) << c.args << "\n" << r.out;
  }
}

TEST(ArticleCommandTest, EmptyPageIsNotAnError) {
  auto r = RunBinary("article " + kFixtures + "empty.html", false);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("\"text\": \"\""), std::string::npos) << r.out;
}

// A page that says nothing about itself used to print "" for every unknown
// field; unknown is null in JSON.
TEST(ArticleCommandTest, UnknownFieldsAreNullNotEmptyStrings) {
  auto r = RunBinary("article " + kFixtures + "empty.html", false);
  ASSERT_EQ(r.exit_code, 0);
  auto j = nlohmann::json::parse(r.out);
  for (const char* field : {"title", "published_at", "modified_at", "language", "site_name", "charset"})
    EXPECT_TRUE(j[field].is_null()) << field << " in " << r.out;
  EXPECT_EQ(j["authors"], nlohmann::json::array());
  EXPECT_EQ(j["text"], "") << "the text is known: there is none";
}

TEST(ArticleCommandTest, HelpListsTheFields) {
  auto r = RunBinary("article --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* field : {"--format", "url", "title", "authors", "published_at", "modified_at",
                            "language", "site_name", "text", ".html.gz"})
    EXPECT_NE(r.out.find(field), std::string::npos) << field;
}

TEST(ArticleCommandTest, ExtractHtmlReadsOnlyTheArticleText) {
  auto r = RunBinary("extract --html --format jsonl " + kFixtures + "full_news.html", false);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  // Nothing from the ticker strip or the sidebar promo can be evidence.
  EXPECT_EQ(r.out.find("87,912"), std::string::npos) << r.out;
  auto missing = RunBinary("extract --html /no/such/page.html");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.out.find("/no/such/page.html"), std::string::npos);
}

}  // namespace
}  // namespace cn
