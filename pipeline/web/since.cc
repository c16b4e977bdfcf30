#include "pipeline/web/since.h"

#include <algorithm>

#include "pipeline/web/ascii_text.h"
#include "pipeline/web/date_time.h"

namespace cn {

namespace {

// Enough for any span back to 1970 in hours (~500,000), not enough to overflow.
constexpr size_t kMaxSpanDigits = 6;

}  // namespace

std::expected<std::string, std::string> ParseSince(std::string_view text, std::chrono::system_clock::time_point now) {
  const char unit = text.empty() ? '\0' : text.back();
  const std::string_view count = text.substr(0, text.empty() ? 0 : text.size() - 1);
  if ((unit == 'h' || unit == 'd') && !count.empty() && count.size() <= kMaxSpanDigits &&
      std::all_of(count.begin(), count.end(), [](char c) { return ascii::IsDigit(c); })) {
    const int64_t hours = std::stoll(std::string(count)) * (unit == 'd' ? 24 : 1);
    return FormatUtc(now - std::chrono::hours(hours));
  }
  if (auto t = ParseDateTime(text)) return FormatUtc(*t);
  return std::unexpected("invalid date '" + std::string(text) +
                         "': expected YYYY-MM-DD, YYYY-MM-DDTHH:MM:SSZ, an RFC 822 date, or a span back from now "
                         "like 36h or 2d");
}

}  // namespace cn
