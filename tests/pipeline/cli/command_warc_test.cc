// `cryptonews warc` and `cryptonews merge`, run as the real binary over the
// WARC fixtures (fixtures/warc/, written by scripts/make-warc-fixtures).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "pipeline/cli/exit_codes.h"
#include "tests/support/db_rows.h"
#include "tests/support/fixture_file.h"
#include "tests/support/run_binary.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_http_server.h"
#include "tests/support/warc_writer.h"

namespace cn {
namespace {

using testing::DbInt;
using testing::DbRows;
using testing::FixturePath;
using testing::RunBinary;
using testing::TempDir;

std::string NewsFiles(bool reversed = false) {
  std::vector<std::string> names = {"news-01.warc.gz", "news-02.warc.gz", "news-03.warc",
                                    "news-04.warc.gz", "news-05.warc.gz", "news-06.warc.gz"};
  if (reversed) std::reverse(names.begin(), names.end());
  std::string out;
  for (const std::string& n : names) out += " " + FixturePath("fixtures/warc/" + n);
  return out;
}

TEST(WarcCommandTest, FixturesGiveTheirCryptoArticlesAndCountWhatWasSkipped) {
  TempDir dir;
  const std::string db = dir.File("w.db");
  auto r = RunBinary("warc -q --db " + db + NewsFiles());
  ASSERT_EQ(r.exit_code, kExitOk) << r.out;
  EXPECT_EQ(DbInt(db, "SELECT count(*) FROM articles"), 8);
  EXPECT_EQ(DbInt(db, "SELECT count(*) FROM articles WHERE canonical_url LIKE 'https://localnews.example/%' OR "
                      "canonical_url LIKE 'https://sportdesk.example/%'"),
            0);
  // The source is the page's host.
  EXPECT_EQ(DbRows(db, "SELECT name FROM sources ORDER BY name"),
            (std::vector<std::string>{"cafe.demo.example|", "chaintimes.demo.example|", "ledger.demo.example|",
                                      "wire.demo.example|"}));
  // The page stored twice keeps its later, changed version.
  EXPECT_EQ(DbRows(db, "SELECT fetched_at FROM articles WHERE canonical_url LIKE '%btc-long-squeeze'"),
            std::vector<std::string>{"2026-11-25T12:02:00Z|"});
  EXPECT_EQ(DbInt(db, "SELECT count(*) FROM articles WHERE text LIKE '%Update: liquidations%'"), 1);
  // The gzip-encoded, chunked and header-charset pages were all read.
  EXPECT_EQ(DbInt(db, "SELECT count(*) FROM articles WHERE canonical_url LIKE '%sol-rebound' OR canonical_url "
                      "LIKE '%xrp-short-squeeze' OR (canonical_url LIKE 'https://cafe.demo.example/%' AND text LIKE "
                      "'%café%')"),
            3);
  std::string row = DbRows(db, "SELECT records FROM runs WHERE command = 'warc'").at(0);
  auto records = nlohmann::json::parse(row.substr(0, row.size() - 1));  // without the trailing '|'
  EXPECT_EQ(records["records"], 62);
  EXPECT_EQ(records["kept"], 10);
  EXPECT_EQ(records["skipped"]["revisit"], 1);
  EXPECT_EQ(records["skipped"]["request"], 18);
  EXPECT_EQ(records["skipped"]["not crypto"], 7);
  EXPECT_EQ(records["skipped"]["not html"], 1);
  EXPECT_EQ(records["skipped"]["http status"], 1);
  EXPECT_GT(DbInt(db, "SELECT figures FROM runs"), 20);
  EXPECT_EQ(DbInt(db, "SELECT count(*) FROM articles_not_indexed"), 0);
}

TEST(WarcCommandTest, ARerunSkipsFilesReadToTheEndAndFromStartStoresNothingNew) {
  TempDir dir;
  const std::string db = dir.File("w.db");
  ASSERT_EQ(RunBinary("warc -q --db " + db + NewsFiles()).exit_code, kExitOk);
  auto again = RunBinary("warc --db " + db + NewsFiles());
  ASSERT_EQ(again.exit_code, kExitOk) << again.out;
  EXPECT_NE(again.out.find("already read to the end"), std::string::npos) << again.out;
  EXPECT_EQ(DbInt(db, "SELECT records ->> 'records' FROM runs ORDER BY id DESC LIMIT 1"), 0);
  auto from_start = RunBinary("warc -q --from-start --db " + db + NewsFiles());
  ASSERT_EQ(from_start.exit_code, kExitOk) << from_start.out;
  EXPECT_EQ(DbInt(db, "SELECT articles_new + articles_updated FROM runs ORDER BY id DESC LIMIT 1"), 0);
  // The older copy of the page stored twice is skipped, the rest unchanged.
  EXPECT_EQ(DbInt(db, "SELECT articles_unchanged FROM runs ORDER BY id DESC LIMIT 1"), 9);
  EXPECT_EQ(DbInt(db, "SELECT records ->> '$.skipped.\"older copy\"' FROM runs ORDER BY id DESC LIMIT 1"), 1);
}

TEST(WarcCommandTest, TheOrderOfTheFilesDoesNotChangeTheDatabase) {
  TempDir dir;
  ASSERT_EQ(RunBinary("warc -q --db " + dir.File("a.db") + NewsFiles()).exit_code, kExitOk);
  ASSERT_EQ(RunBinary("warc -q --db " + dir.File("b.db") + NewsFiles(true)).exit_code, kExitOk);
  testing::ExpectSameContent(dir.File("a.db"), dir.File("b.db"));
}

TEST(WarcCommandTest, BadInputIsReportedWithFileAndByteAndTheGoodRecordsAreKept) {
  TempDir dir;
  const std::string db = dir.File("bad.db");
  auto r = RunBinary("warc -q --db " + db + " " + FixturePath("fixtures/warc/malformed") + "/*");
  EXPECT_EQ(r.exit_code, kExitPartial) << r.out;
  for (const char* expected :
       {"truncated-member.warc.gz: gzip member at byte 981: corrupt gzip data",
        "lying-length.warc: byte 2004: Content-Length", "missing-length.warc: byte 2004: no Content-Length",
        "oversize-record.warc.gz: gzip member at byte 981: record of 2147483648 bytes is above the limit",
        "junk-between.warc.gz: byte 981: 31 bytes between gzip members are not gzip data"})
    EXPECT_NE(r.out.find(expected), std::string::npos) << expected << "\n" << r.out;
  // Each file's two good records were read; the two pages are stored once.
  EXPECT_EQ(DbInt(db, "SELECT count(*) FROM articles"), 2);
  EXPECT_EQ(DbRows(db, "SELECT status, records ->> 'issues', json_array_length(errors) FROM runs"),
            std::vector<std::string>{"partial|5|5|"});
}

TEST(WarcCommandTest, JsonLinesCarryMetadataTextFiguresAndSentimentAndStoreNothing) {
  TempDir dir;
  auto r = RunBinary("warc --format jsonl " + FixturePath("fixtures/warc/news-01.warc.gz"), false);
  ASSERT_EQ(r.exit_code, kExitOk) << r.out;
  std::istringstream lines(r.out);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    auto j = nlohmann::json::parse(line);
    EXPECT_TRUE(j["url"].get<std::string>().starts_with("https://ledger.demo.example/"));
    EXPECT_EQ(j["source"], "ledger.demo.example");
    EXPECT_FALSE(j["text"].get<std::string>().empty());
    EXPECT_GT(j["figures"].size(), 0u);
    EXPECT_TRUE(j["figures"][0].contains("kind"));
    EXPECT_TRUE(j["sentiment"].contains("label"));
    EXPECT_GT(j["offset"].get<int64_t>(), 0);
    EXPECT_TRUE(j["record_id"].get<std::string>().starts_with("<urn:uuid:"));
    ++n;
  }
  EXPECT_EQ(n, 2);
}

// A page without a title printed "title": ""; unknown is null.
TEST(WarcCommandTest, JsonLinesSayNullForWhatThePageDoesNotState) {
  TempDir dir;
  const std::string warc = dir.Write(
      "untitled.warc", testing::WarcResponse("https://bare.example/a", "2026-11-20T10:00:00Z",
                                             "<html><body><p>Bitcoin rose 3% to $91,000 on Tuesday.</p></body></html>"));
  auto r = RunBinary("warc --format jsonl --all " + warc, false);
  ASSERT_EQ(r.exit_code, kExitOk) << r.out;
  auto j = nlohmann::json::parse(r.out.substr(0, r.out.find('\n')));
  for (const char* field : {"title", "published_at", "modified_at", "language", "site_name"})
    EXPECT_TRUE(j[field].is_null()) << field << " in " << r.out;
}

TEST(WarcCommandTest, HostsAndAllChooseWhatIsKept) {
  TempDir dir;
  const std::string hosts = dir.Write("hosts.txt", "# only these\nsportdesk.example\nchaintimes.demo.example\n");
  const std::string db = dir.File("h.db");
  ASSERT_EQ(RunBinary("warc -q --all --hosts " + hosts + " --db " + db + NewsFiles()).exit_code, kExitOk);
  EXPECT_EQ(DbRows(db, "SELECT DISTINCT s.name FROM articles a JOIN sources s ON s.id = a.source_id ORDER BY 1"),
            (std::vector<std::string>{"chaintimes.demo.example|", "sportdesk.example|"}));
  EXPECT_GT(DbInt(db, "SELECT records ->> '$.skipped.\"host not listed\"' FROM runs"), 0);
}

TEST(WarcCommandTest, StandardInputIsReadButNotResumed) {
  TempDir dir;
  const std::string db = dir.File("stdin.db");
  auto r = RunBinary("warc -q --db " + db + " - < " + FixturePath("fixtures/warc/news-01.warc.gz"));
  ASSERT_EQ(r.exit_code, kExitOk) << r.out;
  EXPECT_EQ(DbInt(db, "SELECT count(*) FROM articles"), 2);
  EXPECT_EQ(DbInt(db, "SELECT count(*) FROM warc_inputs"), 0);
}

TEST(WarcCommandTest, AUrlIsStreamedThroughTheFetcherLikeAFile) {
  TempDir dir;
  const std::string body = testing::ReadFixture("fixtures/warc/news-05.warc.gz");
  testing::TestHttpServer server;
  server.server().Get("/crawl-data/news-05.warc.gz", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(body, "application/octet-stream");
  });
  server.Start();
  ASSERT_EQ(RunBinary("warc -q --db " + dir.File("url.db") + " " + server.Url("/crawl-data/news-05.warc.gz")).exit_code,
            kExitOk);
  ASSERT_EQ(RunBinary("warc -q --db " + dir.File("file.db") + " " + FixturePath("fixtures/warc/news-05.warc.gz"))
                .exit_code,
            kExitOk);
  testing::ExpectSameContent(dir.File("url.db"), dir.File("file.db"));
  EXPECT_EQ(DbInt(dir.File("url.db"), "SELECT count(*) FROM warc_inputs WHERE input LIKE 'http://127.0.0.1:%' AND "
                                      "finished_at IS NOT NULL"),
            1);
  auto missing = RunBinary("warc -q --db " + dir.File("url.db") + " " + server.Url("/crawl-data/none.warc.gz"));
  EXPECT_EQ(missing.exit_code, kExitPartial);
  EXPECT_NE(missing.out.find("HTTP 404"), std::string::npos) << missing.out;
}

