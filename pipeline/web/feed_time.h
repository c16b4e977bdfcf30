// Dates as feeds and sitemaps write them, turned into one form: UTC ISO 8601
// with seconds, "2025-11-25T14:03:00Z". That form sorts as text, so callers
// compare dates with plain string comparison.
//
// Accepted inputs:
//   - RFC 822 / RFC 2822 (RSS 2.0 pubDate): "Tue, 25 Nov 2025 14:03:00 +0000",
//     weekday optional, seconds optional, 2- or 4-digit year, zones
//     +hhmm/-hhmm, GMT, UT, UTC, Z, EST/EDT/CST/CDT/MST/MDT/PST/PDT;
//   - ISO 8601 / W3C-DTF (Atom, dc:date, sitemaps): "2025-11-25",
//     "2025-11-25T14:03Z", "2025-11-25T14:03:00.123+01:00", a space instead
//     of the "T", no zone (taken as UTC).
// Anything else, or an impossible date, gives "".
//
// Pure functions, thread-safe. Reachable from the feed fuzz target: no
// <expected> here.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace cn {

// Any supported feed date → "YYYY-MM-DDTHH:MM:SSZ", or "" when unparseable.
std::string NormalizeFeedDate(std::string_view text);

// Seconds since the Unix epoch → "YYYY-MM-DDTHH:MM:SSZ".
std::string FormatUtcIso(int64_t unix_seconds);

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
// algorithm), for any year.
int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day);

}  // namespace cn
