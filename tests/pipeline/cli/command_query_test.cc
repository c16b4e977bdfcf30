// query, export and stats run as the real binary over a database the test
// fills through ArticleStore.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <sstream>

#include "extractors/figure_extractor.h"
#include "pipeline/store/article_store.h"
#include "tests/support/run_binary.h"
#include "tests/support/store_fixtures.h"
#include "tests/support/temp_dir.h"

namespace cn {
namespace {

using testing::MakeArticle;
using testing::MakeLiquidation;
using testing::RunBinary;
using testing::TempDir;

class QueryCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.File("news.db");
    auto store = ArticleStore::Open(db_);
    ASSERT_TRUE(store) << store.error();
    ArticleRecord a = MakeArticle("liq", "Longs lost $300 million and shorts $100 million.", "wire-a");
    Figure price;
    price.kind = FigureKind::kPrice;
    price.asset = "BTC";
    price.value = 81000;
    price.text = "$81,000";
    Figure move;
    move.kind = FigureKind::kPercentChange;
    move.asset = "ETH";
    move.value = 12.5;
    move.unit = "%";
    move.direction = Direction::kDown;
    move.text = "12.5%";
    ASSERT_TRUE(store->UpsertArticle(a,
                                     {MakeLiquidation(3e8, Side::kLong, 11, 23, "$300 million"),
                                      MakeLiquidation(1e8, Side::kShort, 35, 47, "$100 million"), price, move},
                                     {}, 1));
    ArticleRecord b = MakeArticle("calm, \"quoted\"", "Nothing to see.", "wire-b");
    b.published_at = "2026-11-21T09:00:00Z";
    ASSERT_TRUE(store->UpsertArticle(b, {MakeLiquidation(5e7, Side::kNone, 0, 3, "x")}, {}, 1));
  }

  std::string Db() const { return " --db " + db_; }

  TempDir dir_;
  std::string db_;
};

TEST_F(QueryCommandTest, LiquidationsPerDaySplitsLongAndShort) {
  auto r = RunBinary("query liquidations-per-day --format jsonl" + Db(), false);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::istringstream lines(r.out);
  std::string line;
  std::vector<nlohmann::json> rows;
  while (std::getline(lines, line)) rows.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(rows.size(), 2u) << r.out;
  EXPECT_EQ(rows[0]["day"], "2026-11-21");
  EXPECT_TRUE(rows[0]["asset"].is_null());
  EXPECT_EQ(rows[0]["total_usd"], 50000000);
  EXPECT_EQ(rows[1]["day"], "2026-11-20");
  EXPECT_EQ(rows[1]["long_usd"], 300000000);
  EXPECT_EQ(rows[1]["short_usd"], 100000000);
  EXPECT_TRUE(rows[1]["total_usd"].is_null());
}

std::vector<nlohmann::json> JsonLines(const std::string& out) {
  std::istringstream lines(out);
  std::string line;
  std::vector<nlohmann::json> rows;
  while (std::getline(lines, line)) rows.push_back(nlohmann::json::parse(line));
  return rows;
}

