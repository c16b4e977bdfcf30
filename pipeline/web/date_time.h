// The one date-time parser and the one UTC formatter of the pipeline: feeds,
// sitemaps, page metadata and --since read dates with ParseDateTime, and
// every time stored or printed is written by FormatUtc.
//
// Stored form: UTC ISO 8601 with seconds, "2026-11-25T19:15:01Z". It sorts
// as text, so callers compare times with plain string comparison.
//
// Accepted by ParseDateTime (after trimming ASCII space; at most 64 bytes;
// tests/pipeline/web/date_time_test.cc holds one row per form):
//   - ISO 8601 / RFC 3339 / W3C-DTF: "2026-11-25", "2026-11-25T19:15Z",
//     "2026-11-25T19:15:01.250+01:00"; month and day of one or two digits;
//     "t" or a space instead of "T"; a fraction of a second (dropped); zone
//     "Z", +hh, +hhmm, +hh:mm or a zone name (below), space before it allowed.
//   - RFC 822 / RFC 2822 / RFC 1123 / RFC 850: "Tue, 25 Nov 2025 14:03:00
//     +0000", "Monday, 23-Nov-26 07:40:00 GMT", "5 February 2026 22:08 GMT":
//     an optional leading word (the weekday) and comma; day, month name (its
//     first three letters count) and year separated by space or "-"; a
//     two-digit year is 20yy below 50 and 19yy from 50 (RFC 2822, 4.3); time
//     hh:mm[:ss] optional; zone as above.
//   - Zone names: UT, UTC, GMT, Z, BST (+1), EST/EDT, CST/CDT, MST/MDT,
//     PST/PDT (RFC 822's US zones); a name may be followed by an offset
//     ("GMT+0100").
// A time without zone is UTC; a date alone is midnight UTC. A leap second
// (:60) counts as :59. Rejected: impossible dates (2026-11-31, 25:00), years
// outside 1900..2200, offsets of 24 hours or more, anything after the zone.
//
// Pure functions, thread-safe. Includes no <expected>: the fuzz targets
// (clang with libstdc++ 12) compile this file.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cn {

// The instant `text` names, or std::nullopt when it is none of the forms above.
std::optional<std::chrono::sys_seconds> ParseDateTime(std::string_view text);

// FormatUtc(ParseDateTime(text)), or "" when `text` is unreadable: how feed
// and sitemap dates are kept ("" means unknown).
std::string NormalizeDateTime(std::string_view text);

// "2026-11-25T19:15:01Z": `t` in UTC, to the second (rounded down).
std::string FormatUtc(std::chrono::system_clock::time_point t);

// FormatUtc of the system clock's now.
std::string NowUtc();

}  // namespace cn
