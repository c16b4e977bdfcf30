// export runs as the real binary over a database the test fills through
// ArticleStore: its filters, its date flags, its incremental mode.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

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

std::vector<nlohmann::json> JsonLines(const std::string& out) {
  std::vector<nlohmann::json> rows;
  std::istringstream lines(out);
  std::string line;
  while (std::getline(lines, line)) rows.push_back(nlohmann::json::parse(line));
  return rows;
}

class ExportCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.File("news.db");
    auto store = ArticleStore::Open(db_);
    ASSERT_TRUE(store) << store.error();
    ArticleRecord a = MakeArticle("early", "Longs lost $300 million.", "wire-a");
    a.published_at = "2026-11-20T08:30:00Z";
    ASSERT_TRUE(store->UpsertArticle(a, {MakeLiquidation(3e8, Side::kLong, 11, 23, "$300 million")}, {}, 1));
    ArticleRecord b = MakeArticle("late", "Shorts lost $100 million.", "wire-b");
    b.published_at = "2026-11-22T09:00:00Z";
    ASSERT_TRUE(store->UpsertArticle(b, {MakeLiquidation(1e8, Side::kShort, 12, 24, "$100 million")}, {}, 1));
  }

  // Stores (or, when its slug exists, replaces) an article of `source`
  // with one BTC price figure.
  void StorePrice(const std::string& slug, const std::string& text, const std::string& source = "wire-c") {
    auto store = ArticleStore::Open(db_);
    ASSERT_TRUE(store) << store.error();
    ArticleRecord a = MakeArticle(slug, text, source);
    a.published_at = "2026-11-23T10:00:00Z";
    Figure price;
    price.kind = FigureKind::kPrice;
    price.asset = "BTC";
    price.value = 81000;
    price.text = "$81,000";
    ASSERT_TRUE(store->UpsertArticle(a, {price}, {}, 1));
  }

  std::vector<nlohmann::json> Export(const std::string& args) {
    auto r = RunBinary("export " + args + Db(), false);
    EXPECT_EQ(r.exit_code, 0) << args << ": " << r.out;
    return JsonLines(r.out);
  }

  std::string Db() const { return " --db " + db_; }

  TempDir dir_;
  std::string db_;
};

// Every command with a date flag reads it with the one parser: an
// impossible date is a usage error naming the flag and the value.
TEST_F(ExportCommandTest, EveryDateFlagRefusesAnImpossibleDateNamingFlagAndValue) {
  const std::string sources = " --sources " + std::string(CRYPTONEWS_SOURCE_DIR) + "/fixtures/demo/sources.toml";
  for (const std::string& args : {"ingest --since 2026-11-31" + sources + " --db " + dir_.File("i.db"),
                                  "crawl --since 2026-11-31" + sources, "export --since 2026-11-31" + Db(),
                                  "export --until 2026-11-31" + Db()}) {
    auto r = RunBinary(args);
    EXPECT_EQ(r.exit_code, 2) << args << ": " << r.out;
    const std::string flag = args.find("--until") != std::string::npos ? "--until" : "--since";
    EXPECT_NE(r.out.find(flag + ": invalid date '2026-11-31'"), std::string::npos) << args << ": " << r.out;
  }
  EXPECT_FALSE(std::filesystem::exists(dir_.File("i.db")));
}

TEST_F(ExportCommandTest, UntilTakesTheSameFormsAsSinceAndIsExclusive) {
  struct Case {
    std::string args;
    size_t rows;
  } cases[] = {
      {"--until 2026-11-21", 1},
      {"--until 2026-11-20T08:30:00Z", 0},  // exclusive: [since, until)
      {"--until 'Sun, 22 Nov 2026 09:00:01 GMT'", 2},
      {"--since 2026-11-21 --until 2026-11-23", 1},
      {"--until 2d", 2},  // two days back from now is after both
      {"--until 200000h", 0},
  };
  for (const Case& c : cases) {
    auto r = RunBinary("export " + c.args + Db(), false);
    ASSERT_EQ(r.exit_code, 0) << c.args << ": " << r.out;
    EXPECT_EQ(JsonLines(r.out).size(), c.rows) << c.args << ": " << r.out;
  }
}

