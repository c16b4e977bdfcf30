#include "pipeline/web/utc_time.h"

#include <cstdio>
#include <ctime>

namespace cn {

std::string FormatUtc(std::chrono::system_clock::time_point t) {
  std::time_t secs = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string NowUtc() { return FormatUtc(std::chrono::system_clock::now()); }

std::expected<std::string, std::string> ParseSinceDate(std::string_view text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  char tail = 0;
  std::string copy(text);
  bool ok = false;
  if (copy.size() == 10) {
    ok = std::sscanf(copy.c_str(), "%4d-%2d-%2d%c", &y, &mo, &d, &tail) == 3;
  } else if (copy.size() == 20 && copy.back() == 'Z') {
    ok = std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ", &y, &mo, &d, &h, &mi, &s) == 6;
  }
  if (!ok || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60 || y < 1970)
    return std::unexpected("invalid date '" + copy + "': expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (UTC)");
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h, mi, s);
  return std::string(buf);
}

}  // namespace cn
