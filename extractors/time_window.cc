#include "extractors/ascii.h"
#include "extractors/time_window.h"
#include "extractors/window_phrases.h"
#include "extractors/word_table.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

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

// A month's name: a move or flow "in October" or "September's gain" spans it.
bool IsMonthName(std::string_view lower) {
  for (std::string_view m : {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                             "october", "november", "december"})
    if (lower == m) return true;
  return false;
}

// "in October", "during September", "September's gain": a month as the span
// of a move. A date ("on October 3", "October 3") or a bare name is not one,
// nor is "may" the verb.
std::optional<WindowHit> MonthWindow(std::string_view sentence, std::string_view lower, const UnitWord& unit) {
  const std::string_view name = lower.substr(unit.begin, unit.end - unit.begin);
  if (!IsMonthName(name) || !(sentence[unit.begin] >= 'A' && sentence[unit.begin] <= 'Z')) return std::nullopt;
  const std::string_view after = lower.substr(unit.end);
  size_t p = 0;
  while (p < after.size() && after[p] == ' ') ++p;
  if (p < after.size() && after[p] >= '0' && after[p] <= '9' && !(after.substr(p).size() >= 4 && after[p] == '2'))
    return std::nullopt;  // "October 3" is a date; "October 2025" is the month
  const std::string_view before = lower.substr(0, unit.begin);
  for (std::string_view lead : {"in ", "during ", "throughout ", "over ", "for ", "in early ", "in late ", "in mid-"})
    if (before.ends_with(lead)) return WindowHit{"P30D", unit.begin - lead.size(), unit.end, false};
  for (std::string_view tail : {"'s gain", "'s loss", "'s rally", "'s drop", "'s decline", "'s rise", "'s surge",
                                "'s slump", "'s performance", "'s inflow", "'s outflow", "'s return"})
    if (after.starts_with(tail)) return WindowHit{"P30D", unit.begin, unit.end, true};
  return std::nullopt;
}

// "its highest level in a month", "nearly double its weekly average": the
// window word measures a comparison, not the span of the figure.
bool IsComparisonSpan(std::string_view lower, size_t begin, size_t end) {
  const std::string_view after = lower.substr(end);
  for (std::string_view w : {" average", " avg", " mean", " high", " highs", " low", " lows", " record", " moving"})
    if (after.starts_with(w)) return true;
  // The words before the window, with its own leading "in"/"since" ("in a
  // month") counted as before it.
  size_t lead_end = begin;
  for (std::string_view lead : {"in ", "since ", "over ", "within "})
    if (lower.substr(begin).starts_with(lead)) lead_end = begin + lead.size();
  const std::string_view before = lower.substr(0, lead_end);
  for (std::string_view w : {"highest level in ", "lowest level in ", "highest in ", "lowest in ", "first time in ",
                             "first time since ", "high in ", "low in ", "level in ", "best in ", "worst in ",
                             "biggest in ", "largest in ", "strongest in ", "weakest in ", "highest since ",
                             "lowest since ", "level since ", "high since ", "low since "})
    if (before.ends_with(w)) return true;
  return false;
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
      R"((?i)\b((?:past|last|previous|next|prior|within|over|in|coming|recent|trailing)\s+(?:the\s+)?(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|thirty|ninety|a|an|single)\s*-?\s*)?|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|thirty|ninety)\s*-?\s*)(hours?|hrs?|h|days?|d|weeks?|wk|months?|mo|years?|yr)\b)");
  // A pattern that does not compile is a bug in this file: stop at once,
  // naming the pattern and RE2's reason, rather than find no windows.
  static const bool compiled = [] {
    if (!re.ok()) {
      std::fprintf(stderr, "internal error: window pattern %s does not compile: %s\n", re.pattern().c_str(),
                   re.error().c_str());
      std::abort();
    }
    return true;
  }();
  (void)compiled;
  return re;
}

