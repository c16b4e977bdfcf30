// The date flags of every command (--since, --until): one help text and one
// reader, so `ingest`, `crawl` and `export` accept the same forms and say
// the same thing about a bad value. The forms are ParseSince's (web/since.h).
#pragma once

#include <string>
#include <string_view>

namespace cn {

// What a date flag accepts, for --help.
inline constexpr const char* kDateFlagForms =
    "2026-11-20 (midnight UTC), 2026-11-20T06:00:00Z, an RFC 822 date, or a span back from now: 36h, 2d";

// Reads `value` given to `flag` of `command` into a UTC ISO 8601 time in
// *out ("" when `value` is empty: no bound). On a bad value prints
// "cryptonews COMMAND: FLAG: invalid date 'VALUE': …" on stderr and returns
// false.
bool ReadDateFlag(std::string_view command, std::string_view flag, const std::string& value, std::string* out);

}  // namespace cn
