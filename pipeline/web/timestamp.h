// Parsing of the date-time strings found in pages and feeds into UTC.
//
// Accepted: ISO 8601 / RFC 3339 ("2026-02-05T22:08:00Z", "2026-02-05T17:08:00-05:00",
// "2026-02-05 22:08", "2026-02-05T22:08:00.123+0100", "2026-02-05"), and
// RFC 822 / RFC 1123 ("Thu, 05 Feb 2026 22:08:00 +0000", "5 Feb 2026 22:08 GMT",
// US zone names). A time without a zone is taken as UTC; a date alone as
// midnight UTC. Anything else, or an impossible date, gives std::nullopt.
//
// Pure functions; thread-safe. Includes no <expected> (fuzzed code).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cn {

std::optional<std::chrono::sys_seconds> ParseTimestamp(std::string_view text);

// "2026-02-05T22:08:00Z".
std::string FormatUtcIso8601(std::chrono::sys_seconds t);

}  // namespace cn
