// UTC timestamps as ISO 8601 text, the one time format the store uses.
#pragma once

#include <chrono>
#include <expected>
#include <string>
#include <string_view>

namespace cn {

// "2026-11-25T19:15:01Z" for the given instant (whole seconds).
std::string FormatUtc(std::chrono::system_clock::time_point t);
std::string NowUtc();

// Parses a --since argument: "2026-11-25" (midnight UTC) or
// "2026-11-25T19:15:01Z". Returns the normalised "YYYY-MM-DDTHH:MM:SSZ" text,
// which compares correctly as a string against stored times.
std::expected<std::string, std::string> ParseSinceDate(std::string_view text);

}  // namespace cn
