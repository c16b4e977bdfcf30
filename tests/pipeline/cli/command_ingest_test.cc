// ingest and reprocess run as the real binary: lock, version refusal, argument
// errors. (The crawl itself is covered by ingest_kill_test.cc.)
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "pipeline/ingest/crawl_feed.h"
#include "pipeline/store/article_store.h"
#include "pipeline/store/ingest_lock.h"
#include "tests/support/generated_news_site.h"
#include "tests/support/run_binary.h"
#include "tests/support/store_fixtures.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_http_server.h"

namespace cn {
namespace {

using testing::RunBinary;
using testing::TempDir;

TEST(IngestCommandTest, SecondIngestExitsAtOnceWhileTheDatabaseIsLocked) {
  TempDir dir;
  std::string db = dir.File("busy.db");
  auto held = IngestLock::Acquire(db);  // stands in for a running ingest
  ASSERT_TRUE(held);
  // A valid sources file (fixtures only): the lock is what refuses the run.
  const std::string sources = std::string(CRYPTONEWS_SOURCE_DIR) + "/fixtures/demo/sources.toml";
  for (const std::string& cmd : {"ingest --sources " + sources, std::string("reprocess")}) {
    auto r = RunBinary(cmd + " --db " + db);
    EXPECT_EQ(r.exit_code, 4) << cmd << ": " << r.out;
    EXPECT_NE(r.out.find("another ingest or reprocess is running"), std::string::npos) << r.out;
  }
  EXPECT_FALSE(std::filesystem::exists(db)) << "a refused run must not create the database";
}

TEST(IngestCommandTest, DatabaseFromANewerVersionIsRefused) {
  TempDir dir;
  std::string db = dir.File("newer.db");
  {
    auto raw = SqliteDb::Open(db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(raw);
    ASSERT_TRUE(raw->Exec("PRAGMA user_version = 999"));
  }
  for (const char* cmd : {"ingest", "reprocess", "stats", "query recent-runs", "export"}) {
    auto r = RunBinary(std::string(cmd) + " --db " + db);
    EXPECT_EQ(r.exit_code, 3) << cmd << ": " << r.out;
    EXPECT_NE(r.out.find("newer than this cryptonews understands"), std::string::npos) << cmd << ": " << r.out;
  }
}

// The README's first commands: the offline demo set, twice, then a query.
TEST(IngestCommandTest, DemoSourcesIngestOfflineAndASecondRunAddsNothing) {
  TempDir dir;
  std::string args = "ingest --sources " + std::string(CRYPTONEWS_SOURCE_DIR) + "/fixtures/demo/sources.toml --db " +
                     dir.File("demo.db");
  auto first = RunBinary(args);
  ASSERT_EQ(first.exit_code, 0) << first.out;
  EXPECT_NE(first.out.find("6 new, 0 updated, 0 unchanged, 0 failed articles"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("feeds: 2 ok, 0 failed"), std::string::npos) << first.out;
  auto second = RunBinary(args);
  ASSERT_EQ(second.exit_code, 0) << second.out;
  EXPECT_NE(second.out.find("0 new, 0 updated, 6 unchanged, 0 failed articles; 0 figures"), std::string::npos)
      << second.out;
  auto per_source = RunBinary("query articles-per-source --format csv --db " + dir.File("demo.db"), false);
  EXPECT_NE(per_source.out.find("Demo Ledger,3,"), std::string::npos) << per_source.out;
  EXPECT_NE(per_source.out.find("Demo Chain Times,3,"), std::string::npos) << per_source.out;
  auto urls = RunBinary("query --sql 'SELECT canonical_url FROM articles ORDER BY 1' --format csv --db " +
                            dir.File("demo.db"), false);
  EXPECT_NE(urls.out.find("https://ledger.demo.example/markets/btc-long-squeeze\r\n"), std::string::npos) << urls.out;
  auto liquidations = RunBinary("query liquidations-per-day --format csv --db " + dir.File("demo.db"), false);
  EXPECT_NE(liquidations.out.find("2026-11-23,"), std::string::npos) << liquidations.out;
}

// The nightly case: the second run sends the stored validators and the site
// answers 304, so nothing is downloaded or written again.
TEST(IngestCommandTest, SecondRunUsesConditionalGet) {
  TempDir dir;
  testing::GeneratedNewsSite site(20, std::chrono::milliseconds(0), /*etags=*/true);
  std::string args = "ingest --allow-private --politeness-ms 0 --sources " +
                     dir.Write("sources.toml", site.SourcesToml()) + " --db " + dir.File("n.db");
  auto first = RunBinary(args);
  ASSERT_EQ(first.exit_code, 0) << first.out;
  EXPECT_NE(first.out.find("20 new"), std::string::npos) << first.out;
  EXPECT_EQ(site.requests(), 21);
  auto second = RunBinary(args);
  ASSERT_EQ(second.exit_code, 0) << second.out;
  EXPECT_NE(second.out.find("0 new, 0 updated"), std::string::npos) << second.out;
  EXPECT_NE(second.out.find("feeds: 1 ok, 0 failed"), std::string::npos) << second.out;
  EXPECT_EQ(site.requests(), 22) << "only the feed is asked for again, and it answers 304";
  auto state = RunBinary("query --sql \"SELECT count(*) FROM fetch_state WHERE etag IS NOT NULL\" --format csv --db " +
                             dir.File("n.db"), false);
  EXPECT_EQ(state.out, "count(*)\r\n21\r\n");
}

// --max-articles means what max_articles means in sources.toml, in ingest
// and crawl alike: the newest N articles of each source, in this run. Three
// sources with ten pages each and a limit of 3: 9 pages, each fetched once.
TEST(IngestCommandTest, MaxArticlesIsPerSourceAndPerRunInIngestAndCrawl) {
  TempDir dir;
  testing::TestHttpServer server;
  constexpr int kSources = 3, kPerSource = 10, kLimit = 3;
  std::string toml;
  for (int s = 0; s < kSources; ++s) {
    std::string feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>S</title>";
    for (int i = s * kPerSource; i < (s + 1) * kPerSource; ++i)
      feed += "<item><title>Report " + std::to_string(i) + "</title><link>" +
              server.Url(testing::GeneratedArticlePath(i)) + "</link><pubDate>" +
              testing::GeneratedTime(i, "%a, %d %b %Y %H:%M:%S GMT") + "</pubDate></item>";
    feed += "</channel></rss>";
    server.server().Get("/feed-" + std::to_string(s) + ".xml", [feed](const httplib::Request&, httplib::Response& res) {
      res.set_content(feed, "application/rss+xml");
    });
    toml += "[[sources]]\nname = \"Source " + std::to_string(s) + "\"\nfeeds = [\"" +
            server.Url("/feed-" + std::to_string(s) + ".xml") + "\"]\npoliteness_delay_ms = 0\n";
  }
  server.server().Get(R"(/news/article-(\d+)\.html)", [&server](const httplib::Request& req, httplib::Response& res) {
    res.set_content(testing::GeneratedArticleHtml(std::stoi(req.matches[1]), server.Url("")), "text/html");
  });
  server.server().Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("User-agent: *\nAllow: /\n", "text/plain");
  });
  server.Start();
  const std::string sources = dir.Write("sources.toml", toml);
  auto article_requests = [&server] {
    int pages = 0;
    for (const std::string& path : server.Requests()) pages += path.starts_with("/news/") ? 1 : 0;
    return pages;
  };

  auto r = RunBinary("ingest --allow-private --politeness-ms 0 --max-articles " + std::to_string(kLimit) +
                     " --sources " + sources + " --db " + dir.File("m.db"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("9 new, 0 updated, 0 unchanged, 0 failed articles"), std::string::npos) << r.out;
  EXPECT_EQ(article_requests(), kSources * kLimit) << "only the newest 3 of each source are fetched";
  auto per_source = RunBinary("query articles-per-source --format csv --db " + dir.File("m.db"), false);
  for (int s = 0; s < kSources; ++s)
    EXPECT_NE(per_source.out.find("Source " + std::to_string(s) + ",3,"), std::string::npos) << per_source.out;

  auto crawl = RunBinary("crawl --quiet --allow-private --politeness-ms 0 --max-articles " + std::to_string(kLimit) +
                         " --sources " + sources, false);
  ASSERT_EQ(crawl.exit_code, 0) << crawl.out;
  EXPECT_EQ(std::count(crawl.out.begin(), crawl.out.end(), '\n'), kSources * kLimit) << crawl.out;

  for (const char* command : {"ingest", "crawl"}) {
    auto help = RunBinary(std::string(command) + " --help");
    EXPECT_NE(help.out.find("Newest articles fetched per source in this run"), std::string::npos)
        << command << ": " << help.out;
  }
}

// Every request says what it is and, when the operator gave one, how to
// reach them: --user-agent > sources.toml user_agent > cryptonews/VERSION
// (+contact), the contact from --contact or sources.toml.
TEST(IngestCommandTest, UserAgentNamesTheProjectAndTheContact) {
  TempDir dir;
  testing::TestHttpServer server;
  server.server().Get("/feed.xml", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>S</title></channel></rss>",
                    "application/rss+xml");
  });
  server.Start();
  const std::string source = "[[sources]]\nname = \"Loop\"\nfeeds = [\"" + server.Url("/feed.xml") + "\"]\n";
  struct Case {
    std::string defaults, flags, want;
  } cases[] = {
      {"", "", "cryptonews/0.1.0"},
      {"", "--contact mailto:ops@news.example", "cryptonews/0.1.0 (+mailto:ops@news.example)"},
      {"contact = \"https://news.example/bot\"\n", "", "cryptonews/0.1.0 (+https://news.example/bot)"},
      {"contact = \"https://news.example/bot\"\n", "--contact mailto:me@news.example",
       "cryptonews/0.1.0 (+mailto:me@news.example)"},
      {"user_agent = \"NewsBot/2 (+https://news.example)\"\n", "--contact x", "NewsBot/2 (+https://news.example)"},
      {"user_agent = \"NewsBot/2\"\n", "--user-agent 'Other/1 (+mailto:a@b.example)'", "Other/1 (+mailto:a@b.example)"},
  };
  int n = 0;
  for (const Case& c : cases) {
    const std::string toml = dir.Write("s" + std::to_string(n) + ".toml", "[defaults]\n" + c.defaults + source);
    for (const char* command : {"ingest", "crawl"}) {
      std::string args = std::string(command) + " --allow-private --politeness-ms 0 " + c.flags + " --sources " + toml;
      if (std::string(command) == "ingest") args += " --db " + dir.File("ua" + std::to_string(n) + ".db");
      auto r = RunBinary(args);
      ASSERT_EQ(r.exit_code, 0) << args << ": " << r.out;
      EXPECT_EQ(server.LastHeader("/feed.xml", "User-Agent"), c.want) << args;
    }
    ++n;
  }
  auto bad = RunBinary("ingest --user-agent \"$(printf 'a\\r\\nX-Injected: 1')\" --sources " + dir.Write("b.toml", source) +
                       " --db " + dir.File("bad.db"));
  EXPECT_EQ(bad.exit_code, 2) << bad.out;
  EXPECT_NE(bad.out.find("--user-agent: must be 1 to 256 printable ASCII characters"), std::string::npos) << bad.out;
  auto bad_file = RunBinary("sources --check --sources " + dir.Write("c.toml", "[defaults]\ncontact = \"\"\n" + source));
  EXPECT_EQ(bad_file.exit_code, 2) << bad_file.out;
  EXPECT_NE(bad_file.out.find("key 'contact' must be"), std::string::npos) << bad_file.out;
}

// A page that failed is retried on the next run even though its feed has not
// changed (the feed's ETag is forgotten, so no 304 hides the page), for at
// most kMaxPageRetries runs after the first failure.
TEST(IngestCommandTest, FailedPagesAreRetriedOnLaterRunsThoughTheFeedAnswers304) {
  TempDir dir;
  testing::TestHttpServer server;
  // Page 0 works, page 1 answers 404 once and then works, page 2 is gone for good.
  std::string feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>S</title>";
  for (int i = 0; i < 3; ++i)
    feed += "<item><title>Report " + std::to_string(i) + "</title><link>" +
            server.Url(testing::GeneratedArticlePath(i)) + "</link></item>";
  feed += "</channel></rss>";
  std::atomic<int> feed_full{0}, feed_304{0};
  server.server().Get("/feed.xml", [&](const httplib::Request& req, httplib::Response& res) {
    res.set_header("ETag", "\"feed-v1\"");
    if (req.get_header_value("If-None-Match") == "\"feed-v1\"") {
      ++feed_304;
      res.status = 304;
      return;
    }
    ++feed_full;
    res.set_content(feed, "application/rss+xml");
  });
  std::atomic<int> page1_requests{0};
  server.server().Get(R"(/news/article-(\d+)\.html)", [&](const httplib::Request& req, httplib::Response& res) {
    int i = std::stoi(req.matches[1]);
    if ((i == 1 && page1_requests++ == 0) || i == 2) {
      res.status = 404;
      return;
    }
    res.set_content(testing::GeneratedArticleHtml(i, server.Url("")), "text/html");
  });
  server.server().Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("User-agent: *\nAllow: /\n", "text/plain");
  });
  server.Start();
  std::string toml = "[[sources]]\nname = \"S\"\nfeeds = [\"" + server.Url("/feed.xml") + "\"]\n";
  std::string args = "ingest --allow-private --politeness-ms 0 --sources " + dir.Write("sources.toml", toml) +
                     " --db " + dir.File("r.db");
  auto page2_requests = [&] {
    int n = 0;
    for (const std::string& path : server.Requests()) n += path == testing::GeneratedArticlePath(2) ? 1 : 0;
    return n;
  };

  auto first = RunBinary(args);
  EXPECT_EQ(first.exit_code, 1) << first.out;
  EXPECT_NE(first.out.find("1 new, 0 updated, 0 unchanged, 2 failed articles"), std::string::npos) << first.out;

  auto second = RunBinary(args);
  EXPECT_NE(second.out.find("1 new, 0 updated, 1 unchanged, 1 failed articles"), std::string::npos) << second.out;
  EXPECT_EQ(feed_full.load(), 2) << "the feed's 304 hid the failed pages";

  // Page 2 keeps failing: retried after its first failure on kMaxPageRetries
  // runs (runs 2, 3, 4); on run 5 the feed's 304 is honoured again.
  for (int run = 3; run <= 5; ++run) RunBinary(args);
  EXPECT_EQ(page2_requests(), 1 + kMaxPageRetries);
  EXPECT_EQ(feed_304.load(), 1);
  EXPECT_EQ(feed_full.load(), 4);
  auto stored = RunBinary("query --sql \"SELECT count(*) FROM articles\" --format csv --db " + dir.File("r.db"), false);
  EXPECT_EQ(stored.out, "count(*)\r\n2\r\n");
}