// The report used to add per-asset figures into the day's row, so a day
// with only "XRP shorts $48M" read as short = 48M beside an empty total.
// Now each (day, asset) is its own row, and the market-wide row (asset
// null) holds only figures that name no asset.
TEST(LiquidationsPerDayTest, HasAnAssetColumnAndTotalsAreMarketWideOnly) {
  TempDir dir;
  std::string db = dir.File("liq.db");
  {
    auto store = ArticleStore::Open(db);
    ASSERT_TRUE(store) << store.error();
    auto with_asset = [](Figure f, const std::string& asset) {
      f.asset = asset;
      return f;
    };
    ArticleRecord xrp_only = MakeArticle("xrp", "XRP shorts lost $48 million.");
    xrp_only.published_at = "2026-11-22T10:00:00Z";
    ASSERT_TRUE(store->UpsertArticle(
        xrp_only, {with_asset(MakeLiquidation(48e6, Side::kShort, 17, 28, "$48 million"), "XRP")}, {}, 1));
    ArticleRecord mixed = MakeArticle("mixed", "The market lost $1 billion; BTC longs $200 million, shorts $50 million.");
    mixed.published_at = "2026-11-21T10:00:00Z";
    ASSERT_TRUE(store->UpsertArticle(mixed,
                                     {MakeLiquidation(1e9, Side::kNone, 16, 26, "$1 billion"),
                                      with_asset(MakeLiquidation(2e8, Side::kLong, 38, 50, "$200 million"), "BTC"),
                                      MakeLiquidation(5e7, Side::kShort, 59, 70, "$50 million")},
                                     {}, 1));
  }
  auto r = RunBinary("query liquidations-per-day --format jsonl --db " + db, false);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto rows = JsonLines(r.out);
  ASSERT_EQ(rows.size(), 3u) << r.out;
  EXPECT_EQ(rows[0]["day"], "2026-11-22");
  EXPECT_EQ(rows[0]["asset"], "XRP");
  EXPECT_EQ(rows[0]["short_usd"], 48000000);
  EXPECT_TRUE(rows[0]["total_usd"].is_null());
  EXPECT_EQ(rows[1]["day"], "2026-11-21");
  EXPECT_TRUE(rows[1]["asset"].is_null()) << "the market-wide row comes first";
  EXPECT_EQ(rows[1]["total_usd"], 1000000000);
  EXPECT_EQ(rows[1]["short_usd"], 50000000);
  EXPECT_TRUE(rows[1]["long_usd"].is_null()) << "BTC's longs are not market-wide: " << r.out;
  EXPECT_EQ(rows[2]["asset"], "BTC");
  EXPECT_EQ(rows[2]["long_usd"], 200000000);
  EXPECT_EQ(rows[2]["mentions"], 1);
  // The view scripts already use keeps its columns and now sums market-wide figures only.
  auto view = RunBinary("query --format csv --sql 'SELECT day, total_usd, long_usd, short_usd FROM daily_liquidations "
                        "ORDER BY day' --db " + db, false);
  EXPECT_EQ(view.out, "day,total_usd,long_usd,short_usd\r\n2026-11-21,1000000000,,50000000\r\n") << view.out;
}

// The report took an article's last price mention, so a conditional level
// after the current price won. Now statements of the current price come
// first, prices of unknown role after them, and levels, targets and past
// prices never.
TEST(LatestPricesTest, PrefersTheCurrentPriceOverLevelsTargetsAndPastPrices) {
  TempDir dir;
  std::string db = dir.File("prices.db");
  {
    auto store = ArticleStore::Open(db);
    ASSERT_TRUE(store) << store.error();
    FigureExtractor extractor;
    ArticleRecord xrp = MakeArticle("xrp", "XRP is trading at $2.41, and a close above $2.50 would open the way to $3.");
    xrp.published_at = "2026-11-20T10:00:00Z";
    std::vector<Figure> figures = extractor.Extract(xrp.text);
    ASSERT_EQ(figures.size(), 3u);
    ASSERT_EQ(figures[0].role, PriceRole::kCurrent) << "the extractor marks $2.41 as current";
    ASSERT_NE(figures[1].role, PriceRole::kCurrent);
    ASSERT_TRUE(store->UpsertArticle(xrp, figures, {}, 1));
    // A newer article whose only XRP price is a forecast does not replace it;
    // a price of unknown role (SOL) is shown when nothing better exists.
    ArticleRecord later = MakeArticle("later", "Analysts see XRP at $5; SOL $180.");
    later.published_at = "2026-11-21T10:00:00Z";
    Figure target;
    target.kind = FigureKind::kPrice;
    target.asset = "XRP";
    target.value = 5;
    target.role = PriceRole::kTarget;
    target.text = "$5";
    Figure unknown = target;
    unknown.asset = "SOL";
    unknown.value = 180;
    unknown.role = PriceRole::kNone;
    unknown.text = "$180";
    ASSERT_TRUE(store->UpsertArticle(later, {target, unknown}, {}, 1));
  }
  auto r = RunBinary("query latest-prices --format jsonl --db " + db, false);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto rows = JsonLines(r.out);
  ASSERT_EQ(rows.size(), 2u) << r.out;
  EXPECT_EQ(rows[0]["asset"], "SOL");
  EXPECT_EQ(rows[0]["price"], 180);
  EXPECT_TRUE(rows[0]["role"].is_null()) << r.out;
  EXPECT_EQ(rows[1]["asset"], "XRP");
  EXPECT_EQ(rows[1]["price"], 2.41) << r.out;
  EXPECT_EQ(rows[1]["role"], "current") << r.out;
}

