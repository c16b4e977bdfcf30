#include "extractors/word_table.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>

namespace {

std::string RandomWord(std::mt19937& rng) {
  // Short words over a small alphabet: many share length, first and last
  // byte (the filter's key), and many collide in the table's buckets.
  std::string w;
  for (size_t i = 1 + rng() % 6; i > 0; --i) w.push_back("abcde "[rng() % 6]);
  return w;
}

// Inserts, look-ups and growth must answer exactly as an ordinary map does.
TEST(WordTableTest, AnswersLikeAnOrderedMapThroughGrowth) {
  std::mt19937 rng(11);
  cn::WordTable<int> table;
  std::map<std::string, int> expected;
  for (int n = 0; n < 20000; ++n) {
    const std::string w = RandomWord(rng);
    if (rng() % 2 == 0) {
      const bool added = table.Insert(w, n);
      ASSERT_EQ(added, expected.emplace(w, n).second) << w;
    } else {
      const int* found = table.Find(w);
      auto it = expected.find(w);
      ASSERT_EQ(found != nullptr, it != expected.end()) << w;
      if (found != nullptr) {
        ASSERT_EQ(*found, it->second) << w;
      }
    }
  }
  EXPECT_EQ(table.size(), expected.size());
  EXPECT_EQ(table.Find(""), nullptr);
}

TEST(WordTableTest, IndexingAddsOnceAndKeepsReferencesAcrossGrowth) {
  cn::WordTable<int> table;
  int& first = table["bitcoin"];
  first = 7;
  for (int i = 0; i < 1000; ++i) table["w" + std::to_string(i)] = i;
  EXPECT_EQ(first, 7);  // the entry did not move while the table grew
  table["bitcoin"] += 1;
  EXPECT_EQ(*table.Find("bitcoin"), 8);
  EXPECT_EQ(table.size(), 1001u);
}

TEST(WordTableTest, CopiesAreIndependentAndClearEmpties) {
  cn::WordTable<int> original;
  original.Insert("eth", 1);
  cn::WordTable<int> copy = original;
  copy["eth"] = 2;
  copy.Insert("sol", 3);
  EXPECT_EQ(*original.Find("eth"), 1);
  EXPECT_EQ(original.Find("sol"), nullptr);
  EXPECT_EQ(*copy.Find("eth"), 2);
  copy.clear();
  EXPECT_EQ(copy.size(), 0u);
  EXPECT_EQ(copy.Find("eth"), nullptr);
  copy.Insert("eth", 4);
  EXPECT_EQ(*copy.Find("eth"), 4);
}

}  // namespace
