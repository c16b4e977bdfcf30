// Time windows stated in a sentence ("in the past 24 hours", "on the week",
// "daily", "7-day", "year to date"), as ISO 8601 durations.
//
// FindWindows() returns every window expression of a sentence with its byte
// span, so a stage can take the one nearest its figure. A weekday alone ("on
// Tuesday") is no window. Counted windows ("past 24 hours") are one RE2
// pattern, compiled once; fixed phrases ("this week") come from
// window_phrases.h. Both only search around unit words ("hours", "week").
// Pure and thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cn {

struct WindowHit {
  std::string duration;  // "PT1H", "PT24H", "P7D", "P30D", "P1Y", "YTD", …
  size_t begin = 0;      // byte span in the sentence
  size_t end = 0;
  bool adjectival = false;  // "daily", "weekly", "24-hour": qualifies the next noun
};

std::vector<WindowHit> FindWindows(std::string_view sentence);

// The same, given also the sentence lower-cased (ASCII) for the cheap
// prefilter; offsets are the same in both.
std::vector<WindowHit> FindWindows(std::string_view sentence, std::string_view lower_sentence);
// The same into `hits` (cleared first), so a caller can reuse its storage.
void FindWindows(std::string_view sentence, std::string_view lower_sentence, std::vector<WindowHit>& hits);

// Every window expression is built around a unit word: a whole run of
// letters such as "hours", "week", or the "h" of "24h".
struct UnitWord {
  size_t begin = 0;  // byte span in the sentence
  size_t end = 0;
};
// True when `letters`, a lower-case run of letters, is a unit word.
bool IsWindowUnitWord(std::string_view letters);
// The unit words of a lower-cased sentence, in order.
void FindUnitWords(std::string_view lower_sentence, std::vector<UnitWord>& unit_words);
// FindWindows() given the sentence's unit words, for a caller that finds
// them on a scan of its own (sentence_analysis.cc reads every byte anyway).
void FindWindows(std::string_view sentence, std::string_view lower_sentence, const std::vector<UnitWord>& unit_words,
                 std::vector<WindowHit>& hits);

}  // namespace cn
