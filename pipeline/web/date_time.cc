#include "pipeline/web/date_time.h"

#include <array>
#include <cstdio>

#include "pipeline/web/ascii_text.h"

namespace cn {

namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr size_t kMaxInputBytes = 64;
constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2200;
// RFC 2822, 4.3: a two-digit year below 50 is 20yy, from 50 on 19yy.
constexpr int kTwoDigitYearPivot = 50;

// A cursor over the input; every reader leaves it unchanged when it fails.
class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  bool AtEnd() const { return i_ >= s_.size(); }
  char Peek() const { return AtEnd() ? '\0' : s_[i_]; }
  bool Eat(char c) {
    if (Peek() != c) return false;
    ++i_;
    return true;
  }
  void SkipSpaces() {
    while (ascii::IsSpace(Peek())) ++i_;
  }
  // Between `min` and `max` digits into *value; false (nothing read) when
  // there are fewer than `min`. *count, when given, is how many were read.
  bool Digits(int min, int max, int* value, int* count = nullptr) {
    size_t start = i_;
    int n = 0, v = 0;
    while (n < max && ascii::IsDigit(Peek())) v = v * 10 + (s_[i_++] - '0'), ++n;
    if (n < min) {
      i_ = start;
      return false;
    }
    *value = v;
    if (count != nullptr) *count = n;
    return true;
  }
  void SkipDigits() {
    while (ascii::IsDigit(Peek())) ++i_;
  }
  std::string_view Word() {
    size_t start = i_;
    while (ascii::IsAlpha(Peek())) ++i_;
    return s_.substr(start, i_ - start);
  }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

struct Fields {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  int offset_minutes = 0;  // local time minus UTC
};

std::optional<std::chrono::sys_seconds> ToInstant(const Fields& f) {
  const std::chrono::year_month_day date{std::chrono::year(f.year), std::chrono::month(static_cast<unsigned>(f.month)),
                                         std::chrono::day(static_cast<unsigned>(f.day))};
  if (f.year < kFirstYear || f.year > kLastYear || f.month < 1 || f.day < 1 || !date.ok()) return std::nullopt;
  if (f.hour > 23 || f.minute > 59 || f.second > 60) return std::nullopt;
  const int second = f.second == 60 ? 59 : f.second;
  return std::chrono::sys_days(date) + hours(f.hour) + minutes(f.minute) + seconds(second) -
         minutes(f.offset_minutes);
}

// "+hh", "+hhmm", "+hh:mm" (or "-").
bool ParseOffset(Cursor& c, int* offset_minutes) {
  const char sign = c.Peek();
  if (sign != '+' && sign != '-') return false;
  c.Eat(sign);
  int hh = 0, mm = 0, digits = 0;
  if (!c.Digits(2, 4, &hh, &digits) || digits == 3) return false;
  if (digits == 4) {
    mm = hh % 100;
    hh /= 100;
  } else if (c.Eat(':') && !c.Digits(2, 2, &mm)) {
    return false;
  }
  if (hh > 23 || mm > 59) return false;
  *offset_minutes = (sign == '-' ? -1 : 1) * (hh * 60 + mm);
  return true;
}

// A zone, then the end of the input. No zone at all is UTC.
bool ParseZoneToEnd(Cursor& c, int* offset_minutes) {
  c.SkipSpaces();
  *offset_minutes = 0;
  if (c.AtEnd()) return true;
  if (c.Peek() == '+' || c.Peek() == '-') return ParseOffset(c, offset_minutes) && c.AtEnd();
  struct NamedZone {
    std::string_view name;
    int offset_minutes;
  };
  static constexpr std::array<NamedZone, 13> kZones{{{"ut", 0},
                                                     {"utc", 0},
                                                     {"gmt", 0},
                                                     {"z", 0},
                                                     {"bst", 60},
                                                     {"est", -300},
                                                     {"edt", -240},
                                                     {"cst", -360},
                                                     {"cdt", -300},
                                                     {"mst", -420},
                                                     {"mdt", -360},
                                                     {"pst", -480},
                                                     {"pdt", -420}}};
  const std::string_view word = c.Word();
  const NamedZone* zone = nullptr;
  for (const NamedZone& z : kZones)
    if (ascii::EqualsNoCase(word, z.name)) zone = &z;
  if (zone == nullptr) return false;
  *offset_minutes = zone->offset_minutes;
  int extra = 0;  // "GMT+0100"
  if ((c.Peek() == '+' || c.Peek() == '-') && !ParseOffset(c, &extra)) return false;
  *offset_minutes += extra;
  c.SkipSpaces();
  return c.AtEnd();
}

// hh:mm[:ss[.fraction]]
bool ParseClock(Cursor& c, Fields* f) {
  if (!c.Digits(1, 2, &f->hour) || !c.Eat(':') || !c.Digits(2, 2, &f->minute)) return false;
  if (c.Eat(':') && !c.Digits(2, 2, &f->second)) return false;
  if (c.Eat('.') || c.Eat(',')) {
    int ignored = 0;
    if (!c.Digits(1, 1, &ignored)) return false;
    c.SkipDigits();
  }
  return true;
}

std::optional<std::chrono::sys_seconds> ParseIso(std::string_view text) {
  Cursor c(text);
  Fields f;
  if (!c.Digits(4, 4, &f.year) || !c.Eat('-') || !c.Digits(1, 2, &f.month) || !c.Eat('-') ||
      !c.Digits(1, 2, &f.day))
    return std::nullopt;
  if (!c.AtEnd()) {
    if (!c.Eat('T') && !c.Eat('t') && !c.Eat(' ')) return std::nullopt;
    if (!ParseClock(c, &f) || !ParseZoneToEnd(c, &f.offset_minutes)) return std::nullopt;
  }
  return ToInstant(f);
}

int MonthFromName(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kMonths{"jan", "feb", "mar", "apr", "may", "jun",
                                                            "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  for (size_t m = 0; m < kMonths.size(); ++m)
    if (ascii::EqualsNoCase(word.substr(0, 3), kMonths[m])) return static_cast<int>(m) + 1;
  return 0;
}

// Space and commas, with at most one "-" among them (RFC 850's "23-Nov-26").
void SkipDateSeparator(Cursor& c) {
  auto skip_spaces_and_commas = [&c] {
    while (ascii::IsSpace(c.Peek()) || c.Peek() == ',') c.Eat(c.Peek());
  };
  skip_spaces_and_commas();
  if (c.Eat('-')) skip_spaces_and_commas();
}

std::optional<std::chrono::sys_seconds> ParseRfc822(std::string_view text) {
  Cursor c(text);
  Fields f;
  if (ascii::IsAlpha(c.Peek())) {  // the weekday, not checked against the date
    c.Word();
    SkipDateSeparator(c);
  }
  if (!c.Digits(1, 2, &f.day)) return std::nullopt;
  SkipDateSeparator(c);
  f.month = MonthFromName(c.Word());
  if (f.month == 0) return std::nullopt;
  SkipDateSeparator(c);
  int digits = 0;
  if (!c.Digits(2, 4, &f.year, &digits) || digits == 3) return std::nullopt;
  if (digits == 2) f.year += f.year < kTwoDigitYearPivot ? 2000 : 1900;
  SkipDateSeparator(c);
  if (!c.AtEnd()) {
    if (!ParseClock(c, &f) || !ParseZoneToEnd(c, &f.offset_minutes)) return std::nullopt;
  }
  return ToInstant(f);
}

}  // namespace

std::optional<std::chrono::sys_seconds> ParseDateTime(std::string_view text) {
  text = ascii::Trim(text);
  if (text.empty() || text.size() > kMaxInputBytes) return std::nullopt;
  const bool iso = text.size() >= 5 && ascii::IsDigit(text[0]) && ascii::IsDigit(text[3]) && text[4] == '-';
  return iso ? ParseIso(text) : ParseRfc822(text);
}

std::string NormalizeDateTime(std::string_view text) {
  auto t = ParseDateTime(text);
  return t ? FormatUtc(*t) : "";
}

std::string FormatUtc(std::chrono::system_clock::time_point t) {
  const auto second = std::chrono::floor<seconds>(t);
  const auto day = std::chrono::floor<std::chrono::days>(second);
  const std::chrono::year_month_day date(day);
  const std::chrono::hh_mm_ss<seconds> time(second - day);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return buf;
}

std::string NowUtc() { return FormatUtc(std::chrono::system_clock::now()); }

}  // namespace cn
