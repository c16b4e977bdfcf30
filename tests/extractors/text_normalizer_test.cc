#include "extractors/text_normalizer.h"

#include <gtest/gtest.h>

namespace cn {
namespace {

TEST(TextNormalizerTest, FoldsLookAlikesOneCodePointForOne) {
  // en dash, no-break space, thin space, curly quotes, full-width digits.
  NormalizedText t = NormalizeText("$63\u2013$65\u00a0K \u2009\u201cBTC\u2019s\u201d \uff11\uff12%");
  EXPECT_EQ(t.matching, "$63-$65 K  \"BTC's\" 12%");
  EXPECT_EQ(t.CodePoints(), t.matching.size());
  EXPECT_EQ(t.OriginalSlice(3, 4), "\u2013");
}

TEST(TextNormalizerTest, MapsMatchingBytesBackToCodePoints) {
  NormalizedText t = NormalizeText("\u00e9t\u00e9 $5");  // "été $5": é is two bytes
  size_t dollar = t.matching.find('$');
  EXPECT_EQ(t.CodePointAt(dollar), 4u);
  EXPECT_EQ(t.OriginalSlice(4, 6), "$5");
}

TEST(TextNormalizerTest, ReplacesInvalidUtf8AndReportsFirstOffset) {
  NormalizedText t = NormalizeText(std::string("ab\xff" "c\xc3", 5));
  EXPECT_EQ(t.invalid_sequences, 2u);
  EXPECT_EQ(t.first_invalid_byte, 2u);
  EXPECT_EQ(t.original, "ab\ufffdc\ufffd");
  EXPECT_EQ(t.CodePoints(), 5u);
}

TEST(TextNormalizerTest, MapsOffsetsAcrossManyBlocks) {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += (i % 7 == 0) ? "\u00e9" : "a";
  NormalizedText t = NormalizeText(text);
  ASSERT_EQ(t.CodePoints(), 3000u);
  size_t byte = 0;
  for (size_t cp = 0; cp < 3000; ++cp) {
    ASSERT_EQ(t.CodePointAt(byte), cp);
    std::string_view one = t.OriginalSlice(cp, cp + 1);
    ASSERT_EQ(one, (cp % 7 == 0) ? "\u00e9" : "a") << cp;
    byte += one.size();
  }
}

TEST(TextNormalizerTest, AsciiTextMapsOffsetsToThemselves) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += static_cast<char>('a' + i % 26);
  NormalizedText t = NormalizeText(text);
  EXPECT_EQ(t.matching, text);
  ASSERT_EQ(t.CodePoints(), 1000u);
  EXPECT_EQ(t.CodePointAt(999), 999u);
  EXPECT_EQ(t.CodePointAt(5000), 1000u);
  EXPECT_EQ(t.OriginalSlice(26, 29), "abc");
}

TEST(TextNormalizerTest, MapsOffsetsWhenOnlyTheEndIsNotAscii) {
  std::string text(200, 'x');
  text += "—y";
  NormalizedText t = NormalizeText(text);
  ASSERT_EQ(t.CodePoints(), 202u);
  EXPECT_EQ(t.CodePointAt(200), 200u);
  EXPECT_EQ(t.CodePointAt(201), 201u);  // the dash folded to one byte
  EXPECT_EQ(t.OriginalSlice(200, 202), "—y");
}

TEST(TextNormalizerTest, EmptyInputHasNoCodePoints) {
  NormalizedText t = NormalizeText("");
  EXPECT_EQ(t.CodePoints(), 0u);
  EXPECT_EQ(t.CodePointAt(0), 0u);
}

}  // namespace
}  // namespace cn
