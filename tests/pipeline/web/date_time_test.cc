#include "pipeline/web/date_time.h"

#include <gtest/gtest.h>

namespace cn {
namespace {

using std::chrono::seconds;
using std::chrono::sys_seconds;

// Every form ParseDateTime accepts (one row per form, as date_time.h lists
// them), and the near misses it must refuse. Feeds, sitemaps and page
// metadata all read dates through it, so one table holds them all.
TEST(DateTimeTest, ReadsEveryAcceptedFormAndRefusesTheRest) {
  const struct {
    const char* input;
    const char* expected;  // "" = refused
  } cases[] = {
      // ISO 8601 / RFC 3339 / W3C-DTF
      {"2026-02-05", "2026-02-05T00:00:00Z"},
      {"2026-2-5", "2026-02-05T00:00:00Z"},
      {"2026-02-05T22:08:00Z", "2026-02-05T22:08:00Z"},
      {"2026-02-05t22:08:00z", "2026-02-05T22:08:00Z"},
      {"2025-11-25T14:03Z", "2025-11-25T14:03:00Z"},
      {"2026-02-05 22:08", "2026-02-05T22:08:00Z"},
      {"2025-11-25 14:03:00", "2025-11-25T14:03:00Z"},
      {"2026-02-05T7:08:00Z", "2026-02-05T07:08:00Z"},
      {"2026-02-05T17:08:00-05:00", "2026-02-05T22:08:00Z"},
      {"2026-02-06T01:00:00+03:00", "2026-02-05T22:00:00Z"},
      {"2026-02-05T23:08:00.123+0100", "2026-02-05T22:08:00Z"},
      {"2025-11-25T08:15:30.250-05:00", "2025-11-25T13:15:30Z"},
      {"2025-11-25T08:15:30,5+01", "2025-11-25T07:15:30Z"},
      {"2025-11-25T08:15:30.1234567890123Z", "2025-11-25T08:15:30Z"},
      {"2026-02-05T22:08:00 +00:00", "2026-02-05T22:08:00Z"},
      {"2025-11-25 14:03 UTC", "2025-11-25T14:03:00Z"},
      {"2024-02-29T12:00:00+00:00", "2024-02-29T12:00:00Z"},
      {"2016-12-31T23:59:60Z", "2016-12-31T23:59:59Z"},
      {"  2026-02-05T22:08:00Z\n", "2026-02-05T22:08:00Z"},
      // RFC 822 / 2822 / 1123 / 850
      {"Tue, 25 Nov 2025 14:03:00 +0000", "2025-11-25T14:03:00Z"},
      {"Tue, 25 Nov 2025 14:03:00 GMT", "2025-11-25T14:03:00Z"},
      {"Thu, 05 Feb 2026 22:08:00 +0000", "2026-02-05T22:08:00Z"},
      {"25 Nov 2025 14:03 -0500", "2025-11-25T19:03:00Z"},
      {"Mon, 24 Nov 2025 09:30:00 EST", "2025-11-24T14:30:00Z"},
      {"Thu, 05 Feb 2026 17:08:00 EST", "2026-02-05T22:08:00Z"},
      {"Sun, 30 Nov 2025 23:30:00 -0100", "2025-12-01T00:30:00Z"},
      {"Wed, 31 Dec 2025 23:59:59 +01:00", "2025-12-31T22:59:59Z"},
      {"Wed, 02 Jul 2025 10:00:00 BST", "2025-07-02T09:00:00Z"},
      {"Wed, 02 Jul 2025 10:00:00 PDT", "2025-07-02T17:00:00Z"},
      {"Wed, 02 Jul 2025 10:00:00 GMT+0200", "2025-07-02T08:00:00Z"},
      {"  Thu, 01 Jan 1970 00:00:00 Z  ", "1970-01-01T00:00:00Z"},
      {"5 February 2026 22:08 GMT", "2026-02-05T22:08:00Z"},
      {"5 Feb 2026", "2026-02-05T00:00:00Z"},
      {"5 Feb, 2026 10:00", "2026-02-05T10:00:00Z"},
      {"24 Nov 25 08:00 GMT", "2025-11-24T08:00:00Z"},
      {"Monday, 23-Nov-26 07:40:00 GMT", "2026-11-23T07:40:00Z"},
      {"Sunday, 06-Nov-94 08:49:37 GMT", "1994-11-06T08:49:37Z"},
      // Refused: impossible dates and times, out of range, junk, trailing text.
      {"2025-02-29T12:00:00Z", ""},
      {"2026-11-31", ""},
      {"2026-13-01", ""},
      {"2026-02-05T25:00:00Z", ""},
      {"2026-02-05T22:61:00Z", ""},
      {"2026-02-05T22:08:00+24:00", ""},
      {"2026-02-05T22:08:00+1", ""},
      {"1899-12-31", ""},
      {"2201-01-01", ""},
      {"Tue, 32 Nov 2025 14:03:00 +0000", ""},
      {"Tue, 25 Foo 2025 14:03:00 +0000", ""},
      {"25 Nov 2025 14:03:00 XYZ", ""},
      {"25 Nov 202 14:03", ""},
      {"2026-02-05T22:08:00 Mars", ""},
      {"2025-11-25T14:03:00Z trailing", ""},
      {"2026-02-05Z", ""},
      {"yesterday", ""},
      {"yesterday at noon", ""},
      {"", ""},
      {"   ", ""},
      {"2026-02-05T22:08:00Z                                                          ", "2026-02-05T22:08:00Z"},
      {"Tue, 25 Nov 2025 14:03:00 +0000 (Coordinated Universal Time, the long way round)", ""},
  };
  for (const auto& c : cases) {
    auto t = ParseDateTime(c.input);
    if (c.expected[0] == '\0') {
      EXPECT_FALSE(t.has_value()) << "'" << c.input << "' read as " << FormatUtc(*t);
    } else {
      ASSERT_TRUE(t.has_value()) << "'" << c.input << "' refused";
      EXPECT_EQ(FormatUtc(*t), c.expected) << c.input;
      EXPECT_EQ(NormalizeDateTime(c.input), c.expected) << c.input;
    }
  }
  EXPECT_EQ(NormalizeDateTime("yesterday"), "");
}

TEST(DateTimeTest, FormatsUtcToTheSecondRoundingDown) {
  EXPECT_EQ(FormatUtc(sys_seconds(seconds(0))), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatUtc(sys_seconds(seconds(1764079380))), "2025-11-25T14:03:00Z");
  EXPECT_EQ(FormatUtc(sys_seconds(seconds(-1))), "1969-12-31T23:59:59Z");
  EXPECT_EQ(FormatUtc(std::chrono::system_clock::time_point(std::chrono::milliseconds(1764079380999))),
            "2025-11-25T14:03:00Z");
  EXPECT_EQ(FormatUtc(sys_seconds(seconds(951782400))), "2000-02-29T00:00:00Z");
}

TEST(DateTimeTest, FormattedTimesReadBackUnchanged) {
  for (int64_t t : {0LL, 951782400LL, 1764079380LL, 4102444799LL}) {
    const std::string text = FormatUtc(sys_seconds(seconds(t)));
    auto back = ParseDateTime(text);
    ASSERT_TRUE(back) << text;
    EXPECT_EQ(back->time_since_epoch().count(), t) << text;
  }
}

}  // namespace
}  // namespace cn
