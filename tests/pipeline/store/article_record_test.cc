// ContentHash / MatchesContentHash (pipeline/store/article_record.h): every field
// that defines an article's content changes the hash, and hashes stored by
// earlier versions ("fnv1a64:…") are still recognised, so an unchanged
// article is not rewritten after an upgrade.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "pipeline/store/article_record.h"
#include "pipeline/store/article_store.h"
#include "tests/support/store_fixtures.h"
#include "tests/support/temp_dir.h"

namespace cn {
namespace {

ArticleRecord Sample() {
  ArticleRecord a;
  a.title = "Story hash";
  a.authors = {"A. Writer", "B. Editor"};
  a.published_at = "2026-11-20T08:30:00Z";
  a.text = "Bitcoin fell 4% to $81,000.";
  return a;
}

// What the previous version stored for Sample(), computed with its code.
constexpr const char* kSampleLegacyHash = "fnv1a64:308e679018d12183";

TEST(ContentHashTest, IsStableAndInTheCurrentForm) {
  const std::string h = ContentHash(Sample());
  EXPECT_EQ(h, ContentHash(Sample()));
  EXPECT_TRUE(h.starts_with("cnh64:")) << h;
  EXPECT_EQ(h.size(), 6u + 16u);
  EXPECT_TRUE(MatchesContentHash(h, Sample()));
}

TEST(ContentHashTest, EveryContentFieldChangesIt) {
  struct Case {
    const char* what;
    std::function<void(ArticleRecord&)> change;
  };
  const Case cases[] = {
      {"title", [](ArticleRecord& a) { a.title += "!"; }},
      {"an author", [](ArticleRecord& a) { a.authors[1] = "C. Editor"; }},
      {"one author fewer", [](ArticleRecord& a) { a.authors.pop_back(); }},
      {"published_at", [](ArticleRecord& a) { a.published_at = "2026-11-20T08:31:00Z"; }},
      {"one byte of text", [](ArticleRecord& a) { a.text[3] = 'C'; }},
      {"text one byte longer", [](ArticleRecord& a) { a.text += " "; }},
      {"text a whole word longer", [](ArticleRecord& a) { a.text += "12345678"; }},
      {"a byte moved from title to text", [](ArticleRecord& a) {
         a.text = a.title.back() + a.text;
         a.title.pop_back();
       }},
  };
  const std::string original = ContentHash(Sample());
  for (const Case& c : cases) {
    ArticleRecord changed = Sample();
    c.change(changed);
    EXPECT_NE(ContentHash(changed), original) << c.what;
    EXPECT_FALSE(MatchesContentHash(original, changed)) << c.what;
    EXPECT_FALSE(MatchesContentHash(kSampleLegacyHash, changed)) << c.what;
  }
}

TEST(ContentHashTest, FieldsOutsideTheContentDoNotChangeIt) {
  ArticleRecord other = Sample();
  other.url = "https://elsewhere.example/x";
  other.fetched_at = "2027-01-01T00:00:00Z";
  other.source = "another";
  EXPECT_EQ(ContentHash(other), ContentHash(Sample()));
}

TEST(ContentHashTest, LegacyHashesAreRecognisedAndUnknownFormsAreNot) {
  EXPECT_TRUE(MatchesContentHash(kSampleLegacyHash, Sample()));
  for (const char* stored : {"", "h", "fnv1a64:", "fnv1a64:308e679018d12184", "sha256:308e679018d12183"})
    EXPECT_FALSE(MatchesContentHash(stored, Sample())) << stored;
}

TEST(ContentHashTest, AnArticleStoredWithALegacyHashIsUnchangedWhenFetchedAgain) {
  testing::TempDir dir;
  auto store = ArticleStore::Open(dir.File("a.db"));
  ASSERT_TRUE(store);
  ArticleRecord a = testing::MakeArticle("legacy", "Bitcoin fell 4% to $81,000.");
  a.title = "Story hash";
  ASSERT_EQ(store->UpsertArticle(a, {}, {}, 1).value(), UpsertOutcome::kNew);
  ASSERT_TRUE(store->db().Exec(std::string("UPDATE articles SET content_hash = '") + kSampleLegacyHash + "'"));
  EXPECT_EQ(store->UpsertArticle(a, {}, {}, 1).value(), UpsertOutcome::kUnchanged);
  a.text += " Then it rose.";
  EXPECT_EQ(store->UpsertArticle(a, {}, {}, 1).value(), UpsertOutcome::kUpdated);
  auto stored = store->Find(a.canonical_url);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->content_hash, ContentHash(a));
}

}  // namespace
}  // namespace cn
