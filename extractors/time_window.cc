#include "extractors/ascii.h"
#include "extractors/time_window.h"

#include <re2/re2.h>

#include <cstdlib>
#include <memory>
#include <string>

namespace cn {
namespace {

// "two" → 2. Small counts are all news text uses.
int WordNumber(std::string_view w) {
  static const char* const kWords[] = {"zero", "one", "two", "three", "four", "five", "six", "seven",
                                       "eight", "nine", "ten", "eleven", "twelve"};
  for (int i = 0; i <= 12; ++i)
    if (w == kWords[i]) return i;
  if (w == "a" || w == "an" || w == "single" || w == "the") return 1;
  if (w == "fourteen") return 14;
  if (w == "thirty") return 30;
  if (w == "ninety") return 90;
  return std::atoi(std::string(w).c_str());
}

std::string Duration(int n, std::string_view unit) {
  if (n <= 0) return {};
  char u = unit[0];
  if (u == 'h') return n == 1 ? "PT1H" : "PT" + std::to_string(n) + "H";
  if (u == 'd') return n == 1 ? "PT24H" : "P" + std::to_string(n) + "D";
  if (u == 'w') return "P" + std::to_string(7 * n) + "D";
  if (u == 'm') return n == 1 ? "P30D" : "P" + std::to_string(n) + "M";
  if (u == 'y') return "P" + std::to_string(n) + "Y";
  return {};
}

const RE2& CountedPattern() {
  // "past 24 hours", "last two days", "24-hour", "7-day", "in one day",
  // "over the next three days", "48 hours", "the past week", "30 days".
  static const RE2 re(
      R"((?i)\b((?:past|last|previous|next|prior|within|over|in|coming|recent|trailing)\s+(?:the\s+)?(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|thirty|ninety|a|an|single)\s*-?\s*)?|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|thirty|ninety)\s*-?\s*)(hours?|hr|h|days?|d|weeks?|wk|months?|mo|years?|yr)\b)");
  return re;
}

struct Simple {
  const char* pattern;
  const char* duration;
  bool adjectival;
};

const std::vector<std::unique_ptr<RE2>>& SimplePatterns(std::vector<Simple>** table) {
  static std::vector<Simple> simple = {
      {R"((?i)\b(?:year[- ]to[- ]date|ytd|so far this year|since the start of the year|this year)\b)", "YTD", false},
      {R"((?i)\b(?:hourly|the hour)\b)", "PT1H", true},
      {R"((?i)\b(?:daily|intraday|on the day|for the day|today|of the day|a day|per day|overnight|24h|day-over-day|single day|one day|the day)\b)", "PT24H", true},
      {R"((?i)\b(?:weekly|on the week|this week|the week|for the week|a week|week-over-week|wow|seven days|week-on-week)\b)", "P7D", true},
      {R"((?i)\b(?:monthly|this month|the month|a month|month-over-month|on the month|for the month)\b)", "P30D", true},
      {R"((?i)\b(?:annual|annually|yearly|year-over-year|yoy|year-on-year|a year|the year|12 months|twelve months)\b)", "P1Y", true},
  };
  static const std::vector<std::unique_ptr<RE2>> compiled = [] {
    std::vector<std::unique_ptr<RE2>> out;
    for (const Simple& s : simple) out.push_back(std::make_unique<RE2>(s.pattern));
    return out;
  }();
  *table = &simple;
  return compiled;
}

}  // namespace

std::vector<WindowHit> FindWindows(std::string_view sentence) {
  std::vector<WindowHit> hits;
  re2::StringPiece input(sentence.data(), sentence.size());
  re2::StringPiece prefix, unit_piece;
  const RE2& counted = CountedPattern();
  re2::StringPiece rest = input;
  while (RE2::FindAndConsume(&rest, counted, &prefix, &unit_piece)) {
    std::string_view pre(prefix.data(), prefix.size());
    std::string_view u(unit_piece.data(), unit_piece.size());
    // The number is the last word of the prefix, if it has one.
    std::string words(pre);
    for (auto& c : words) c = static_cast<char>(cn_ascii_lower(c));
    while (!words.empty() && (words.back() == ' ' || words.back() == '-')) words.pop_back();
    size_t sp = words.find_last_of(" -");
    std::string last = sp == std::string::npos ? words : words.substr(sp + 1);
    int n = WordNumber(last);
    bool has_count = n > 0 || last == "0";
    if (!has_count) n = 1;  // "past day", "last week"
    // A bare "in/over/within the day|week" needs a count or a past/last word.
    std::string lower_u(u);
    for (auto& c : lower_u) c = static_cast<char>(cn_ascii_lower(c));
    if ((lower_u == "h" || lower_u == "d") && !has_count) continue;
    if (!has_count && (words.starts_with("in") || words.starts_with("over") || words.starts_with("within")))
      continue;  // left to the simple patterns ("in the day" is rare; "over the week" → weekly)
    std::string d = Duration(n, lower_u);
    if (d.empty()) continue;
    size_t begin = static_cast<size_t>(prefix.data() - sentence.data());
    size_t end = static_cast<size_t>(unit_piece.data() + unit_piece.size() - sentence.data());
    bool adjectival = pre.find('-') != std::string_view::npos || (end < sentence.size() && sentence[end] == '-');
    hits.push_back({d, begin, end, adjectival});
  }
  std::vector<Simple>* table = nullptr;
  const auto& compiled = SimplePatterns(&table);
  for (size_t i = 0; i < compiled.size(); ++i) {
    re2::StringPiece r = input;
    while (r.size() > 0) {
      re2::StringPiece match;
      if (!compiled[i]->Match(r, 0, r.size(), RE2::UNANCHORED, &match, 1)) break;
      size_t begin = static_cast<size_t>(match.data() - sentence.data());
      size_t end = begin + match.size();
      bool overlaps = false;
      for (const auto& h : hits)
        if (begin < h.end && h.begin < end) overlaps = true;
      if (!overlaps) hits.push_back({(*table)[i].duration, begin, end, (*table)[i].adjectival});
      r.remove_prefix(static_cast<size_t>(match.data() + std::max<size_t>(match.size(), 1) - r.data()));
    }
  }
  return hits;
}

}  // namespace cn