TEST_F(ExportCommandTest, RowsCarryFigureIdAndExtractorVersion) {
  StorePrice("price", "Bitcoin trades at $81,000.");
  auto rows = Export("");
  ASSERT_EQ(rows.size(), 3u);
  std::set<int64_t> ids;
  for (const auto& row : rows) {
    ASSERT_TRUE(row.contains("figure_id")) << row;
    ASSERT_TRUE(row.contains("role")) << row;
    EXPECT_EQ(row["extractor_version"], 1) << row;
    ids.insert(row["figure_id"].get<int64_t>());
  }
  EXPECT_EQ(ids.size(), 3u) << "figure ids must be distinct";
  auto csv = RunBinary("export --format csv" + Db(), false);
  EXPECT_NE(csv.out.substr(0, csv.out.find('\n')).find(",figure_id,extractor_version"), std::string::npos) << csv.out;
}

TEST_F(ExportCommandTest, AssetSourceAndSeveralKindsFilter) {
  StorePrice("price", "Bitcoin trades at $81,000.");
  EXPECT_EQ(Export("--asset btc").size(), 1u);
  EXPECT_EQ(Export("--asset BTC --asset ETH").size(), 1u);
  EXPECT_EQ(Export("--asset ETH").size(), 0u);
  EXPECT_EQ(Export("--source wire-a").size(), 1u);
  EXPECT_EQ(Export("--source wire-a --source wire-c").size(), 2u);
  EXPECT_EQ(Export("--kind liquidation").size(), 2u);
  EXPECT_EQ(Export("--kind liquidation --kind price").size(), 3u);
  EXPECT_EQ(Export("--kind price --kind volume").size(), 1u);
  auto both = Export("--kind liquidation --source wire-b --since 2026-11-21");
  ASSERT_EQ(both.size(), 1u);
  EXPECT_EQ(both[0]["side"], "short");
}

// A tool that polls gets each stored figure once, also when the newest
// article's figures are replaced (their new ids must be above the cursor).
TEST_F(ExportCommandTest, CursorExportsEachStoredFigureOnce) {
  const std::string cursor = dir_.File("export.cursor");
  auto first = Export("--cursor " + cursor);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_LT(first[0]["figure_id"].get<int64_t>(), first[1]["figure_id"].get<int64_t>()) << "ordered by figure_id";
  std::ifstream in(cursor);
  int64_t stored = -1;
  in >> stored;
  EXPECT_EQ(stored, first[1]["figure_id"].get<int64_t>());
  EXPECT_EQ(Export("--cursor " + cursor).size(), 0u) << "nothing new, nothing printed";

  StorePrice("price", "Bitcoin trades at $81,000.");
  auto added = Export("--cursor " + cursor);
  ASSERT_EQ(added.size(), 1u);
  EXPECT_EQ(added[0]["kind"], "price");
  // The newest article changes: its figure is replaced, and must come again.
  StorePrice("price", "Bitcoin now trades at $81,000.");
  auto replaced = Export("--cursor " + cursor);
  ASSERT_EQ(replaced.size(), 1u) << "a replaced figure reused an exported id";
  EXPECT_GT(replaced[0]["figure_id"].get<int64_t>(), added[0]["figure_id"].get<int64_t>());
  EXPECT_EQ(Export("--cursor " + cursor).size(), 0u);

  // --after-id overrides the cursor's id; filters still apply.
  EXPECT_EQ(Export("--after-id 0").size(), 3u);
  EXPECT_EQ(Export("--after-id 0 --kind liquidation").size(), 2u);
  EXPECT_EQ(Export("--after-id " + std::to_string(first[0]["figure_id"].get<int64_t>())).size(), 2u);
}

TEST_F(ExportCommandTest, ABadCursorFileIsAnErrorAndAFailedExportKeepsTheCursor) {
  const std::string cursor = dir_.Write("bad.cursor", "twelve\n");
  auto bad = RunBinary("export --cursor " + cursor + Db());
  EXPECT_EQ(bad.exit_code, 2) << bad.out;
  EXPECT_NE(bad.out.find(cursor + ": not an export cursor"), std::string::npos) << bad.out;

  const std::string good = dir_.Write("good.cursor", "1\n");
  auto failed = RunBinary("export --cursor " + good + " --db " + dir_.File("missing.db"));
  EXPECT_EQ(failed.exit_code, 3) << failed.out;
  std::ifstream in(good);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, "1\n");
  EXPECT_FALSE(std::filesystem::exists(good + ".tmp"));
}

}  // namespace
}  // namespace cn