// A dead network (every feed refused) is not "partial": the run is 'failed'
// and exits with its own code, which the shipped systemd unit treats as a
// failure. Each feed error names its feed in the `url` field.
TEST(IngestCommandTest, EveryFeedFailingIsAFailedRunWithItsOwnExitCode) {
  TempDir dir;
  testing::TestHttpServer server;  // answers 404 to everything, robots.txt included
  server.Start();
  std::string http_feed = server.Url("/feed.xml");
  std::string toml = "[[sources]]\nname = \"Gone\"\nfeeds = [\"" + http_feed +
                     "\"]\n[[sources]]\nname = \"Missing\"\nfeeds = [\"no-such-feed.xml\"]\n";
  std::string db = dir.File("dead.db");
  auto r = RunBinary("ingest --allow-private --politeness-ms 0 --sources " + dir.Write("sources.toml", toml) +
                     " --db " + db);
  EXPECT_EQ(r.exit_code, 6) << r.out;
  EXPECT_NE(r.out.find("every feed and sitemap failed"), std::string::npos) << r.out;
  auto status = RunBinary("query --sql \"SELECT status, feeds_failed FROM runs\" --format csv --db " + db, false);
  EXPECT_EQ(status.out, "status,feeds_failed\r\nfailed,2\r\n");
  auto urls = RunBinary("query --sql \"SELECT json_each.value ->> 'source', json_each.value ->> 'url' FROM runs, "
                        "json_each(runs.errors) ORDER BY 1\" --format csv --db " + db, false);
  std::string missing_url = "file://" + dir.File("no-such-feed.xml");
  EXPECT_EQ(urls.out, "json_each.value ->> 'source',json_each.value ->> 'url'\r\nGone," + http_feed + "\r\nMissing," +
                          missing_url + "\r\n");
}

