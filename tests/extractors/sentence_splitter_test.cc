#include "extractors/sentence_splitter.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace cn {
namespace {

std::vector<std::string> Sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const ByteSpan& s : SplitSentences(text)) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

using List = std::vector<std::string>;

TEST(SentenceSplitterTest, BreaksAfterTerminatorsFollowedByASentence) {
  EXPECT_EQ(Sentences("Bitcoin fell 3%. Ether rose 2%! Why? Nobody knows."),
            (List{"Bitcoin fell 3%.", "Ether rose 2%!", "Why?", "Nobody knows."}));
  EXPECT_EQ(Sentences("He said \"sell.\" Then it fell."), (List{"He said \"sell.\"", "Then it fell."}));
  EXPECT_EQ(Sentences("It closed higher (up 2%.) Traders cheered."),
            (List{"It closed higher (up 2%.)", "Traders cheered."}));
}

TEST(SentenceSplitterTest, KeepsDecimalsAndLowerCaseContinuationsTogether) {
  EXPECT_EQ(Sentences("BTC rose 3.5% to $63.2K on Monday."), (List{"BTC rose 3.5% to $63.2K on Monday."}));
  EXPECT_EQ(Sentences("Majors, e.g. ether, fell. Then it ended."), (List{"Majors, e.g. ether, fell.", "Then it ended."}));
  EXPECT_EQ(Sentences("It fell... and then recovered."), (List{"It fell... and then recovered."}));
}

TEST(SentenceSplitterTest, LineBreaksEndSentencesAndBlankLinesVanish) {
  EXPECT_EQ(Sentences("Headline without a stop\n\n  Body text here.  \nNext line"),
            (List{"Headline without a stop", "Body text here.", "Next line"}));
  EXPECT_TRUE(Sentences("").empty());
  EXPECT_TRUE(Sentences(" \n\t\n").empty());
}

TEST(SentenceSplitterTest, LinesWithOtherCharactersAreSplitToo) {
  EXPECT_EQ(Sentences("Ether rose 2% \u2014 a gain. Caf\u00e9 owners cheered."),
            (List{"Ether rose 2% \u2014 a gain.", "Caf\u00e9 owners cheered."}));
}

// The fast path shows ICU short windows; it must agree with ICU reading the
// whole line, including on odd punctuation runs.
TEST(SentenceSplitterTest, WindowedSplitAgreesWithWholeLines) {
  // ASCII, then letters, digits, spaces, quotes, dashes and symbols of other
  // scripts (windows), then terminators, separators, combining and format
  // characters (whole lines), so both paths meet every neighbour.
  const std::vector<std::string> alphabet = {
      "a", "A", "b", "Z", " ", ".", "!", "?", "'", "\"", ")", "(", "]", "1", ",", ";", ":", "-", "\t", "$", "%",
      "\u00e9", "\u00c9", "\u03c3", "\u00a0", "\u00bb", "\u201d", "\u2014", "\u2026", "\u00a9", "\u0663",
      "\U0001F449", "\u4e2d", "\u3002", "\u2028", "\u0301", "\u200b", "\uff0e", "\ufe0f"};
  std::mt19937 rng(7);
  int multi = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string line;
    const int length = static_cast<int>(rng() % 120);
    // Most lines keep to the characters that windows serve.
    const size_t letters = n % 4 == 0 ? alphabet.size() : alphabet.size() - 6;
    for (int i = 0; i < length; ++i) line += alphabet[rng() % letters];
    const std::vector<ByteSpan> fast = SplitSentences(line);
    const std::vector<ByteSpan> whole = SplitSentencesWholeLines(line);
    multi += whole.size() > 1;
    ASSERT_EQ(fast.size(), whole.size()) << "[" << line << "]";
    for (size_t k = 0; k < fast.size(); ++k) {
      ASSERT_EQ(fast[k].begin, whole[k].begin) << "[" << line << "]";
      ASSERT_EQ(fast[k].end, whole[k].end) << "[" << line << "]";
    }
  }
  EXPECT_GT(multi, 5000);  // the lines did exercise breaks
}

}  // namespace
}  // namespace cn
