#include "extractors/window_phrases.h"

#include <algorithm>
#include <array>
#include <vector>

#include "extractors/ascii.h"

namespace cn {
namespace {

struct PhraseGroup {
  std::string_view phrases;  // '|'-separated, lower case; "[- ]" is a hyphen or a space
  std::string_view duration;
  bool adjectival;
};

constexpr PhraseGroup kGroups[] = {
    {"year[- ]to[- ]date|ytd|so far this year|since the start of the year|this year", "YTD", false},
    {"hourly|the hour", "PT1H", true},
    {"daily|intraday|on the day|for the day|today|of the day|a day|per day|overnight|24h|24hrs|24hr|day-over-day|"
     "single[- ]day|one day|the day|yesterday|same day",
     "PT24H", true},
    {"two weeks|fortnight|two-week|bi-weekly|biweekly", "P14D", true},
    {"quarterly|this quarter|the quarter|a quarter|three months|3 months|quarter-over-quarter", "P3M", true},
    {"weekly|on the week|this week|the week|for the week|a week|week-over-week|wow|seven days|week-on-week|"
     "first week|second week|third week|fourth week|final week|opening week",
     "P7D", true},
    {"monthly|this month|the month|a month|month-over-month|on the month|for the month", "P30D", true},
    {"annual|annually|yearly|year-over-year|yoy|year-on-year|a year|the year|12 months|twelve months", "P1Y", true},
};

struct Phrase {
  std::string text;  // one spelling
  const PhraseGroup* group;
};

// Every spelling of every phrase, in table order, listed under its first
// byte (every phrase starts with a letter or digit).
const std::array<std::vector<Phrase>, 128>& PhrasesByFirstByte() {
  static const auto table = [] {
    std::array<std::vector<Phrase>, 128> by_first;
    for (const PhraseGroup& group : kGroups) {
      std::string_view rest = group.phrases;
      while (!rest.empty()) {
        const size_t bar = rest.find('|');
        const std::string_view phrase = rest.substr(0, bar);
        rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
        std::vector<std::string> spellings{""};
        for (size_t i = 0; i < phrase.size(); ++i) {
          if (phrase.substr(i).starts_with("[- ]")) {
            std::vector<std::string> both;
            for (const std::string& s : spellings) both.insert(both.end(), {s + '-', s + ' '});
            spellings = std::move(both);
            i += 3;
          } else {
            for (std::string& s : spellings) s.push_back(phrase[i]);
          }
        }
        for (std::string& s : spellings) {
          const auto first = static_cast<unsigned char>(s[0]);
          by_first[first].push_back({std::move(s), &group});
        }
      }
    }
    return by_first;
  }();
  return table;
}

// What RE2's \b counts as a word character.
constexpr auto kWordChars = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c) table[c] = ascii::IsAlnum(static_cast<char>(c)) || c == '_';
  return table;
}();
bool IsWordChar(char c) { return kWordChars[static_cast<unsigned char>(c)]; }

}  // namespace

std::optional<WindowPhraseMatch> FindWindowPhrase(std::string_view lower, size_t from, size_t to) {
  const auto& by_first = PhrasesByFirstByte();
  to = std::min(to, lower.size());
  for (size_t s = from; s < to; ++s) {
    if (s > 0 && IsWordChar(lower[s - 1])) continue;  // not at the start of a word
    const auto first = static_cast<unsigned char>(lower[s]);
    if (first >= 128 || by_first[first].empty()) continue;
    for (const Phrase& p : by_first[first]) {
      const size_t e = s + p.text.size();
      if (e > to || !ascii::StartsWith(lower.substr(s), p.text)) continue;
      if (e < lower.size() && IsWordChar(lower[e])) continue;  // not at the end of a word
      return WindowPhraseMatch{s, e, p.group->duration, p.group->adjectival};
    }
  }
  return std::nullopt;
}

std::string WindowPhrasesAsRegex() {
  std::string regex = "(?i)\\b(?:";
  bool first = true;
  for (const PhraseGroup& group : kGroups) {
    if (!first) regex += '|';
    first = false;
    regex += group.phrases;
  }
  return regex + ")\\b";
}

}  // namespace cn