// Every window expression contains one of these words as a whole run of
// letters ("24h" → "h", "year-to-date" → "year", "day-over-day" → "day").
constexpr std::string_view kUnitWords[] = {
    "h", "hr", "hour", "hours", "hourly", "d", "day", "days", "daily", "intraday", "today", "overnight",
    "wk", "week", "weeks", "weekly", "wow", "mo", "month", "months", "monthly", "yr", "year", "years",
    "yearly", "ytd", "yoy", "annual", "annually", "hrs", "yesterday", "fortnight", "quarter", "quarterly",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december"};

bool IsUnitWord(std::string_view run) {
  static const WordTable<bool> table = [] {
    WordTable<bool> t;
    for (std::string_view w : kUnitWords) t.Insert(w, true);
    return t;
  }();
  return table.Contains(run);
}

// Which lengths of unit word start with each letter, one bit per length:
// rules out "the", "and", "of", "in" and most other words at once.
bool MayBeUnitWord(char first, size_t length) {
  static const auto lengths_by_first = [] {
    std::array<uint32_t, 26> table{};
    for (std::string_view w : kUnitWords) table[static_cast<size_t>(w[0] - 'a')] |= 1u << w.size();
    return table;
  }();
  return length < 32 && (lengths_by_first[static_cast<size_t>(first - 'a')] >> length & 1u) != 0;
}

// Where window expressions may lie: from a little before a unit word to a
// little after it, one span per group of nearby unit words; none when the
// sentence has no unit word, which is most sentences. The patterns only run
// over these spans.
struct Span {
  size_t begin = 0, end = 0;
  size_t last_unit = 0;  // where the span's last unit word starts: no match begins after it
};
// The spans around the unit words (in text order) of `lower`.
void WindowSearchSpans(std::string_view lower, const std::vector<UnitWord>& unit_words, std::vector<Span>& spans) {
  // The longest lead-in before a unit word: "since the start of the year";
  // the longest tail after one: "year-to-date".
  constexpr size_t kLeadIn = 64;
  constexpr size_t kTail = 16;
  spans.clear();
  for (const UnitWord& unit : unit_words) {
    // Month names only make "in October" (MonthWindow), no phrase around them.
    if (IsMonthName(lower.substr(unit.begin, unit.end - unit.begin))) continue;
    Span span{unit.begin > kLeadIn ? unit.begin - kLeadIn : 0, std::min(lower.size(), unit.end + kTail), unit.begin};
    // Start the search between words, never inside one.
    while (span.begin > 0 && lower[span.begin - 1] != ' ') --span.begin;
    if (!spans.empty() && span.begin <= spans.back().end) {
      spans.back().end = span.end;
      spans.back().last_unit = span.last_unit;
    } else {
      spans.push_back(span);
    }
  }
}

// RE2 finds a match alone (DFA only) much faster than with its groups.

// A match of CountedPattern() from `at` with its two groups: the lead-in and
// the unit word. The unit is the trailing run of letters whenever that run is
// a unit word; otherwise RE2 splits the match itself.
bool FindCounted(const RE2& counted, const re2::StringPiece& input, size_t at, size_t end,
                 re2::StringPiece groups[3]) {
  if (!counted.Match(input, at, end, RE2::UNANCHORED, groups, 1)) return false;
  const re2::StringPiece whole = groups[0];
  size_t run = whole.size();
  while (run > 0 && ((whole[run - 1] | 0x20) >= 'a' && (whole[run - 1] | 0x20) <= 'z')) --run;
  const std::string unit = ascii::ToLower(std::string_view(whole.data() + run, whole.size() - run));
  if (run < whole.size() && IsUnitWord(unit)) {
    groups[1] = re2::StringPiece(whole.data(), run);
    groups[2] = re2::StringPiece(whole.data() + run, whole.size() - run);
    return true;
  }
  const size_t begin = static_cast<size_t>(whole.data() - input.data());
  return counted.Match(input, begin, begin + whole.size(), RE2::ANCHOR_BOTH, groups, 3);
}

}  // namespace

bool IsWindowUnitWord(std::string_view letters) {
  return !letters.empty() && letters[0] >= 'a' && letters[0] <= 'z' && MayBeUnitWord(letters[0], letters.size()) &&
         IsUnitWord(letters);
}

void FindUnitWords(std::string_view lower, std::vector<UnitWord>& unit_words) {
  unit_words.clear();
  const auto is_letter = [](char c) { return static_cast<unsigned char>(c - 'a') < 26; };
  const size_t n = lower.size();
  const char* const text = lower.data();
  size_t i = 0;
  while (i < n) {
    if (!is_letter(text[i])) {
      ++i;
      continue;
    }
    const size_t begin = i;
    do ++i;
    while (i < n && is_letter(text[i]));
    if (IsWindowUnitWord(lower.substr(begin, i - begin))) unit_words.push_back({begin, i});
  }
}

