#include "extractors/time_window.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

std::vector<std::string> UnitWordsOf(const std::string& lower) {
  std::vector<cn::UnitWord> units;
  cn::FindUnitWords(lower, units);
  std::vector<std::string> out;
  for (const cn::UnitWord& u : units) out.push_back(lower.substr(u.begin, u.end - u.begin));
  return out;
}

TEST(TimeWindowTest, UnitWordsAreWholeRunsOfLetters) {
  EXPECT_EQ(UnitWordsOf("volume rose 40% in 24h"), (std::vector<std::string>{"h"}));
  EXPECT_EQ(UnitWordsOf("a 7-day high and a year-to-date gain"), (std::vector<std::string>{"day", "year"}));
  EXPECT_EQ(UnitWordsOf("hourly and daily charts, today"), (std::vector<std::string>{"hourly", "daily", "today"}));
  EXPECT_TRUE(UnitWordsOf("the holiday hype faded on mondays").empty());  // "day" inside longer words
  EXPECT_EQ(UnitWordsOf("yesterday"), (std::vector<std::string>{"yesterday"}));  // a word of its own
  EXPECT_TRUE(UnitWordsOf("").empty());
  EXPECT_FALSE(cn::IsWindowUnitWord("Hours"));  // lower case only
  EXPECT_FALSE(cn::IsWindowUnitWord("24h"));    // letters only
  EXPECT_TRUE(cn::IsWindowUnitWord("hours"));
}

// Given the unit words, FindWindows answers as it does finding them itself.
TEST(TimeWindowTest, GivenUnitWordsGiveTheSameWindows) {
  for (std::string sentence : {"Bitcoin rose 5% in the past 24 hours and 12% this week.",
                               "ETH is up 30% year-to-date, its best 7-day run since the start of the year.",
                               "Liquidations hit $1B over the last two days; no window here otherwise."}) {
    std::string lower = sentence;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::vector<cn::UnitWord> units;
    cn::FindUnitWords(lower, units);
    std::vector<cn::WindowHit> given;
    cn::FindWindows(sentence, lower, units, given);
    const std::vector<cn::WindowHit> found = cn::FindWindows(sentence);
    ASSERT_EQ(given.size(), found.size()) << sentence;
    ASSERT_FALSE(found.empty()) << sentence;
    for (size_t i = 0; i < found.size(); ++i) {
      EXPECT_EQ(given[i].duration, found[i].duration);
      EXPECT_EQ(given[i].begin, found[i].begin);
      EXPECT_EQ(given[i].end, found[i].end);
    }
  }
}

}  // namespace

namespace {

std::vector<std::string> DurationsOf(const std::string& sentence) {
  std::vector<std::string> out;
  for (const cn::WindowHit& w : cn::FindWindows(sentence)) out.push_back(w.duration);
  return out;
}

using Durations = std::vector<std::string>;

// The window phrases of the second dev batch's rulings, in sentences of our own.
TEST(TimeWindowTest, RulingsOfTheSecondBatch) {
  EXPECT_EQ(DurationsOf("Ether slipped 3% yesterday."), Durations{"PT24H"});
  EXPECT_EQ(DurationsOf("SOL 24hrs: -2.4%"), Durations{"PT24H"});
  EXPECT_EQ(DurationsOf("Cardano is down 18% over three months."), Durations{"P3M"});
  EXPECT_EQ(DurationsOf("Dogecoin fell 9% over the past two weeks."), Durations{"P14D"});
  EXPECT_EQ(DurationsOf("Funds took in $2 billion in October."), Durations{"P30D"});
  EXPECT_EQ(DurationsOf("September's gain of 12% faded."), Durations{"P30D"});
  EXPECT_EQ(DurationsOf("The fund launched on October 3."), Durations{});  // a date
  EXPECT_EQ(DurationsOf("Prices may rise further."), Durations{});         // the verb, not the month
}

TEST(TimeWindowTest, ComparisonsAreNotTheFiguresSpan) {
  // "highest level in a month" compares; the move itself has no window here.
  EXPECT_EQ(DurationsOf("XRP jumped 9% on Saturday to its highest level in a month."), Durations{});
  EXPECT_EQ(DurationsOf("Volume hit $7.9 billion, nearly double its weekly average."), Durations{});
  EXPECT_EQ(DurationsOf("ETH rose 4% this week to a two-month high."), Durations{"P7D"});
}

}  // namespace
