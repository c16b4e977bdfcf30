#include "pipeline/web/feed_time.h"

#include <array>
#include <cstdio>

namespace cn {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (Lower(a[i]) != Lower(b[i])) return false;
  return true;
}

// A small cursor over the input.
struct Cursor {
  std::string_view s;
  size_t i = 0;

  bool AtEnd() const { return i >= s.size(); }
  char Peek() const { return AtEnd() ? '\0' : s[i]; }
  void SkipSpaces() {
    while (!AtEnd() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == ','))
      ++i;
  }
  // Reads 1..max_digits digits; false when none.
  bool Number(int max_digits, int* out, int* digits = nullptr) {
    int n = 0, v = 0;
    while (n < max_digits && !AtEnd() && IsDigit(s[i])) v = v * 10 + (s[i++] - '0'), ++n;
    if (digits != nullptr) *digits = n;
    *out = v;
    return n > 0;
  }
  bool Expect(char c) {
    if (Peek() != c) return false;
    ++i;
    return true;
  }
  std::string_view Word() {
    size_t start = i;
    while (!AtEnd() && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))) ++i;
    return s.substr(start, i - start);
  }
};

struct Fields {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  int offset_minutes = 0;  // local time minus UTC
};

bool Valid(const Fields& f) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (f.year < 1 || f.year > 9999 || f.month < 1 || f.month > 12 || f.day < 1) return false;
  if (f.day > kDays[f.month - 1]) return false;
  bool leap = (f.year % 4 == 0 && f.year % 100 != 0) || f.year % 400 == 0;
  if (f.month == 2 && f.day == 29 && !leap) return false;
  return f.hour <= 23 && f.minute <= 59 && f.second <= 60 && f.offset_minutes > -24 * 60 &&
         f.offset_minutes < 24 * 60;
}

std::string Format(const Fields& f) {
  int64_t seconds = DaysFromCivil(f.year, f.month, f.day) * 86400 + f.hour * 3600 + f.minute * 60 +
                    (f.second == 60 ? 59 : f.second) - static_cast<int64_t>(f.offset_minutes) * 60;
  return FormatUtcIso(seconds);
}

// "+hh:mm", "+hhmm", "+hh", "Z"; true when the zone is absent or valid.
bool ParseNumericZone(Cursor& c, Fields* f) {
  if (c.AtEnd()) return true;
  if (c.Peek() == 'Z' || c.Peek() == 'z') {
    ++c.i;
    return true;
  }
  if (c.Peek() != '+' && c.Peek() != '-') return false;
  int sign = c.Peek() == '-' ? -1 : 1;
  ++c.i;
  int hh = 0, mm = 0, digits = 0;
  if (!c.Number(4, &hh, &digits)) return false;
  if (digits == 4) {
    mm = hh % 100;
    hh /= 100;
  } else if (digits == 2) {
    if (c.Expect(':') && !c.Number(2, &mm)) return false;
  } else {
    return false;
  }
  if (hh > 23 || mm > 59) return false;
  f->offset_minutes = sign * (hh * 60 + mm);
  return true;
}

std::string ParseIso(std::string_view text) {
  Cursor c{text};
  Fields f;
  int digits = 0;
  if (!c.Number(4, &f.year, &digits) || digits != 4 || !c.Expect('-')) return "";
  if (!c.Number(2, &f.month) || !c.Expect('-') || !c.Number(2, &f.day)) return "";
  if (!c.AtEnd()) {
    if (c.Peek() != 'T' && c.Peek() != 't' && c.Peek() != ' ') return "";
    ++c.i;
    if (!c.Number(2, &f.hour) || !c.Expect(':') || !c.Number(2, &f.minute)) return "";
    if (c.Expect(':') && !c.Number(2, &f.second)) return "";
    if (c.Expect('.') || c.Expect(',')) {
      int ignored = 0;
      if (!c.Number(9, &ignored)) return "";
      while (IsDigit(c.Peek())) ++c.i;
    }
    while (c.Peek() == ' ') ++c.i;
    if (!ParseNumericZone(c, &f) || !c.AtEnd()) return "";
  }
  return Valid(f) ? Format(f) : "";
}

int MonthFromName(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  if (name.size() < 3) return 0;
  for (size_t m = 0; m < kMonths.size(); ++m)
    if (EqualsNoCase(name.substr(0, 3), kMonths[m])) return static_cast<int>(m) + 1;
  return 0;
}

std::string ParseRfc822(std::string_view text) {
  Cursor c{text};
  Fields f;
  c.SkipSpaces();
  if (!IsDigit(c.Peek())) {  // optional weekday
    if (c.Word().empty()) return "";
    c.SkipSpaces();
  }
  if (!c.Number(2, &f.day)) return "";
  c.SkipSpaces();
  f.month = MonthFromName(c.Word());
  if (f.month == 0) return "";
  c.SkipSpaces();
  int digits = 0;
  if (!c.Number(4, &f.year, &digits)) return "";
  if (digits == 2) f.year += f.year < 50 ? 2000 : 1900;
  else if (digits != 4) return "";
  c.SkipSpaces();
  if (!c.AtEnd()) {
    if (!c.Number(2, &f.hour) || !c.Expect(':') || !c.Number(2, &f.minute)) return "";
    if (c.Expect(':') && !c.Number(2, &f.second)) return "";
    c.SkipSpaces();
    if (!c.AtEnd()) {
      if (c.Peek() == '+' || c.Peek() == '-') {
        if (!ParseNumericZone(c, &f)) return "";
      } else {
        std::string_view zone = c.Word();
        struct Named {
          std::string_view name;
          int offset;
        };
        static constexpr std::array<Named, 13> kZones = {{{"gmt", 0},
                                                          {"ut", 0},
                                                          {"utc", 0},
                                                          {"z", 0},
                                                          {"est", -300},
                                                          {"edt", -240},
                                                          {"cst", -360},
                                                          {"cdt", -300},
                                                          {"mst", -420},
                                                          {"mdt", -360},
                                                          {"pst", -480},
                                                          {"pdt", -420},
                                                          {"bst", 60}}};
        bool found = false;
        for (const Named& z : kZones)
          if (EqualsNoCase(zone, z.name)) f.offset_minutes = z.offset, found = true;
        if (!found) return "";
      }
      c.SkipSpaces();
      if (!c.AtEnd()) return "";
    }
  }
  return Valid(f) ? Format(f) : "";
}

}  // namespace

int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

std::string FormatUtcIso(int64_t t) {
  int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  int64_t secs = t - days * 86400;
  // civil_from_days (H. Hinnant)
  int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02dZ", static_cast<long long>(y), m, d,
                static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60));
  return buf;
}

std::string NormalizeFeedDate(std::string_view text) {
  while (!text.empty() && static_cast<unsigned char>(text.front()) <= ' ') text.remove_prefix(1);
  while (!text.empty() && static_cast<unsigned char>(text.back()) <= ' ') text.remove_suffix(1);
  if (text.empty() || text.size() > 64) return "";
  if (text.size() >= 10 && IsDigit(text[0]) && IsDigit(text[3]) && text[4] == '-') return ParseIso(text);
  return ParseRfc822(text);
}

}  // namespace cn
