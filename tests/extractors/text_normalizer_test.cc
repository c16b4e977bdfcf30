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
  EXPECT_EQ(t.code_point_at[dollar], 4u);
  EXPECT_EQ(t.OriginalSlice(4, 6), "$5");
}

TEST(TextNormalizerTest, ReplacesInvalidUtf8AndReportsFirstOffset) {
  NormalizedText t = NormalizeText(std::string("ab\xff" "c\xc3", 5));
  EXPECT_EQ(t.invalid_sequences, 2u);
  EXPECT_EQ(t.first_invalid_byte, 2u);
  EXPECT_EQ(t.original, "ab\ufffdc\ufffd");
  EXPECT_EQ(t.CodePoints(), 5u);
}

TEST(TextNormalizerTest, EmptyInputHasNoCodePoints) {
  NormalizedText t = NormalizeText("");
  EXPECT_EQ(t.CodePoints(), 0u);
  EXPECT_EQ(t.code_point_at.size(), 1u);
}

}  // namespace
}  // namespace cn