// Open-interest and volume moves used to rank among price moves.
TEST(BiggestMovesTest, ShowsPriceMovesOnlyUnlessAskedForAllMetrics) {
  TempDir dir;
  std::string db = dir.File("moves.db");
  {
    auto store = ArticleStore::Open(db);
    ASSERT_TRUE(store) << store.error();
    auto move = [](double percent, const std::string& metric, const std::string& text) {
      Figure f;
      f.kind = FigureKind::kPercentChange;
      f.asset = "BTC";
      f.value = percent;
      f.unit = "%";
      f.direction = Direction::kUp;
      f.metric = metric;
      f.text = text;
      return f;
    };
    ASSERT_TRUE(store->UpsertArticle(MakeArticle("oi", "Open interest jumped 40%, volume 25%, and BTC rose 3%."),
                                     {move(40, "open_interest", "40%"), move(25, "volume", "25%"),
                                      move(3, "price", "3%"), move(2, "", "2%")},
                                     {}, 1));
  }
  auto metrics = [&](const std::string& args) {
    auto r = RunBinary("query biggest-moves --format jsonl --db " + db + args, false);
    EXPECT_EQ(r.exit_code, 0) << r.out;
    std::string listed;
    for (const auto& row : JsonLines(r.out)) listed += row["metric"].get<std::string>() + " ";
    return listed;
  };
  EXPECT_EQ(metrics(""), "price price ") << "a move of no stated metric is a price move";
  EXPECT_EQ(metrics(" --all-metrics"), "open_interest volume price price ");
  auto elsewhere = RunBinary("query latest-prices --all-metrics --db " + db);
  EXPECT_EQ(elsewhere.exit_code, 2) << elsewhere.out;
  EXPECT_NE(elsewhere.out.find("--all-metrics applies to biggest-moves only"), std::string::npos) << elsewhere.out;
}

TEST_F(QueryCommandTest, EveryNamedReportRunsInEveryFormat) {
  for (const char* report : {"liquidations-per-day", "latest-prices", "biggest-moves", "articles-per-source",
                             "asset-sentiment", "recent-runs"})
    for (const char* format : {"table", "csv", "jsonl"}) {
      auto r = RunBinary(std::string("query ") + report + " --format " + format + Db());
      EXPECT_EQ(r.exit_code, 0) << report << " " << format << ": " << r.out;
    }
  auto prices = RunBinary("query latest-prices --format csv" + Db(), false);
  EXPECT_NE(prices.out.find("BTC,81000,USD,exact,2026-11-20T08:30:00Z,wire-a"), std::string::npos) << prices.out;
  auto moves = RunBinary("query biggest-moves --format csv" + Db(), false);
  EXPECT_NE(moves.out.find("ETH,price,-12.5"), std::string::npos) << moves.out;
}

TEST_F(QueryCommandTest, SqlIsReadOnly) {
  for (const char* sql : {"DELETE FROM articles", "CREATE TABLE t(x)", "PRAGMA user_version = 5",
                          "INSERT INTO sources(name, first_seen_at) VALUES ('x', 'y')"}) {
    auto r = RunBinary(std::string("query --sql \"") + sql + "\"" + Db());
    EXPECT_EQ(r.exit_code, 3) << sql << ": " << r.out;
    EXPECT_NE(r.out.find("open for reading only"), std::string::npos) << sql << ": " << r.out;
  }
  auto schema = RunBinary("query --sql \"UPDATE sqlite_master SET sql = ''\"" + Db());
  EXPECT_EQ(schema.exit_code, 3) << schema.out;
  EXPECT_NE(schema.out.find("may not be modified"), std::string::npos) << schema.out;
  auto attach = RunBinary("query --sql \"ATTACH '" + dir_.File("other.db") + "' AS o\"" + Db());
  EXPECT_NE(attach.exit_code, 0) << attach.out;
  auto count = RunBinary("query --sql 'SELECT count(*) AS n FROM articles' --format csv" + Db(), false);
  EXPECT_EQ(count.exit_code, 0);
  EXPECT_EQ(count.out, "n\r\n2\r\n");
}

