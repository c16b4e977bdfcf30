// export runs as the real binary over a database the test fills through
// ArticleStore: its filters, its date flags, its incremental mode.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

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

}  // namespace
}  // namespace cn
