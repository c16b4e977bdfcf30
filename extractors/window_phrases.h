// Fixed time-window phrases ("this week", "year-to-date", "24h", "daily")
// and a matcher for them. These are plain strings, so the leftmost one is
// found by comparing the phrases that begin with each word's first byte:
// the same match RE2 finds for `(?i)\b(?:phrase|phrase|…)\b` (leftmost
// start, then the first phrase in table order), without a regex engine.
// WindowPhrasesAsRegex() gives that expression, so a test can hold the two
// to the same answers.
//
// Pure and thread-safe; the table is built on first use.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cn {

struct WindowPhraseMatch {
  size_t begin = 0;           // byte span in the text searched
  size_t end = 0;
  std::string_view duration;  // "PT24H", "P7D", "YTD", …
  bool adjectival = false;    // "daily", "weekly": qualifies the next noun
};

// The leftmost phrase that starts in lower[from, to) and ends by `to`,
// standing as whole words (ASCII letters, digits and '_' make words).
// `lower` is the text lower-cased (ASCII); offsets are into it.
std::optional<WindowPhraseMatch> FindWindowPhrase(std::string_view lower, size_t from, size_t to);

// The phrases as one case-insensitive RE2 expression, in table order.
std::string WindowPhrasesAsRegex();

}  // namespace cn
