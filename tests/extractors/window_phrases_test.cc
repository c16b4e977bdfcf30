#include "extractors/window_phrases.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <random>
#include <string>

#include "extractors/ascii.h"

namespace {

using cn::FindWindowPhrase;

struct Case {
  std::string text;
  std::string matched;  // empty: no phrase
  std::string duration;
};

TEST(WindowPhrasesTest, FindsWholeWordPhrasesOnly) {
  const Case cases[] = {
      {"bitcoin rose 5% this week", "this week", "P7D"},
      {"ether is up 12% year-to-date", "year-to-date", "YTD"},
      {"ether is up 12% year to date", "year to date", "YTD"},
      {"ether is up 12% year-to date", "year-to date", "YTD"},
      {"volume doubled in 24h", "24h", "PT24H"},
      {"a 3% daily gain", "daily", "PT24H"},
      {"fees fell annually", "annually", "P1Y"},      // not "annual" + "ly"
      {"the annual report", "annual", "P1Y"},
      {"sol gained 4% on the day", "on the day", "PT24H"},
      {"prices of the holiday season", "", ""},        // "the holiday" is no "the day"
      {"todays", "", ""},                              // inside a longer word
      {"yesterday", "yesterday", "PT24H"},             // ANNOTATION: "yesterday" is a day
      {"a 24hr window", "24hr", "PT24H"},
      {"a 24hrx window", "", ""},                      // "24hr" must end the word
      {"down 9% over two weeks", "two weeks", "P14D"},
      {"its best run over the quarter", "the quarter", "P3M"},
      {"stay_weekly", "", ""},                         // '_' joins words, as for RE2's \b
      {"", "", ""},
  };
  for (const Case& c : cases) {
    const auto m = FindWindowPhrase(c.text, 0, c.text.size());
    if (c.matched.empty()) {
      EXPECT_FALSE(m.has_value()) << c.text;
      continue;
    }
    ASSERT_TRUE(m.has_value()) << c.text;
    EXPECT_EQ(c.text.substr(m->begin, m->end - m->begin), c.matched) << c.text;
    EXPECT_EQ(m->duration, c.duration) << c.text;
  }
}

TEST(WindowPhrasesTest, StaysWithinTheSearchedRange) {
  const std::string text = "up 2% today and 9% this week";
  const size_t week = text.find("this week");
  auto m = FindWindowPhrase(text, text.find("today") + 1, text.size());  // inside "today"
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->begin, week);
  EXPECT_FALSE(FindWindowPhrase(text, 0, text.find("today") + 3).has_value());  // "tod" only
}

// The matcher must give what RE2 gives for the same alternation, on text
// made of phrase pieces and near misses, for any search range.
TEST(WindowPhrasesTest, AgreesWithRe2OnRandomText) {
  const RE2 pattern(cn::WindowPhrasesAsRegex());
  ASSERT_TRUE(pattern.ok()) << pattern.error();
  const char* const pieces[] = {"the", "this", "day", "days", "week", "year", "to", "date", "-", " ", " ", "24h",
                                "24", "h", "on", "a", "annual", "ly", "ytd", "so", "far", "since", "start",
                                "of", "month", "over", "12", "months", "seven", "wow", "_", "x", "Daily", "THE",
                                "Week", ",", ".", "per", "one", "single", "hour", "hourly", "twelve", "for"};
  std::mt19937 rng(17);
  int matches = 0;
  for (int n = 0; n < 30000; ++n) {
    std::string text;
    for (size_t k = rng() % 12; k > 0; --k) {
      text += pieces[rng() % std::size(pieces)];
      if (rng() % 3 != 0) text += ' ';
    }
    const size_t from = text.empty() ? 0 : rng() % (text.size() + 1);
    const size_t to = from + (text.size() == from ? 0 : rng() % (text.size() - from + 1));
    const std::string lower = cn::ascii::ToLower(text);
    const auto ours = FindWindowPhrase(lower, from, to);
    re2::StringPiece match;
    const bool theirs = pattern.Match(text, from, to, RE2::UNANCHORED, &match, 1);
    ASSERT_EQ(ours.has_value(), theirs) << '"' << text << "\" [" << from << ", " << to << ")";
    if (!theirs) continue;
    ++matches;
    const size_t begin = static_cast<size_t>(match.data() - text.data());
    ASSERT_EQ(ours->begin, begin) << text;
    ASSERT_EQ(ours->end, begin + match.size()) << text;
  }
  EXPECT_GT(matches, 1000);  // the pieces do make phrases often (1,857 with this seed)
}

}  // namespace
