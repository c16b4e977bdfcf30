#include "pipeline/crawl/sources_config.h"

#include <gtest/gtest.h>

#include <set>

#include "tests/support/fixture_file.h"

namespace cn {
namespace {

TEST(SourcesConfigTest, DefaultFileListsTheMajorOutlets) {
  auto sources = LoadSources(testing::FixturePath("sources.toml"));
  ASSERT_TRUE(sources.has_value()) << sources.error();
  std::set<std::string> names;
  for (const SourceConfig& s : *sources) {
    names.insert(s.name);
    EXPECT_FALSE(s.feeds.empty()) << s.name;
    for (const std::string& feed : s.feeds) EXPECT_TRUE(feed.starts_with("https://")) << feed;
    EXPECT_EQ(s.max_articles, 30);
    EXPECT_EQ(s.politeness_delay.count(), 2000);
  }
  for (const char* name : {"CoinDesk", "Cointelegraph", "Decrypt", "The Block", "Bitcoinist", "NewsBTC",
                           "CryptoPotato", "CryptoSlate", "U.Today", "BeInCrypto", "Bitcoin Magazine", "Coindoo"})
    EXPECT_TRUE(names.contains(name)) << name;
  // The embedded copy is the same file.
  EXPECT_EQ(DefaultSourcesToml(), testing::ReadFixture("sources.toml"));
}

TEST(SourcesConfigTest, OverridesPathsAndFileUrls) {
  auto sources = ParseSources(R"(
[defaults]
max_articles = 5
[[sources]]
name = "Local"
feeds = ["feeds/a.xml", "file:///srv/b.xml"]
sitemaps = ["/abs/sitemap.xml.gz"]
politeness_delay_ms = 0
enabled = false
)",
                              "test.toml", "/data/crawl");
  ASSERT_TRUE(sources.has_value()) << sources.error();
  ASSERT_EQ(sources->size(), 1u);
  const SourceConfig& s = (*sources)[0];
  EXPECT_EQ(s.feeds, (std::vector<std::string>{"file:///data/crawl/feeds/a.xml", "file:///srv/b.xml"}));
  EXPECT_EQ(s.sitemaps, (std::vector<std::string>{"file:///abs/sitemap.xml.gz"}));
  EXPECT_EQ(s.max_articles, 5);
  EXPECT_EQ(s.politeness_delay.count(), 0);
  EXPECT_FALSE(s.enabled);
  EXPECT_EQ(s.line, 4);
}

TEST(SourcesConfigTest, ErrorsNameFileLineAndKey) {
  const struct {
    const char* text;
    const char* expected;
  } cases[] = {
      {"[[sources]]\nname = \"A\"\nfeeds = \"https://a.example/rss\"\n",
       "bad.toml:3:9: source 'A': key 'feeds' must be an array of strings"},
      {"[[sources]]\nname = \"A\"\nfeeds = [\"ftp://a.example/rss\"]\n",
       "bad.toml:3:10: source 'A': key 'feeds': 'ftp://a.example/rss' uses scheme 'ftp'"},
      {"[[sources]]\nname = \"A\"\nhomepage = \"https:+/x/\"\nfeeds = [\"https://a.example/rss\"]\n",
       "bad.toml:3:12: source 'A': key 'homepage' must be an http(s) URL"},
      {"[[sources]]\nname = \"A\"\nfeds = [\"https://a.example/rss\"]\n", "bad.toml:3:8: source 'A': unknown key 'feds'"},
      {"[[sources]]\nname = \"A\"\nfeeds = [\"https://a.example/rss\"]\nmax_articles = 0\n",
       "bad.toml:4:16: source 'A': key 'max_articles' must be an integer from 1"},
      {"[[sources]]\nfeeds = [\"https://a.example/rss\"]\n", "bad.toml:1:1: sources[1]: key 'name' must be"},
      {"[[sources]]\nname = \"A\"\n", "bad.toml:1:1: source 'A': needs at least one of 'feeds' or 'sitemaps'"},
      {"[[sources]]\nname = \"A\"\nfeeds = []\nsitemaps = []\n",
       "bad.toml:1:1: source 'A': needs at least one of 'feeds' or 'sitemaps'"},
      {"[[sources]]\nname = \"A\"\nfeeds=[\"https://a.example/\"]\n[[sources]]\nname = \"a\"\nfeeds=[\"https://b.example/\"]\n",
       "bad.toml:5:8: source 'a': duplicate name"},
      {"[[sources]]\nname = \"A\"\nfeeds = [\"https://a.example/rss\"\n", "bad.toml:3:"},
      {"name = = 3\n", "bad.toml:1:8: "},
      {"", "bad.toml: no [[sources]] entries"},
      {"[defaults]\npoliteness_delay_ms = -1\n[[sources]]\nname=\"A\"\nfeeds=[\"https://a.example/\"]\n",
       "bad.toml:2:23: [defaults]: key 'politeness_delay_ms' must be an integer from 0"},
  };
  for (const auto& c : cases) {
    auto r = ParseSources(c.text, "bad.toml", "");
    ASSERT_FALSE(r.has_value()) << c.text;
    EXPECT_NE(r.error().find(c.expected), std::string::npos) << "got: " << r.error() << "\nwanted: " << c.expected;
  }
}

// Found by sources_fuzz: toml++ describes some errors over two lines, and a
// quoted value may hold a newline; every line must still name the file.
TEST(SourcesConfigTest, EveryErrorLineStartsWithTheFileName) {
  const char* cases[] = {
      "[[sources]]\nname = \"A\"\nfeeds = [\"https://a.example/rss\"]\nx = n\n'\n",
      "[[sources]]\nname = \"A\"\nfeeds = [\"gopher://a.example/\\nsecond line\"]\n",
      "[[sources]]\nname = \"A\\nB\"\nfeeds = [\"https://a.example/\"]\nhomepage = 3\n",
  };
  for (const char* text : cases) {
    auto r = ParseSources(text, "bad.toml", "");
    ASSERT_FALSE(r.has_value()) << text;
    size_t start = 0;
    while (start < r.error().size()) {
      EXPECT_EQ(r.error().compare(start, 8, "bad.toml"), 0) << "a line without the file name in: " << r.error();
      size_t nl = r.error().find('\n', start);
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
  }
}

TEST(SourcesConfigTest, MissingFileIsNamed) {
  auto r = LoadSources("/nonexistent/sources.toml");
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().find("/nonexistent/sources.toml"), std::string::npos);
}

}  // namespace
}  // namespace cn
