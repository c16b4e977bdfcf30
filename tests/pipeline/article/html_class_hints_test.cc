#include <gtest/gtest.h>

#include "pipeline/article/html_class_hints.h"

namespace cn {
namespace {

TEST(ClassHintsTest, Classifies) {
  struct Case {
    const char* cls;
    const char* id;
    bool unlikely, never_body, maybe_content;
    int weight;
  } cases[] = {
      {"site-header", "", true, false, false, 0},
      {"PageBuilder-pageRow", "", false, false, false, 25},  // "page", not "pager"
      {"pager", "", true, false, false, 25},
      {"comments-area", "comments", true, false, false, -25},
      {"share-bar", "", true, false, false, -25},
      {"newsletterSignup", "", true, false, false, -25},
      {"ad-slot ad", "", true, false, false, -25},
      {"header-ad-free-story", "", true, false, true, 0},  // "story" overrules
      {"entry-content", "", false, false, true, 25},
      {"wp-caption-text", "", false, true, false, 0},  // "text" +25, "caption" -25
      {"photo-credit", "", false, true, false, -25},
      {"ap-story-timestamp", "", false, true, true, 25},
      {"post__content", "postContent", false, false, true, 25},
      {"shadow", "", false, false, true, 0},
      {"", "", false, false, false, 0},  // no hints at all
  };
  for (const Case& c : cases) {
    ClassHints h = ClassHints::Of(c.cls, c.id);
    EXPECT_EQ(IsUnlikely(h), c.unlikely) << c.cls;
    EXPECT_EQ(IsNeverBody(h), c.never_body) << c.cls;
    EXPECT_EQ(IsMaybeContent(h), c.maybe_content) << c.cls;
    EXPECT_EQ(ClassWeight(h), c.weight) << c.cls;
  }
  EXPECT_TRUE(ClassHints::Of("", "").empty());
  EXPECT_TRUE(NamesDiscussion(ClassHints::Of("comment-list", "")));
  EXPECT_FALSE(NamesDiscussion(ClassHints::Of("article-body", "")));
}

}  // namespace
}  // namespace cn
