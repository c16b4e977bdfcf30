#include "pipeline/web/since.h"

#include <gtest/gtest.h>

namespace cn {
namespace {

TEST(SinceTest, ReadsSpansDatesAndTimes) {
  const auto now = std::chrono::system_clock::time_point(std::chrono::seconds(1764079380));  // 2025-11-25T14:03:00Z
  const struct {
    const char* input;
    const char* expected;
  } cases[] = {
      {"36h", "2025-11-24T02:03:00Z"},
      {"2d", "2025-11-23T14:03:00Z"},
      {"0d", "2025-11-25T14:03:00Z"},
      {"999999h", "1911-10-28T23:03:00Z"},
      {"2025-11-20", "2025-11-20T00:00:00Z"},
      {"2025-11-20T06:00:00Z", "2025-11-20T06:00:00Z"},
      {"2025-11-20T08:00+02:00", "2025-11-20T06:00:00Z"},
      {"Thu, 20 Nov 2025 06:00:00 GMT", "2025-11-20T06:00:00Z"},
      {"Monday, 23-Nov-26 07:40:00 GMT", "2026-11-23T07:40:00Z"},
  };
  for (const auto& c : cases) {
    auto since = ParseSince(c.input, now);
    ASSERT_TRUE(since) << c.input << ": " << since.error();
    EXPECT_EQ(*since, c.expected) << c.input;
  }
}

TEST(SinceTest, RefusesWhatIsNoDateNamingTheValue) {
  const auto now = std::chrono::system_clock::now();
  for (const char* bad : {"2026-11-31", "2026-13-01", "2w", "d", "h", "-2d", "1000000h", "2.5d", "yesterday", ""}) {
    auto since = ParseSince(bad, now);
    ASSERT_FALSE(since) << bad << " read as " << *since;
    EXPECT_NE(since.error().find("invalid date '" + std::string(bad) + "'"), std::string::npos) << since.error();
    EXPECT_NE(since.error().find("36h or 2d"), std::string::npos) << since.error();
  }
}

}  // namespace
}  // namespace cn
