#include "pipeline/web/timestamp.h"

#include <array>
#include <cstdio>

namespace cn {

namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  bool Done() const { return i_ >= s_.size(); }
  char Peek() const { return Done() ? '\0' : s_[i_]; }
  void Skip() { ++i_; }
  bool Eat(char c) {
    if (Peek() != c) return false;
    ++i_;
    return true;
  }
  void SkipSpaces() {
    while (!Done() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == ',')) ++i_;
  }
  // Reads exactly `n` digits (or between min and max when given).
  bool Digits(int min, int max, int* value) {
    int count = 0, v = 0;
    while (count < max && !Done() && s_[i_] >= '0' && s_[i_] <= '9') {
      v = v * 10 + (s_[i_] - '0');
      ++i_;
      ++count;
    }
    if (count < min) return false;
    *value = v;
    return true;
  }
  std::string_view Word() {
    size_t start = i_;
    while (!Done() && ((s_[i_] >= 'a' && s_[i_] <= 'z') || (s_[i_] >= 'A' && s_[i_] <= 'Z'))) ++i_;
    return s_.substr(start, i_ - start);
  }
  std::string_view Rest() const { return s_.substr(std::min(i_, s_.size())); }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::optional<std::chrono::sys_seconds> Compose(int y, int mo, int d, int h, int mi, int s,
                                                int offset_minutes) {
  std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(mo)),
                                  std::chrono::day(static_cast<unsigned>(d))};
  if (!ymd.ok() || y < 1900 || y > 2200 || h > 23 || mi > 59 || s > 60) return std::nullopt;
  auto t = std::chrono::sys_days(ymd) + hours(h) + minutes(mi) + seconds(std::min(s, 59));
  return std::chrono::time_point_cast<seconds>(t - minutes(offset_minutes));
}

// Parses "Z", "+01:00", "-0500", "+01", "GMT", "UTC", "EST", ... Empty is UTC.
bool ParseZone(Cursor& c, int* offset_minutes) {
  c.SkipSpaces();
  *offset_minutes = 0;
  if (c.Done()) return true;
  char sign = c.Peek();
  if (sign == 'Z' || sign == 'z') {
    c.Skip();
    return c.Rest().empty() || c.Rest()[0] == ' ';
  }
  if (sign == '+' || sign == '-') {
    c.Skip();
    int hh = 0, mm = 0;
    if (!c.Digits(2, 2, &hh)) return false;
    c.Eat(':');
    c.Digits(2, 2, &mm);
    if (hh > 14 || mm > 59) return false;
    *offset_minutes = (sign == '-' ? -1 : 1) * (hh * 60 + mm);
    return true;
  }
  std::string_view word = c.Word();
  struct Zone {
    const char* name;
    int offset;
  };
  static constexpr std::array<Zone, 11> kZones{{{"UT", 0},
                                                {"UTC", 0},
                                                {"GMT", 0},
                                                {"EST", -300},
                                                {"EDT", -240},
                                                {"CST", -360},
                                                {"CDT", -300},
                                                {"MST", -420},
                                                {"MDT", -360},
                                                {"PST", -480},
                                                {"PDT", -420}}};
  for (const Zone& z : kZones) {
    if (EqualsNoCase(word, z.name)) {
      *offset_minutes = z.offset;
      // "GMT+0100" style.
      if (c.Peek() == '+' || c.Peek() == '-') {
        int extra = 0;
        if (!ParseZone(c, &extra)) return false;
        *offset_minutes += extra;
      }
      return true;
    }
  }
  return false;
}

// hh:mm[:ss[.fff]]
bool ParseClock(Cursor& c, int* h, int* mi, int* s) {
  *s = 0;
  if (!c.Digits(1, 2, h) || !c.Eat(':') || !c.Digits(2, 2, mi)) return false;
  if (c.Eat(':') && !c.Digits(2, 2, s)) return false;
  if (c.Eat('.') || c.Eat(',')) {
    int ignored;
    if (!c.Digits(1, 9, &ignored)) return false;
  }
  return true;
}

std::optional<std::chrono::sys_seconds> ParseIso(std::string_view text) {
  Cursor c(text);
  int y, mo, d, h = 0, mi = 0, s = 0, offset = 0;
  if (!c.Digits(4, 4, &y) || !c.Eat('-') || !c.Digits(1, 2, &mo) || !c.Eat('-') ||
      !c.Digits(1, 2, &d))
    return std::nullopt;
  if (c.Done()) return Compose(y, mo, d, 0, 0, 0, 0);
  if (c.Peek() == 'T' || c.Peek() == 't' || c.Peek() == ' ') {
    c.Skip();
    if (!ParseClock(c, &h, &mi, &s)) return std::nullopt;
  }
  if (!ParseZone(c, &offset)) return std::nullopt;
  return Compose(y, mo, d, h, mi, s, offset);
}

int MonthFromName(std::string_view word) {
  static constexpr std::array<const char*, 12> kMonths{"jan", "feb", "mar", "apr", "may", "jun",
                                                       "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  for (size_t i = 0; i < kMonths.size(); ++i)
    if (EqualsNoCase(word.substr(0, 3), kMonths[i])) return static_cast<int>(i) + 1;
  return 0;
}

std::optional<std::chrono::sys_seconds> ParseRfc822(std::string_view text) {
  Cursor c(text);
  c.SkipSpaces();
  // Optional day-of-week name.
  if ((c.Peek() >= 'A' && c.Peek() <= 'Z') || (c.Peek() >= 'a' && c.Peek() <= 'z')) {
    c.Word();
    c.SkipSpaces();
  }
  int d, y, h = 0, mi = 0, s = 0, offset = 0;
  if (!c.Digits(1, 2, &d)) return std::nullopt;
  c.SkipSpaces();
  c.Eat('-');
  int mo = MonthFromName(c.Word());
  if (mo == 0) return std::nullopt;
  c.SkipSpaces();
  c.Eat('-');
  if (!c.Digits(2, 4, &y)) return std::nullopt;
  if (y < 100) y += y < 70 ? 2000 : 1900;
  c.SkipSpaces();
  if (!c.Done() && !ParseClock(c, &h, &mi, &s)) return std::nullopt;
  if (!ParseZone(c, &offset)) return std::nullopt;
  return Compose(y, mo, d, h, mi, s, offset);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::chrono::sys_seconds> ParseTimestamp(std::string_view text) {
  text = Trim(text);
  if (text.size() < 8 || text.size() > 64) return std::nullopt;
  if (auto t = ParseIso(text)) return t;
  return ParseRfc822(text);
}

std::string FormatUtcIso8601(std::chrono::sys_seconds t) {
  auto day = std::chrono::floor<days>(t);
  std::chrono::year_month_day ymd(day);
  std::chrono::hh_mm_ss<seconds> tod(t - day);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(tod.hours().count()), static_cast<int>(tod.minutes().count()),
                static_cast<int>(tod.seconds().count()));
  return buf;
}

}  // namespace cn
