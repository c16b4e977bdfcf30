#include <gtest/gtest.h>

#include "pipeline/web/timestamp.h"

namespace cn {
namespace {

TEST(TimestampTest, NormalisesToUtc) {
  struct Case {
    const char* input;
    const char* expected;  // "" = rejected
  } cases[] = {
      {"2026-02-05T22:08:00Z", "2026-02-05T22:08:00Z"},
      {"2026-02-05T17:08:00-05:00", "2026-02-05T22:08:00Z"},
      {"2026-02-05T23:08:00.123+0100", "2026-02-05T22:08:00Z"},
      {"2026-02-05 22:08", "2026-02-05T22:08:00Z"},
      {"2026-02-05", "2026-02-05T00:00:00Z"},
      {"2026-02-06T01:00:00+03:00", "2026-02-05T22:00:00Z"},
      {"Thu, 05 Feb 2026 22:08:00 +0000", "2026-02-05T22:08:00Z"},
      {"Thu, 05 Feb 2026 17:08:00 EST", "2026-02-05T22:08:00Z"},
      {"5 February 2026 22:08 GMT", "2026-02-05T22:08:00Z"},
      {"  2026-02-05T22:08:00Z\n", "2026-02-05T22:08:00Z"},
      // Rejected: impossible dates, junk, out of range, empty.
      {"2026-02-30T10:00:00Z", ""},
      {"2026-13-01", ""},
      {"2026-02-05T25:00:00Z", ""},
      {"yesterday at noon", ""},
      {"2026-02-05T22:08:00 Mars", ""},
      {"", ""},
  };
  for (const Case& c : cases) {
    auto t = ParseTimestamp(c.input);
    if (c.expected[0] == '\0') {
      EXPECT_FALSE(t.has_value()) << c.input;
    } else {
      ASSERT_TRUE(t.has_value()) << c.input;
      EXPECT_EQ(FormatUtcIso8601(*t), c.expected) << c.input;
    }
  }
}

}  // namespace
}  // namespace cn
