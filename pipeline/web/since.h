// ParseSince: the one reader of every command's --since value.
//
// Accepted: a span back from `now` in hours or days ("36h", "2d"; up to six
// digits), or any date or time ParseDateTime reads (date_time.h): an ISO
// date ("2026-11-20", midnight UTC), an ISO time ("2026-11-20T06:00:00Z",
// "2026-11-20T08:00+02:00"), an RFC 822 date ("Fri, 20 Nov 2026 06:00 GMT").
// The result is the UTC ISO 8601 text (date_time.h's FormatUtc), which
// compares as a string against stored times. Anything else, an impossible
// date ("2026-11-31") included, is an error that quotes the value and lists
// the forms.
//
// Pure function of its arguments; thread-safe.
#pragma once

#include <chrono>
#include <expected>
#include <string>
#include <string_view>

namespace cn {

std::expected<std::string, std::string> ParseSince(std::string_view text, std::chrono::system_clock::time_point now);

}  // namespace cn