// A URL input is fetched with the same User-Agent choice as a crawl:
// --user-agent > sources.toml user_agent > cryptonews/VERSION (+contact).
TEST(WarcCommandTest, AUrlInputSaysWhoAsksAsTheCrawlerDoes) {
  TempDir dir;
  const std::string body = testing::ReadFixture("fixtures/warc/news-05.warc.gz");
  testing::TestHttpServer server;
  server.server().Get("/w.warc.gz", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(body, "application/octet-stream");
  });
  server.Start();
  const std::string sources = dir.Write(
      "s.toml", "[defaults]\ncontact = \"https://ops.example/bot\"\n[[sources]]\nname = \"A\"\nfeeds = "
                "[\"https://a.example/rss\"]\n");
  struct Case {
    std::string flags, want;
  } cases[] = {
      {"", "cryptonews/0.1.0"},
      {"--contact mailto:ops@news.example", "cryptonews/0.1.0 (+mailto:ops@news.example)"},
      {"--sources " + sources, "cryptonews/0.1.0 (+https://ops.example/bot)"},
      {"--all --sources " + sources + " --user-agent 'Archive/3 (+mailto:a@b.example)'", "Archive/3 (+mailto:a@b.example)"},
  };
  for (const Case& c : cases) {
    auto r = RunBinary("warc -q --format jsonl " + c.flags + " " + server.Url("/w.warc.gz"));
    ASSERT_EQ(r.exit_code, kExitOk) << c.flags << ": " << r.out;
    EXPECT_EQ(server.LastHeader("/w.warc.gz", "User-Agent"), c.want) << c.flags;
  }
  auto bad = RunBinary("warc -q --format jsonl --user-agent \"$(printf 'a\\r\\nX: 1')\" " + server.Url("/w.warc.gz"));
  EXPECT_EQ(bad.exit_code, kExitUsage) << bad.out;
  EXPECT_NE(bad.out.find("--user-agent: must be"), std::string::npos) << bad.out;
}