// The read-only open alone let VACUUM INTO and ATTACH create files (and fill
// an empty one); the authorizer refuses them before anything runs.
TEST_F(QueryCommandTest, SqlCannotCreateOrFillFiles) {
  std::string fresh = dir_.File("copy.db");
  std::string empty = dir_.Write("empty.db", "");
  for (const std::string& sql : {"VACUUM INTO '" + fresh + "'", "VACUUM INTO '" + empty + "'",
                                 "ATTACH '" + fresh + "' AS o"}) {
    auto r = RunBinary("query --sql \"" + sql + "\"" + Db());
    EXPECT_EQ(r.exit_code, 3) << sql << ": " << r.out;
    EXPECT_NE(r.out.find("refused"), std::string::npos) << sql << ": " << r.out;
  }
  EXPECT_FALSE(std::filesystem::exists(fresh));
  EXPECT_EQ(std::filesystem::file_size(empty), 0u);
}

TEST_F(QueryCommandTest, SqlIsExactlyOneStatement) {
  auto two = RunBinary("query --sql 'SELECT 1; DELETE FROM articles'" + Db());
  EXPECT_EQ(two.exit_code, 3) << two.out;
  EXPECT_NE(two.out.find("more than one statement"), std::string::npos) << two.out;
  auto reads = RunBinary("query --sql 'SELECT 1; SELECT 2'" + Db());
  EXPECT_EQ(reads.exit_code, 3) << reads.out;
  EXPECT_EQ(reads.out.find("1\n"), std::string::npos) << "nothing may run: " << reads.out;
  auto trailing = RunBinary("query --format csv --sql 'SELECT count(*) AS n FROM articles;  -- all of them'" + Db(),
                            false);
  EXPECT_EQ(trailing.exit_code, 0);
  EXPECT_EQ(trailing.out, "n\r\n2\r\n") << "a trailing semicolon and comment are one statement";
}

TEST_F(QueryCommandTest, RunawaySqlStopsAtTheTimeAndMemoryLimits) {
  auto endless = RunBinary("query --timeout 1 --sql 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
                           "SELECT count(*) FROM r'" + Db());
  EXPECT_EQ(endless.exit_code, 3) << endless.out;
  EXPECT_NE(endless.out.find("stopped at the time limit of 1 s (--timeout"), std::string::npos) << endless.out;
  auto doubling = RunBinary("query --max-memory 32 --timeout 0 --sql \"WITH RECURSIVE r(s) AS (SELECT 'x' UNION ALL "
                            "SELECT s || s FROM r) SELECT max(length(s)) FROM r\"" + Db());
  EXPECT_EQ(doubling.exit_code, 3) << doubling.out;
  EXPECT_NE(doubling.out.find("stopped at the memory limit of 32 MiB (--max-memory"), std::string::npos)
      << doubling.out;
  auto help = RunBinary("query --help");
  EXPECT_NE(help.out.find("--timeout"), std::string::npos) << help.out;
  EXPECT_NE(help.out.find("=60"), std::string::npos) << "the default time limit is shown: " << help.out;
}

// A read-only connection cannot remove the -wal and -shm files SQLite
// creates for it; readers used to leave them beside the database.
TEST_F(QueryCommandTest, ReadersLeaveNoWalOrShmFilesBehind) {
  auto leftovers = [&] {
    return std::filesystem::exists(db_ + "-wal") || std::filesystem::exists(db_ + "-shm");
  };
  ASSERT_FALSE(leftovers()) << "the writer removed them when it closed";
  for (const char* args : {"stats", "query recent-runs", "query --sql 'SELECT count(*) FROM figures'", "export"}) {
    auto r = RunBinary(std::string(args) + Db());
    EXPECT_EQ(r.exit_code, 0) << args << ": " << r.out;
    EXPECT_FALSE(leftovers()) << args << " left -wal/-shm files";
  }
  // While a writer has the database open, its files are its own: a reader
  // neither removes them nor gets in its way.
  auto writer = ArticleStore::Open(db_);
  ASSERT_TRUE(writer) << writer.error();
  auto r = RunBinary("query --sql 'SELECT count(*) FROM articles' --format csv" + Db(), false);
  EXPECT_EQ(r.out, "count(*)\r\n2\r\n");
  EXPECT_TRUE(std::filesystem::exists(db_ + "-wal"));
  EXPECT_TRUE(writer->UpsertArticle(MakeArticle("after", "Later text."), {}, {}, 1));
}