std::vector<WindowHit> FindWindows(std::string_view sentence) {
  return FindWindows(sentence, ascii::ToLower(sentence));
}

std::vector<WindowHit> FindWindows(std::string_view sentence, std::string_view lower_sentence) {
  std::vector<WindowHit> hits;
  FindWindows(sentence, lower_sentence, hits);
  return hits;
}

void FindWindows(std::string_view sentence, std::string_view lower_sentence, std::vector<WindowHit>& hits) {
  thread_local std::vector<UnitWord> unit_words;
  FindUnitWords(lower_sentence, unit_words);
  FindWindows(sentence, lower_sentence, unit_words, hits);
}

void FindWindows(std::string_view sentence, std::string_view lower_sentence, const std::vector<UnitWord>& unit_words,
                 std::vector<WindowHit>& hits) {
  hits.clear();
  for (const UnitWord& unit : unit_words)
    if (const std::optional<WindowHit> month = MonthWindow(sentence, lower_sentence, unit)) hits.push_back(*month);
  thread_local std::vector<Span> spans;
  WindowSearchSpans(lower_sentence, unit_words, spans);
  if (spans.empty()) {
    std::erase_if(hits, [&](const WindowHit& h) { return IsComparisonSpan(lower_sentence, h.begin, h.end); });
    return;
  }
  // The whole sentence stays the context, so \b sees the characters around the span.
  const re2::StringPiece input(sentence.data(), sentence.size());
  const RE2& counted = CountedPattern();
  re2::StringPiece counted_groups[3];
  // Every counted match first, then the fixed phrases that overlap none.
  for (const Span& span : spans) {
    for (size_t at = span.begin; at <= span.last_unit && FindCounted(counted, input, at, span.end, counted_groups);) {
      const re2::StringPiece prefix = counted_groups[1], unit_piece = counted_groups[2];
      const size_t match_end = static_cast<size_t>(counted_groups[0].data() - sentence.data()) + counted_groups[0].size();
      at = match_end > at ? match_end : at + 1;
      std::string_view pre(prefix.data(), prefix.size());
      std::string_view u(unit_piece.data(), unit_piece.size());
      // The number is the last word of the prefix, if it has one.
      std::string words(pre);
      for (auto& c : words) c = static_cast<char>(ascii::ToLower(c));
      while (!words.empty() && (words.back() == ' ' || words.back() == '-')) words.pop_back();
      size_t sp = words.find_last_of(" -");
      std::string last = sp == std::string::npos ? words : words.substr(sp + 1);
      int n = WordNumber(last);
      bool has_count = n > 0 || last == "0";
      if (!has_count) n = 1;  // "past day", "last week"
      // A bare "in/over/within the day|week" needs a count or a past/last word.
      std::string lower_u(u);
      for (auto& c : lower_u) c = static_cast<char>(ascii::ToLower(c));
      if ((lower_u == "h" || lower_u == "d") && !has_count) continue;
      if (!has_count && (words.starts_with("in") || words.starts_with("over") || words.starts_with("within")))
        continue;  // left to the fixed phrases ("in the day" is rare; "over the week" → weekly)
      std::string d = Duration(n, lower_u);
      if (d.empty()) continue;
      size_t begin = static_cast<size_t>(prefix.data() - sentence.data());
      size_t end = static_cast<size_t>(unit_piece.data() + unit_piece.size() - sentence.data());
      bool adjectival = pre.find('-') != std::string_view::npos || (end < sentence.size() && sentence[end] == '-');
      hits.push_back({d, begin, end, adjectival});
    }
  }
  for (const Span& span : spans) {
    for (size_t pos = span.begin; pos <= span.last_unit;) {
      const std::optional<WindowPhraseMatch> phrase = FindWindowPhrase(lower_sentence, pos, span.end);
      if (!phrase) break;
      bool overlaps = false;
      for (const auto& h : hits)
        if (phrase->begin < h.end && h.begin < phrase->end) overlaps = true;
      if (!overlaps) hits.push_back({std::string(phrase->duration), phrase->begin, phrase->end, phrase->adjectival});
      pos = phrase->end > pos ? phrase->end : pos + 1;
    }
  }
  std::erase_if(hits, [&](const WindowHit& h) { return IsComparisonSpan(lower_sentence, h.begin, h.end); });
  std::sort(hits.begin(), hits.end(), [](const WindowHit& a, const WindowHit& b) { return a.begin < b.begin; });
}

}  // namespace cn