std::string FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Another program's SQLite file given to --db by mistake: refused, exit 2,
// not one byte changed (before: our schema was added and it became WAL).
TEST(IngestCommandTest, ADatabaseThatIsNotOursIsRefusedAndLeftUntouched) {
  TempDir dir;
  std::string sources = std::string(CRYPTONEWS_SOURCE_DIR) + "/fixtures/demo/sources.toml";
  std::string other = dir.File("other.db");
  {
    auto raw = SqliteDb::Open(other, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(raw);
    ASSERT_TRUE(raw->Exec("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes(body) "
                          "VALUES ('keep me')"));
  }
  std::string versioned = dir.File("versioned.db");
  {
    auto raw = SqliteDb::Open(versioned, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(raw);
    ASSERT_TRUE(raw->Exec("CREATE TABLE articles(x); PRAGMA user_version = 3"));
  }
  std::string text = dir.Write("text.db", "not a database at all, just some text\n");
  for (const std::string& db : {other, versioned, text}) {
    const std::string before = FileBytes(db);
    for (const std::string& cmd : {"ingest --sources " + sources, std::string("reprocess")}) {
      auto r = RunBinary(cmd + " --db " + db);
      EXPECT_EQ(r.exit_code, 2) << cmd << " " << db << ": " << r.out;
      EXPECT_NE(r.out.find(db + ": "), std::string::npos) << r.out;
      EXPECT_NE(r.out.find("not a cryptonews database"), std::string::npos) << r.out;
    }
    EXPECT_EQ(FileBytes(db), before) << db << " was changed";
    EXPECT_FALSE(std::filesystem::exists(db + "-wal")) << db;
  }
  // An empty file is a new database, and ours from then on.
  std::string empty = dir.Write("empty.db", "");
  auto r = RunBinary("ingest --sources " + sources + " --db " + empty);
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

TEST(IngestCommandTest, ABadSourcesFileCreatesNoDatabase) {
  TempDir dir;
  std::string bad = dir.Write("bad.toml", "[[sources]]\nname = 3\n");
  std::string db = dir.File("never.db");
  for (const std::string& sources : {bad, dir.File("missing.toml")}) {
    auto r = RunBinary("ingest --sources " + sources + " --db " + db);
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_FALSE(std::filesystem::exists(db)) << "a refused run created the database";
    EXPECT_FALSE(std::filesystem::exists(db + ".lock")) << "a refused run created the lock file";
  }
}

TEST(IngestCommandTest, UnreadableSourcesFileIsAUsageErrorNamingIt) {
  TempDir dir;
  auto r = RunBinary("ingest --sources " + dir.File("missing.toml") + " --db " + dir.File("a.db"));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("missing.toml"), std::string::npos) << r.out;
}

TEST(IngestCommandTest, BadArgumentsAreUsageErrors) {
  TempDir dir;
  struct Case {
    std::string args;
    std::string message;
  } cases[] = {
      {"ingest --since yesterday --db " + dir.File("a.db"), "invalid date 'yesterday'"},
      {"ingest --max-articles -3 --db " + dir.File("a.db"), "max-articles"},
      {"ingest --quiet --verbose --db " + dir.File("a.db"), "excludes"},
  };
  for (const Case& c : cases) {
    auto r = RunBinary(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args << ": " << r.out;
    EXPECT_NE(r.out.find(c.message), std::string::npos) << c.args << ": " << r.out;
  }
}

TEST(ReprocessCommandTest, ReExtractsOnlyArticlesFromOtherVersions) {
  TempDir dir;
  std::string db = dir.File("r.db");
  {
    auto store = ArticleStore::Open(db);
    ASSERT_TRUE(store);
    // Stored by an "older extractor" with a bogus figure; reprocess must replace it.
    ASSERT_TRUE(store->UpsertArticle(testing::MakeArticle("a", "Bitcoin fell 5% to $80,000 on Monday."),
                                     {testing::MakeLiquidation(1, Side::kNone, 0, 1, "B")}, {}, 0));
  }
  auto r = RunBinary("reprocess --db " + db);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("1 of 1 articles reprocessed"), std::string::npos) << r.out;
  auto kinds = RunBinary("query --sql 'SELECT group_concat(kind) FROM (SELECT kind FROM figures ORDER BY ordinal)' "
                         "--format csv --db " + db, false);
  EXPECT_EQ(kinds.out.find("liquidation"), std::string::npos) << kinds.out;
  EXPECT_NE(kinds.out.find("price"), std::string::npos) << kinds.out;
  auto again = RunBinary("reprocess --db " + db);
  EXPECT_NE(again.out.find("0 of 0 articles reprocessed"), std::string::npos) << again.out;
  auto all = RunBinary("reprocess --all --db " + db);
  EXPECT_NE(all.out.find("1 of 1 articles reprocessed"), std::string::npos) << all.out;
  auto runs = RunBinary("query --sql \"SELECT count(*) FROM runs WHERE command = 'reprocess' AND status = 'ok'\" "
                        "--format csv --db " + db, false);
  EXPECT_EQ(runs.out, "count(*)\r\n3\r\n");
}

}  // namespace
}  // namespace cn
