// Per-article bounds: where an over-long text is cut, and the figure cap.
#include "pipeline/ingest/article_bounds.h"

#include <gtest/gtest.h>

namespace cn {
namespace {

TEST(ArticleBoundsTest, TextIsCutAtAParagraphThenASentenceThenACharacter) {
  std::string short_text = "One.\n\nTwo.";
  EXPECT_FALSE(TruncateArticleText(short_text, 100));
  EXPECT_EQ(short_text, "One.\n\nTwo.");

  std::string paragraphs = std::string(80, 'a') + "\n\n" + std::string(80, 'b');
  EXPECT_TRUE(TruncateArticleText(paragraphs, 100));
  EXPECT_EQ(paragraphs, std::string(80, 'a'));  // the paragraph break at 80 is in the last quarter

  std::string sentences = std::string(40, 'a') + "\n\n" + std::string(40, 'b') + ". " + std::string(60, 'c');
  EXPECT_TRUE(TruncateArticleText(sentences, 100));
  EXPECT_EQ(sentences, std::string(40, 'a') + "\n\n" + std::string(40, 'b') + ".");  // break at 40 is too early

  std::string euros;
  for (int i = 0; i < 50; ++i) euros += "\xE2\x82\xAC";  // 150 bytes, no break anywhere
  EXPECT_TRUE(TruncateArticleText(euros, 100));
  EXPECT_EQ(euros.size(), 99u);  // 33 whole characters, not 100 bytes with a split one
}

TEST(ArticleBoundsTest, FiguresBeyondTheCapAreDropped) {
  std::vector<Figure> figures(7);
  for (size_t i = 0; i < figures.size(); ++i) figures[i].start = i;
  EXPECT_EQ(CapFigures(figures, 10), 0u);
  EXPECT_EQ(CapFigures(figures, 5), 2u);
  ASSERT_EQ(figures.size(), 5u);
  EXPECT_EQ(figures.back().start, 4u);  // the first ones, in text order
}

}  // namespace
}  // namespace cn
