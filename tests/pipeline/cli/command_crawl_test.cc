// The `sources` and `crawl` subcommands, run as the real binary.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline/cli/command_crawl.h"
#include "tests/support/fixture_file.h"
#include "tests/support/run_binary.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_http_server.h"

namespace cn {
namespace {

using testing::FixturePath;
using testing::RunBinary;

std::string WriteTemp(const std::string& name, const std::string& text) {
  static testing::TempDir dir;  // removed when the test binary exits
  return dir.Write(name, text);
}

std::vector<nlohmann::json> JsonLines(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty() && line[0] == '{') lines.push_back(nlohmann::json::parse(line));
  return lines;
}

TEST(SourcesCliTest, ListsAndChecksTheDefaultFile) {
  auto list = RunBinary("sources --sources " + FixturePath("sources.toml"));
  EXPECT_EQ(list.exit_code, 0) << list.out;
  EXPECT_NE(list.out.find("CoinDesk"), std::string::npos);
  EXPECT_NE(list.out.find("https://cointelegraph.com/rss"), std::string::npos);
  auto check = RunBinary("sources --check --sources " + FixturePath("sources.toml"));
  EXPECT_EQ(check.exit_code, 0) << check.out;
  EXPECT_NE(check.out.find("ok: 12 sources"), std::string::npos) << check.out;
  // From a directory without sources.toml the built-in copy is used.
  auto builtin = RunBinary("sources --format jsonl", true);
  EXPECT_EQ(builtin.exit_code, 0);
  EXPECT_EQ(JsonLines(builtin.out).size(), 12u);
}

TEST(SourcesCliTest, CheckReportsProblemsWithFileAndLine) {
  std::string bad = WriteTemp("bad.toml", "[[sources]]\nname = \"A\"\nfeeds = [\"gopher://x/\"]\n");
  auto r = RunBinary("sources --check --sources " + bad);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find(bad + ":3:10: source 'A'"), std::string::npos) << r.out;

  std::string dup = WriteTemp("dup.toml",
                              "[[sources]]\nname = \"A\"\nfeeds = [\"https://a.example/rss\", \"missing.xml\"]\n"
                              "[[sources]]\nname = \"B\"\nfeeds = [\"https://A.example/rss#x\"]\n");
  auto d = RunBinary("sources --check --sources " + dup);
  EXPECT_EQ(d.exit_code, 2);
  EXPECT_NE(d.out.find("is already listed by source 'A'"), std::string::npos) << d.out;
  EXPECT_NE(d.out.find("missing.xml does not exist"), std::string::npos) << d.out;

  auto none = RunBinary("sources --sources /nonexistent/s.toml");
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.out.find("/nonexistent/s.toml"), std::string::npos);
}