TEST(WarcCommandTest, AMissingFileIsABadArgument) {
  TempDir dir;
  auto r = RunBinary("warc --db " + dir.File("x.db") + " " + dir.File("nope.warc.gz"));
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_NE(r.out.find("nope.warc.gz: no such file"), std::string::npos) << r.out;
  EXPECT_FALSE(std::filesystem::exists(dir.File("x.db")));
}

TEST(MergeCommandTest, ShardsMergedInAnyOrderEqualOneRunAndMergingTwiceAddsNothing) {
  TempDir dir;
  std::vector<std::string> shards;
  int i = 0;
  std::istringstream files(NewsFiles());
  std::string file;
  while (files >> file) {
    shards.push_back(dir.File("shard" + std::to_string(++i) + ".db"));
    ASSERT_EQ(RunBinary("warc -q --db " + shards.back() + " " + file).exit_code, kExitOk);
  }
  ASSERT_EQ(RunBinary("warc -q --db " + dir.File("one.db") + NewsFiles()).exit_code, kExitOk);
  std::string forward, backward;
  for (const std::string& s : shards) forward += " " + s;
  for (auto it = shards.rbegin(); it != shards.rend(); ++it) backward += " " + *it;
  auto merged = RunBinary("merge -q --db " + dir.File("merged.db") + forward);
  ASSERT_EQ(merged.exit_code, kExitOk) << merged.out;
  ASSERT_EQ(RunBinary("merge -q --db " + dir.File("merged_back.db") + backward).exit_code, kExitOk);
  testing::ExpectSameContent(dir.File("merged.db"), dir.File("one.db"));
  testing::ExpectSameContent(dir.File("merged_back.db"), dir.File("one.db"));
  EXPECT_EQ(DbInt(dir.File("merged.db"), "SELECT count(*) FROM runs WHERE command = 'warc'"), 6);

  ASSERT_EQ(RunBinary("merge -q --db " + dir.File("merged.db") + forward).exit_code, kExitOk);
  testing::ExpectSameContent(dir.File("merged.db"), dir.File("one.db"));
  EXPECT_EQ(DbInt(dir.File("merged.db"), "SELECT count(*) FROM runs WHERE command = 'warc'"), 6);
  EXPECT_EQ(DbInt(dir.File("merged.db"), "SELECT articles_new + articles_updated FROM runs WHERE command = 'merge' "
                                         "ORDER BY id DESC LIMIT 1"),
            0);
  EXPECT_EQ(DbInt(dir.File("merged.db"), "SELECT count(*) FROM articles_not_indexed"), 0);
}

