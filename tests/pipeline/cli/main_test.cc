#include <gtest/gtest.h>

#include "tests/support/run_binary.h"

namespace cn {
namespace {

using testing::RunBinary;

TEST(CliTest, UnknownCommandSuggestsTheClosestOne) {
  auto r = RunBinary("extrct");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("did you mean 'extract'"), std::string::npos) << r.out;
}

TEST(CliTest, NoCommandIsAUsageError) {
  auto r = RunBinary("");
  EXPECT_EQ(r.exit_code, 2) << r.out;
}

TEST(CliTest, ExtractHelpExplainsEveryField) {
  auto r = RunBinary("extract --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* field : {"kind", "asset", "value_high", "unit", "qualifier", "direction", "window",
                            "side", "name", "role", "metric", "start, end", "text"})
    EXPECT_NE(r.out.find(field), std::string::npos) << field;
}

}  // namespace
}  // namespace cn

namespace cn {
namespace {

TEST(CliTest, EverySubcommandHasHelp) {
  auto top = testing::RunBinary("--help");
  ASSERT_EQ(top.exit_code, 0);
  for (const char* name : {"ingest", "extract", "article", "sentiment", "reprocess", "query", "export", "stats",
                           "sources", "crawl"}) {
    EXPECT_NE(top.out.find(name), std::string::npos) << name << " missing from --help";
    auto r = testing::RunBinary(std::string(name) + " --help");
    EXPECT_EQ(r.exit_code, 0) << name;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << name << ": " << r.out;
  }
}

}  // namespace
}  // namespace cn
