#include "extractors/ascii.h"

#include <gtest/gtest.h>

#include <cctype>
#include <random>
#include <string>

namespace {

std::string RandomBytes(std::mt19937& rng, size_t max_length) {
  std::string s;
  const size_t length = rng() % (max_length + 1);
  for (size_t i = 0; i < length; ++i) s.push_back(static_cast<char>(rng() % 256));
  return s;
}

// The eight-bytes-at-a-time helpers must agree with the plain byte loops on
// every byte value, including bytes >= 0x80 and control characters.
TEST(AsciiTest, LowerCasesExactlyLikeTheByteLoop) {
  std::mt19937 rng(3);
  for (int n = 0; n < 20000; ++n) {
    const std::string s = RandomBytes(rng, 40);
    std::string expected = s;
    for (auto& c : expected) c = cn::ascii::ToLower(c);
    ASSERT_EQ(cn::ascii::ToLower(s), expected);
  }
  EXPECT_EQ(cn::ascii::ToLower("BTC Fell @[Z]` 5% \xC3\x89TH"), "btc fell @[z]` 5% \xC3\x89th");
}

TEST(AsciiTest, LowerSpanKeepsAtMostItsCapacity) {
  EXPECT_EQ(cn::ascii::LowerSpan<8>("Per COIN").view(), "per coin");
  EXPECT_EQ(cn::ascii::LowerSpan<4>(" Per share").view(), " per");
  EXPECT_EQ(cn::ascii::LowerSpan<16>("").view(), "");
}

TEST(AsciiTest, FindsDigitsExactlyLikeTheByteLoop) {
  std::mt19937 rng(5);
  for (int n = 0; n < 20000; ++n) {
    const std::string s = RandomBytes(rng, 40);
    bool expected = false;
    for (char c : s) expected = expected || (c >= '0' && c <= '9');
    ASSERT_EQ(cn::ascii::HasDigit(s), expected);
  }
  EXPECT_FALSE(cn::ascii::HasDigit("no digits here, only words/:;"));
  EXPECT_TRUE(cn::ascii::HasDigit("a long line of words before the 9"));
}

TEST(AsciiTest, FindsPhrasesWhateverTheirCase) {
  EXPECT_EQ(cn::ascii::FindNoCase("Fear & Greed index", "greed"), 7u);
  EXPECT_EQ(cn::ascii::FindNoCase("FEAR & GREED", "greed"), 7u);
  EXPECT_EQ(cn::ascii::FindNoCase("so are BNB and so is XRP", "so is ", 3), 15u);
  EXPECT_EQ(cn::ascii::FindNoCase("greed", "greedy"), std::string_view::npos);
  EXPECT_EQ(cn::ascii::FindNoCase("", "x"), std::string_view::npos);
  // The earlier of a lower- and an upper-case start wins.
  EXPECT_EQ(cn::ascii::FindNoCase("Score then score", "score"), 0u);
  EXPECT_TRUE(cn::ascii::ContainsNoCase("the RSI reads 70", "rsi"));
  EXPECT_FALSE(cn::ascii::ContainsNoCase("no index here", "rsi"));
}

// The one-byte shortcut must never change an answer.
TEST(AsciiTest, PrefixAndSuffixTestsAgreeWithStringView) {
  std::mt19937 rng(5);
  for (int n = 0; n < 50000; ++n) {
    // A small alphabet so that hits are common.
    std::string s, p;
    for (size_t i = rng() % 9; i > 0; --i) s.push_back("ab "[rng() % 3]);
    for (size_t i = rng() % 5; i > 0; --i) p.push_back("ab "[rng() % 3]);
    ASSERT_EQ(cn::ascii::StartsWith(s, p), std::string_view(s).starts_with(p)) << '"' << s << "\" \"" << p << '"';
    ASSERT_EQ(cn::ascii::EndsWith(s, p), std::string_view(s).ends_with(p)) << '"' << s << "\" \"" << p << '"';
  }
  EXPECT_TRUE(cn::ascii::StartsWith(" per share", " per "));
  EXPECT_FALSE(cn::ascii::StartsWith(" per", " per "));
  EXPECT_TRUE(cn::ascii::EndsWith("fell by about", " by about"));
  EXPECT_FALSE(cn::ascii::EndsWith("fell by abouT", " by about"));
}

TEST(AsciiTest, FindsTheFirstDigitExactlyLikeTheByteLoop) {
  std::mt19937 rng(9);
  for (int n = 0; n < 20000; ++n) {
    const std::string s = RandomBytes(rng, 40);
    const size_t from = s.empty() ? 0 : rng() % (s.size() + 1);
    size_t expected = from;
    while (expected < s.size() && !(s[expected] >= '0' && s[expected] <= '9')) ++expected;
    ASSERT_EQ(cn::ascii::FindDigit(s, from), expected);
  }
  EXPECT_EQ(cn::ascii::FindDigit("fell \xC3\xA9 by 5%", 0), 11u);
  EXPECT_EQ(cn::ascii::FindDigit("no digits here at all", 0), 21u);
}

// Whatever mix of cases and near misses, the first match from `from` on.
TEST(AsciiTest, FindsPhrasesExactlyLikeANaiveSearch) {
  std::mt19937 rng(13);
  for (int n = 0; n < 20000; ++n) {
    std::string s, needle;
    for (size_t k = rng() % 30; k > 0; --k) s.push_back("bBeEtTwWn "[rng() % 10]);
    for (size_t k = 1 + rng() % 4; k > 0; --k) needle.push_back("betwn "[rng() % 6]);
    const size_t from = rng() % (s.size() + 2);
    size_t expected = std::string_view::npos;
    for (size_t at = from; at + needle.size() <= s.size() && expected == std::string_view::npos; ++at)
      if (cn::ascii::ToLower(s.substr(at, needle.size())) == needle) expected = at;
    ASSERT_EQ(cn::ascii::FindNoCase(s, needle, from), expected) << '"' << s << "\" \"" << needle << "\" " << from;
  }
}

// The stages used libc's character tests before; the program never sets a
// locale, so these must agree with libc's "C" locale on every byte.
TEST(AsciiTest, CharacterTestsAgreeWithTheCLocaleOnEveryByte) {
  for (int b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    SCOPED_TRACE(b);
    EXPECT_EQ(cn::ascii::IsDigit(c), std::isdigit(b) != 0);
    EXPECT_EQ(cn::ascii::IsAlpha(c), std::isalpha(b) != 0);
    EXPECT_EQ(cn::ascii::IsAlnum(c), std::isalnum(b) != 0);
    EXPECT_EQ(cn::ascii::IsUpper(c), std::isupper(b) != 0);
    EXPECT_EQ(cn::ascii::IsLower(c), std::islower(b) != 0);
    EXPECT_EQ(cn::ascii::IsSpace(c), std::isspace(b) != 0);
    EXPECT_EQ(cn::ascii::ToLower(c), static_cast<char>(std::tolower(b)));
    EXPECT_EQ(cn::ascii::ToUpper(c), static_cast<char>(std::toupper(b)));
  }
}

TEST(AsciiTest, TrimsSpaceAtBothEndsOnly) {
  EXPECT_EQ(cn::ascii::Trim(" \t\vBTC Bitcoin\r\n"), "BTC Bitcoin");
  EXPECT_EQ(cn::ascii::Trim(" \f "), "");
  EXPECT_EQ(cn::ascii::Trim("\xC2\xA0x\xC2\xA0"), "\xC2\xA0x\xC2\xA0");  // no-break space is not ASCII space
}

TEST(AsciiTest, ComparesWithALowerCaseWordWhateverTheCase) {
  EXPECT_TRUE(cn::ascii::EqualsNoCase("AnD", "and"));
  EXPECT_FALSE(cn::ascii::EqualsNoCase("and", "an"));
  EXPECT_FALSE(cn::ascii::EqualsNoCase("\xC3\x89", "\xC3\xA9"));  // É and é differ outside ASCII
  EXPECT_TRUE(cn::ascii::StartsWithNoCase("Read Also: more", "read also"));
  EXPECT_FALSE(cn::ascii::StartsWithNoCase("Read", "read also"));
  EXPECT_EQ(cn::ascii::ToUpper("eth/usdt \xC3\xA9"), "ETH/USDT \xC3\xA9");
}

}  // namespace