TEST(MergeCommandTest, ShardsOfANewerSchemaOrNotDatabasesAreRefusedBeforeAnythingIsWritten) {
  TempDir dir;
  const std::string good = dir.File("good.db");
  ASSERT_EQ(RunBinary("warc -q --db " + good + " " + FixturePath("fixtures/warc/news-01.warc.gz")).exit_code,
            kExitOk);
  const std::string newer = dir.File("newer.db");
  ASSERT_EQ(RunBinary("warc -q --db " + newer + " " + FixturePath("fixtures/warc/news-02.warc.gz")).exit_code,
            kExitOk);
  {
    auto db = SqliteDb::Open(newer, SQLITE_OPEN_READWRITE);
    ASSERT_TRUE(db && db->Exec("PRAGMA user_version = 999"));
  }
  auto r = RunBinary("merge --db " + dir.File("out.db") + " " + good + " " + newer);
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_NE(r.out.find("newer.db: database schema version 999 is newer"), std::string::npos) << r.out;
  EXPECT_FALSE(std::filesystem::exists(dir.File("out.db")));
  const std::string text = dir.Write("notes.txt", "not a database");
  auto t = RunBinary("merge --db " + dir.File("out.db") + " " + text);
  EXPECT_EQ(t.exit_code, kExitUsage) << t.out;
  EXPECT_NE(t.out.find("notes.txt"), std::string::npos) << t.out;
}

}  // namespace
}  // namespace cn
