#include "pipeline/web/feed_time.h"

#include <gtest/gtest.h>

namespace cn {
namespace {

TEST(FeedTimeTest, NormalizesTable) {
  const struct {
    const char* input;
    const char* expected;  // "" = rejected
  } cases[] = {
      {"Tue, 25 Nov 2025 14:03:00 +0000", "2025-11-25T14:03:00Z"},
      {"Tue, 25 Nov 2025 14:03:00 GMT", "2025-11-25T14:03:00Z"},
      {"25 Nov 2025 14:03 -0500", "2025-11-25T19:03:00Z"},
      {"Mon, 24 Nov 2025 09:30:00 EST", "2025-11-24T14:30:00Z"},
      {"Sun, 30 Nov 2025 23:30:00 -0100", "2025-12-01T00:30:00Z"},
      {"24 Nov 25 08:00 GMT", "2025-11-24T08:00:00Z"},
      {"Wed, 31 Dec 2025 23:59:59 +01:00", "2025-12-31T22:59:59Z"},
      {"  Thu, 01 Jan 1970 00:00:00 Z  ", "1970-01-01T00:00:00Z"},
      {"2025-11-25T08:15:30.250-05:00", "2025-11-25T13:15:30Z"},
      {"2025-11-25T14:03Z", "2025-11-25T14:03:00Z"},
      {"2025-11-25 14:03:00", "2025-11-25T14:03:00Z"},
      {"2025-11-25", "2025-11-25T00:00:00Z"},
      {"2024-02-29T12:00:00+00:00", "2024-02-29T12:00:00Z"},
      {"2025-02-29T12:00:00Z", ""},
      {"2025-13-01", ""},
      {"Tue, 32 Nov 2025 14:03:00 +0000", ""},
      {"Tue, 25 Foo 2025 14:03:00 +0000", ""},
      {"25 Nov 2025 14:03:00 XYZ", ""},
      {"yesterday", ""},
      {"", ""},
      {"2025-11-25T14:03:00Z trailing", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(NormalizeFeedDate(c.input), c.expected) << c.input;
}

TEST(FeedTimeTest, FormatsEpochSeconds) {
  EXPECT_EQ(FormatUtcIso(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatUtcIso(1764079380), "2025-11-25T14:03:00Z");
  EXPECT_EQ(FormatUtcIso(-1), "1969-12-31T23:59:59Z");
}

}  // namespace
}  // namespace cn