// --limit used to be bound into the named reports only; --sql ignored it.
TEST_F(QueryCommandTest, LimitIsHonouredWithSql) {
  const std::string sixty = "--sql 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 60) "
                            "SELECT n FROM r' --format csv";
  auto limited = RunBinary("query --limit 3 " + sixty + Db(), false);
  EXPECT_EQ(limited.exit_code, 0);
  EXPECT_EQ(limited.out, "n\r\n1\r\n2\r\n3\r\n");
  auto all = RunBinary("query " + sixty + Db(), false);
  EXPECT_EQ(std::count(all.out.begin(), all.out.end(), '\n'), 61) << "without --limit, --sql prints every row";
  auto table = RunBinary("query --limit 2 --sql 'SELECT id FROM articles ORDER BY id'" + Db(), false);
  EXPECT_EQ(table.out, "id\n1\n2\n(2 rows)\n");
  auto reports = RunBinary("query liquidations-per-day --limit 1 --format jsonl" + Db(), false);
  EXPECT_EQ(std::count(reports.out.begin(), reports.out.end(), '\n'), 1) << reports.out;
}

// An article stored without a title (articles.title is '') printed
// "title": "" in export and through the views; unknown is null.
TEST_F(QueryCommandTest, AnUntitledArticleHasANullTitleInExportAndTheViews) {
  {
    auto store = ArticleStore::Open(db_);
    ASSERT_TRUE(store) << store.error();
    ArticleRecord untitled = MakeArticle("untitled", "Shorts lost $9 million.");
    untitled.title = "";
    ASSERT_TRUE(store->UpsertArticle(untitled, {MakeLiquidation(9e6, Side::kShort, 12, 22, "$9 million")}, {}, 1));
  }
  auto exported = RunBinary("export --format jsonl" + Db(), false);
  int untitled_rows = 0;
  for (const auto& row : JsonLines(exported.out)) {
    if (row["url"] != "https://news.example/untitled") continue;
    ++untitled_rows;
    EXPECT_TRUE(row["title"].is_null()) << row.dump();
  }
  EXPECT_EQ(untitled_rows, 1) << exported.out;
  for (const char* view : {"figure_mentions", "liquidations", "article_list"}) {
    auto r = RunBinary(std::string("query --format jsonl --sql \"SELECT title FROM ") + view +
                       " WHERE url = 'https://news.example/untitled'\"" + Db(), false);
    auto rows = JsonLines(r.out);
    ASSERT_EQ(rows.size(), 1u) << view << ": " << r.out;
    EXPECT_TRUE(rows[0]["title"].is_null()) << view << ": " << r.out;
  }
}

// export and extract write their CSV through the same RFC 4180 writer as
// query: Python's csv module reads a title with a comma, quotes, a line
// break and a NUL back exactly.
TEST_F(QueryCommandTest, ExportCsvReadsBackExactlyWithPythonCsv) {
  const std::string title = std::string("Crash, \"again\"\r\nand ") + '\0' + " more ";
  {
    auto store = ArticleStore::Open(db_);
    ASSERT_TRUE(store) << store.error();
    ArticleRecord odd = MakeArticle("odd", "Longs lost $7 million.");
    odd.title = title;
    ASSERT_TRUE(store->UpsertArticle(odd, {MakeLiquidation(7e6, Side::kLong, 10, 20, "$7 million")}, {}, 1));
  }
  const std::string csv = dir_.File("export.csv");
  ASSERT_EQ(RunBinary("export --format csv" + Db() + " > " + csv).exit_code, 0);
  const std::string python = "/usr/bin/python3 -c \"import csv, json, sys; "
                             "rows = list(csv.DictReader(open(sys.argv[1], newline=''))); "
                             "print(json.dumps([r['title'] for r in rows if r['url'].endswith('/odd')]))\" " + csv;
  std::string out;
  FILE* p = popen(python.c_str(), "r");
  ASSERT_NE(p, nullptr);
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  EXPECT_EQ(pclose(p), 0) << out;
  auto titles = nlohmann::json::parse(out);
  ASSERT_EQ(titles.size(), 1u) << out;
  EXPECT_EQ(titles[0].get<std::string>(), title);
}

