#include "pipeline/feeds/sitemap_parser.h"

#include <gtest/gtest.h>

#include "tests/support/fixture_file.h"
#include "tests/support/gzip_test_util.h"

namespace cn {
namespace {

using testing::Gzip;
using testing::ReadFixture;

TEST(SitemapParserTest, NewsSitemapEntries) {
  SitemapParseResult r = ParseSitemap(ReadFixture("fixtures/crawl/news_sitemap.xml"),
                                      "https://news.example.com/news-sitemap.xml");
  EXPECT_EQ(r.kind, "urlset");
  ASSERT_EQ(r.entries.size(), 2u);
  EXPECT_EQ(r.entries[0].url, "https://news.example.com/policy/stablecoin-bill-advances/");
  EXPECT_EQ(r.entries[0].published_at, "2025-11-25T11:40:00Z");
  EXPECT_EQ(r.entries[0].lastmod, "2025-11-25T12:00:00Z");
  EXPECT_EQ(r.entries[0].title, "Stablecoin bill advances in committee");
  EXPECT_EQ(r.entries[1].url, "https://news.example.com/markets/doge-rallies/");
  EXPECT_EQ(r.entries[1].published_at, "");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("sitemap https://news.example.com/news-sitemap.xml: entry 3 has no <loc>"),
            std::string::npos)
      << r.errors[0];
}

TEST(SitemapParserTest, IndexListsChildSitemaps) {
  SitemapParseResult r =
      ParseSitemap(ReadFixture("fixtures/crawl/sitemap_index.xml"), "https://news.example.com/sitemap.xml");
  EXPECT_EQ(r.kind, "sitemapindex");
  ASSERT_EQ(r.child_sitemaps.size(), 2u);
  EXPECT_EQ(r.child_sitemaps[0], "https://news.example.com/sitemaps/news.xml");
  EXPECT_EQ(r.child_sitemaps[1], "https://news.example.com/sitemaps/posts-2025-11.xml.gz");
  EXPECT_EQ(r.errors.size(), 1u);  // the ftp: entry
}

TEST(SitemapParserTest, GzippedSitemapIsInflated) {
  std::string gz = Gzip(ReadFixture("fixtures/crawl/news_sitemap.xml"));
  SitemapParseResult r = ParseSitemap(gz, "https://news.example.com/s.xml.gz");
  EXPECT_EQ(r.entries.size(), 2u);
}

TEST(SitemapParserTest, GzipBombAndCorruptGzipAreRefused) {
  std::string bomb = Gzip(std::string(kMaxSitemapBytes + 1024, ' '));
  SitemapParseResult r = ParseSitemap(bomb, "https://x.example/bomb.xml.gz");
  EXPECT_TRUE(r.entries.empty());
  ASSERT_FALSE(r.errors.empty());
  EXPECT_NE(r.errors[0].find("decompressed size exceeds"), std::string::npos) << r.errors[0];

  std::string corrupt = Gzip("<urlset></urlset>");
  corrupt.resize(corrupt.size() / 2);
  SitemapParseResult c = ParseSitemap(corrupt, "https://x.example/cut.xml.gz");
  EXPECT_TRUE(c.entries.empty());
  ASSERT_FALSE(c.errors.empty());
}

TEST(SitemapParserTest, NotASitemap) {
  for (const char* bytes : {"", "<rss/>", "garbage"}) {
    SitemapParseResult r = ParseSitemap(bytes, "https://x.example/s.xml");
    EXPECT_TRUE(r.entries.empty());
    EXPECT_TRUE(r.child_sitemaps.empty());
    EXPECT_FALSE(r.errors.empty()) << bytes;
  }
}

}  // namespace
}  // namespace cn