TEST(CrawlCliTest, HelpNamesTheOutputFields) {
  auto r = RunBinary("crawl --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* word : {"final_url", "skipped", "--allow-private", "--since", "--max-articles"})
    EXPECT_NE(r.out.find(word), std::string::npos) << word;
  EXPECT_EQ(RunBinary("sources --help").exit_code, 0);
}

TEST(CrawlCliTest, OfflineFixtureCrawlPrintsOneLinePerPage) {
  auto r = RunBinary("crawl --sources " + FixturePath("fixtures/crawl/offline/sources.toml"), false);
  EXPECT_EQ(r.exit_code, 1);  // one listed page is missing on disk
  auto lines = JsonLines(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out;
  EXPECT_EQ(lines[0]["source"], "Offline Wire");
  EXPECT_EQ(lines[0]["status"], 200);
  EXPECT_EQ(lines[0]["bytes"], 220);
  EXPECT_NE(lines[2]["error"].get<std::string>().find("cannot open the file"), std::string::npos);
}

TEST(CrawlCliTest, CrawlsTheLoopbackServer) {
  testing::TestHttpServer http;
  http.server().set_mount_point("/", FixturePath("fixtures/crawl/site"));
  http.Start();
  std::string toml = WriteTemp("loopback.toml", "[[sources]]\nname = \"Loopback\"\nfeeds = [\"" + http.Url("/feed.xml") +
                                                    "\"]\npoliteness_delay_ms = 0\n");
  auto r = RunBinary("crawl --allow-private --sources " + toml, false);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  auto lines = JsonLines(r.out);
  ASSERT_EQ(lines.size(), 4u) << r.out;
  int fetched = 0, robots = 0;
  for (const auto& j : lines) {
    fetched += j["status"] == 200;
    robots += j["skipped"] == "robots";
  }
  EXPECT_EQ(fetched, 3);
  EXPECT_EQ(robots, 1);

  // Without --allow-private the feed (named in the file) is read, its links are refused.
  auto refused = RunBinary("crawl --max-articles 2 --sources " + toml, false);
  auto refused_lines = JsonLines(refused.out);
  ASSERT_EQ(refused_lines.size(), 2u) << refused.out;
  for (const auto& j : refused_lines) EXPECT_EQ(j["skipped"], "refused address") << j.dump();
}

// Unknown or not-applicable fields used to print as "" (title, published_at,
// error, skipped, ...); JSON says unknown with null.
TEST(CrawlCliTest, UnknownFieldsAreNullNotEmptyStrings) {
  testing::TempDir dir;
  dir.Write("pages/untitled.html", "<html><body><p>Bitcoin held its ground.</p></body></html>");
  dir.Write("feed.xml",
            "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>W</title>"
            "<entry><link href=\"pages/untitled.html\"/></entry>"
            "<entry><link href=\"pages/missing.html\"/></entry></feed>");
  std::string toml = dir.Write("sources.toml", "[[sources]]\nname = \"Bare\"\nfeeds = [\"feed.xml\"]\n"
                                               "politeness_delay_ms = 0\n");
  auto r = RunBinary("crawl --sources " + toml, false);
  auto lines = JsonLines(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;
  const auto& fetched = lines[0];
  const auto& failed = lines[1];
  for (const char* field : {"title", "published_at", "skipped", "skip_detail", "error"})
    EXPECT_TRUE(fetched[field].is_null()) << field << " in " << fetched.dump();
  EXPECT_EQ(fetched["status"], 200) << fetched.dump();
  for (const char* field : {"title", "published_at", "status", "content_type", "skipped", "skip_detail"})
    EXPECT_TRUE(failed[field].is_null()) << field << " in " << failed.dump();
  EXPECT_TRUE(failed["error"].is_string()) << failed.dump();
  for (const auto& line : lines)
    for (const auto& [key, value] : line.items()) EXPECT_NE(value, "") << key << " in " << line.dump();
}

TEST(CrawlCliTest, BadArgumentsAreUsageErrors) {
  EXPECT_EQ(RunBinary("crawl --since yesterday --sources " + FixturePath("sources.toml")).exit_code, 2);
  EXPECT_EQ(RunBinary("crawl --source Nope --sources " + FixturePath("sources.toml")).exit_code, 2);
  EXPECT_EQ(RunBinary("crawl --max-articles -1 --sources " + FixturePath("sources.toml")).exit_code, 2);
}

// A sources file is read up to 1 MiB: /dev/zero or a huge file is an
// error at once, naming the file and the cap (before, /dev/zero was read
// without end; `timeout` keeps that failure finite).
TEST(SourcesCliTest, ASourcesFileIsReadUpToOneMiB) {
  testing::TempDir dir;
  const std::string huge = dir.Write("huge.toml", "# " + std::string(1 << 20, 'x') + "\n");
  const std::string db = dir.File("never.db");
  for (const std::string& file : {std::string("/dev/zero"), huge}) {
    for (const std::string& command : {std::string("sources --check"), std::string("crawl"), "ingest --db " + db}) {
      auto r = testing::RunBinaryWithPrefix("timeout 20 ", command + " --sources " + file, true);
      EXPECT_EQ(r.exit_code, 2) << command << " " << file << ": " << r.out.substr(0, 300);
      EXPECT_NE(r.out.find(file + ": larger than 1 MiB, the limit for a sources file"), std::string::npos)
          << command << ": " << r.out.substr(0, 300);
    }
  }
  EXPECT_FALSE(std::filesystem::exists(db));
  // Exactly at the cap is fine (here: a valid file padded with a comment).
  std::string valid = "[[sources]]\nname = \"Pad\"\nfeeds = [\"https://news.example/feed.xml\"]\n# ";
  valid += std::string((1 << 20) - valid.size() - 1, 'x') + "\n";
  auto at_cap = RunBinary("sources --check --sources " + dir.Write("cap.toml", valid));
  EXPECT_EQ(at_cap.exit_code, 0) << at_cap.out.substr(0, 300);
}

// Integer flags take plain whole numbers in their range; anything else is a
// usage error naming the flag and the range, in a line a person can read.
TEST(CrawlCliTest, IntegerFlagsTakeOnlyWholeNumbersInRange) {
  testing::TempDir dir;
  const std::string sources = " --sources " + FixturePath("sources.toml");
  const std::string db = " --db " + dir.File("n.db");
  struct Flag {
    std::string command, flag, range;
  } flags[] = {
      {"ingest" + sources + db, "--max-articles", "0 to 100000"},
      {"ingest" + sources + db, "--politeness-ms", "0 to 600000"},
      {"crawl" + sources, "--max-articles", "0 to 100000"},
      {"crawl" + sources, "--per-host", "1 to 64"},
      {"crawl" + sources, "--max-body-bytes", "1024 to 4294967296"},
      {"query --sql 'SELECT 1'" + db, "--limit", "1 to 10000000"},
      {"query --sql 'SELECT 1'" + db, "--timeout", "0 to 604800"},
      {"export" + db, "--after-id", "0 to 4611686018427387904"},
      {"warc --format jsonl -", "--batch-ms", "1 to 600000"},
  };
  for (const Flag& f : flags) {
    for (const std::string& value : {std::string("-1"), std::string("99999999999999999999"), std::string("0x10"),
                                     std::string("1e3"), std::string("''"), std::string(300, '7')}) {
      auto r = RunBinary(f.command + " " + f.flag + " " + value + " </dev/null");
      EXPECT_EQ(r.exit_code, 2) << f.command << " " << f.flag << " " << value << ": " << r.out;
      const std::string want = f.flag + ": expected a whole number from " + f.range + ", got ";
      EXPECT_NE(r.out.find(want), std::string::npos) << f.flag << " " << value << ": " << r.out;
      EXPECT_LT(r.out.find('\n'), 120u) << "first line too long: " << r.out;
    }
  }
}

// An error line names the URL it is about once ("…/404: HTTP 404", never
// "…/404: …/404: HTTP 404"), and always names it.
TEST(CrawlCliTest, ErrorLinesNameTheirUrlOnce) {
  testing::TempDir dir;
  testing::TestHttpServer server;
  const std::string page = server.Url("/news/gone.html");
  const std::string feed = server.Url("/feed-gone.xml");
  const std::string warc = server.Url("/gone.warc.gz");
  server.server().Get("/feed.xml", [&page](const httplib::Request&, httplib::Response& res) {
    res.set_content("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>S</title><item><title>Gone</title>"
                    "<link>" + page + "</link></item></channel></rss>",
                    "application/rss+xml");
  });
  server.Start();  // everything else answers 404
  const std::string sources = dir.Write("s.toml", "[[sources]]\nname = \"Loop\"\nfeeds = [\"" + server.Url("/feed.xml") +
                                                      "\", \"" + feed + "\"]\npoliteness_delay_ms = 0\n");
  auto count = [](const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
  };
  auto lines_naming = [&](const std::string& out, const std::string& url) {
    std::vector<std::string> found;
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line))
      if (line.find(url) != std::string::npos && line[0] != '{') found.push_back(line);
    return found;
  };
  auto ingest = RunBinary("ingest --allow-private --sources " + sources + " --db " + dir.File("e.db"));
  auto crawl = RunBinary("crawl --allow-private --sources " + sources);  // JSON lines (stdout) are skipped below
  auto warc_run = RunBinary("warc --allow-private --db " + dir.File("w.db") + " " + warc);
  struct Case {
    const std::string* out;
    std::string url;
  };
  const std::vector<Case> cases = {
      {&ingest.out, page}, {&ingest.out, feed}, {&crawl.out, page}, {&crawl.out, feed}, {&warc_run.out, warc}};
  for (const Case& c : cases) {
    const std::string& out = *c.out;
    const std::string& url = c.url;
    auto lines = lines_naming(out, url);
    ASSERT_FALSE(lines.empty()) << "no line names " << url << " in:\n" << out;
    for (const std::string& line : lines) {
      EXPECT_EQ(count(line, url), 1u) << line;
      EXPECT_NE(line.find("HTTP 404"), std::string::npos) << line;
    }
  }
}

}  // namespace
}  // namespace cn