TEST_F(QueryCommandTest, CsvQuotesAndTableAligns) {
  auto csv = RunBinary("query --sql 'SELECT title FROM articles ORDER BY id' --format csv" + Db(), false);
  EXPECT_EQ(csv.out, "title\r\nStory liq\r\n\"Story calm, \"\"quoted\"\"\"\r\n");
  auto table = RunBinary("query --sql \"SELECT 1 AS a, 'xy' AS bb, NULL AS c\"" + Db(), false);
  EXPECT_EQ(table.out, "a  bb  c\n1  xy\n(1 row)\n");
}

TEST_F(QueryCommandTest, BadInputsGetClearErrors) {
  struct Case {
    std::string args;
    int exit_code;
    std::string message;
  } cases[] = {
      {"query no-such-report" + Db(), 2, "unknown report 'no-such-report'"},
      {"query" + Db(), 2, "give either a report name or --sql"},
      {"query --sql 'SELEC 1'" + Db(), 3, "syntax error"},
      {"query latest-prices --db " + dir_.File("missing.db"), 3, "missing.db: no such database"},
      {"export --since 2026-13-01" + Db(), 2, "invalid date '2026-13-01'"},
      {"export --since 2026-11-31" + Db(), 2, "invalid date '2026-11-31'"},
      {"export --kind prices" + Db(), 2, "prices"},
      {"stats --db " + dir_.File("missing.db"), 3, "no such database"},
      {"stats --db " + dir_.path().string(), 3, "is a directory, not a database file"},
  };
  for (const Case& c : cases) {
    auto r = RunBinary(c.args);
    EXPECT_EQ(r.exit_code, c.exit_code) << c.args << ": " << r.out;
    EXPECT_NE(r.out.find(c.message), std::string::npos) << c.args << ": " << r.out;
  }
}

TEST_F(QueryCommandTest, ExportJoinsArticleFieldsAndFilters) {
  auto all = RunBinary("export" + Db(), false);
  ASSERT_EQ(all.exit_code, 0) << all.out;
  std::istringstream lines(all.out);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    auto j = nlohmann::json::parse(line);
    for (const char* key : {"kind", "asset", "value", "value_high", "unit", "qualifier", "direction", "window",
                            "side", "name", "metric", "start", "end", "text", "sentence", "url", "title", "source",
                            "published_at"})
      EXPECT_TRUE(j.contains(key)) << key << " in " << line;
    ++n;
  }
  EXPECT_EQ(n, 5);
  auto liq = RunBinary("export --format csv --kind liquidation --since 2026-11-21" + Db(), false);
  ASSERT_EQ(liq.exit_code, 0) << liq.out;
  EXPECT_EQ(std::count(liq.out.begin(), liq.out.end(), '\n'), 2) << liq.out;  // header + one figure
  EXPECT_NE(liq.out.find("https://news.example/calm"), std::string::npos) << liq.out;
  auto none = RunBinary("export --kind indicator" + Db(), false);
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_EQ(none.out, "");
}

TEST_F(QueryCommandTest, StatsSummarises) {
  auto r = RunBinary("stats" + Db(), false);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  for (const char* want : {"articles             2", "figures              5", "liquidation          3",
                           "schema version "})
    EXPECT_NE(r.out.find(want), std::string::npos) << want << " in\n" << r.out;
}

TEST(CommandHelpTest, EveryStoreCommandHasHelp) {
  for (const char* cmd : {"ingest", "reprocess", "query", "export", "stats"}) {
    auto r = RunBinary(std::string(cmd) + " --help");
    EXPECT_EQ(r.exit_code, 0) << cmd;
    EXPECT_NE(r.out.find("--db"), std::string::npos) << cmd << ": " << r.out;
    EXPECT_NE(r.out.find("Exit codes"), std::string::npos) << cmd << ": " << r.out;
  }
}

}  // namespace
}  // namespace cn
