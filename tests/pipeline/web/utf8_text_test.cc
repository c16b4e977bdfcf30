// utf8_text.h: code points are counted by their lead bytes, and no cut or
// column offset ever lands inside a character.
#include "pipeline/web/utf8_text.h"

#include <gtest/gtest.h>

#include <string>

namespace cn {
namespace {

// "a", "é" (2 bytes), "€" (3 bytes), "🙂" (4 bytes), "z".
const std::string kMixed = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x99\x82z";

TEST(Utf8TextTest, CountsCodePointsNotBytes) {
  EXPECT_EQ(utf8::CodePointCount(""), 0u);
  EXPECT_EQ(utf8::CodePointCount("plain"), 5u);
  EXPECT_EQ(kMixed.size(), 11u);
  EXPECT_EQ(utf8::CodePointCount(kMixed), 5u);
}

TEST(Utf8TextTest, ACutMovesBackToTheStartOfItsCharacter) {
  const size_t expected[] = {0, 1, 1, 3, 3, 3, 6, 6, 6, 6, 10};
  for (size_t cut = 0; cut < kMixed.size(); ++cut)
    EXPECT_EQ(utf8::CharacterStartAtOrBefore(kMixed, cut), expected[cut]) << "cut " << cut;
  EXPECT_EQ(utf8::CharacterStartAtOrBefore(kMixed, 11), 11u);  // the end is a boundary
  EXPECT_EQ(utf8::CharacterStartAtOrBefore(kMixed, 40), 40u);  // past the end: unchanged
}

TEST(Utf8TextTest, ByteOffsetOfACodePointIsWhereItStarts) {
  const size_t expected[] = {0, 1, 3, 6, 10, 11, 11};
  for (size_t n = 0; n < std::size(expected); ++n)
    EXPECT_EQ(utf8::ByteOffsetOfCodePoint(kMixed, n), expected[n]) << "code point " << n;
}

}  // namespace
}  // namespace cn
