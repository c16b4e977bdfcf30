#include <gtest/gtest.h>

#include "tests/pipeline/run_binary.h"

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
                            "side", "name", "metric", "start, end", "text"})
    EXPECT_NE(r.out.find(field), std::string::npos) << field;
}

}  // namespace
}  // namespace cn
