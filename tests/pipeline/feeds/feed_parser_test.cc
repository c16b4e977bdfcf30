#include "pipeline/feeds/feed_parser.h"

#include <gtest/gtest.h>

#include "tests/support/fixture_file.h"
#include "tests/support/url_resolution_cases.h"
#include "pipeline/web/url.h"

namespace cn {
namespace {

using testing::ReadFixture;

TEST(FeedParserTest, Rss2ItemsWithResolvedCanonicalLinks) {
  FeedParseResult r = ParseFeed(ReadFixture("fixtures/crawl/rss2.xml"), "https://news.example.com/feed/");
  EXPECT_EQ(r.format, "rss");
  EXPECT_EQ(r.title, "Example Coin Wire");
  ASSERT_EQ(r.items.size(), 3u);
  EXPECT_EQ(r.items[0].url, "https://news.example.com/markets/bitcoin-slips/?id=7");
  EXPECT_EQ(r.items[0].title, "Bitcoin slips 3% as $410 million in longs are liquidated");
  EXPECT_EQ(r.items[0].author, "Jane Ledger");
  EXPECT_EQ(r.items[0].published_at, "2025-11-25T14:03:00Z");
  EXPECT_EQ(r.items[0].summary.substr(0, 60), "Bitcoin fell to $86,200 on Tuesday \u2013 the lowest in a week.");
  EXPECT_EQ(r.items[1].url, "https://news.example.com/markets/ether-etf-flows/");
  EXPECT_EQ(r.items[1].author, "desk@news.example.com (Market Desk)");
  EXPECT_EQ(r.items[1].published_at, "2025-11-24T14:30:00Z");
  EXPECT_EQ(r.items[2].url, "https://news.example.com/markets/guid-only/");
  EXPECT_EQ(r.items[2].published_at, "2025-11-24T08:00:00Z");
  // The link-less item and the mailto: item are reported, not silently lost.
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_NE(r.errors[0].find("feed https://news.example.com/feed/: item 4 has no link"), std::string::npos)
      << r.errors[0];
  EXPECT_NE(r.errors[1].find("item 5 has an unusable link 'mailto:"), std::string::npos) << r.errors[1];
}

TEST(FeedParserTest, ReadsEveryDateFormThePageMetadataReads) {
  // Once only page metadata read RFC 850 dates; feeds and pages now share
  // one parser (date_time.h, whose table test holds every form).
  const std::string rss =
      "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
      "<item><link>https://news.example.com/a</link><pubDate>Monday, 23-Nov-26 07:40:00 GMT</pubDate></item>"
      "<item><link>https://news.example.com/b</link><pubDate>2026-11-23 07:40 UTC</pubDate></item>"
      "</channel></rss>";
  FeedParseResult r = ParseFeed(rss, "https://news.example.com/feed/");
  ASSERT_EQ(r.items.size(), 2u);
  EXPECT_EQ(r.items[0].published_at, "2026-11-23T07:40:00Z");
  EXPECT_EQ(r.items[1].published_at, "2026-11-23T07:40:00Z");
}

TEST(FeedParserTest, ItemLinksResolveAsResolveUrlDoes) {
  for (const auto& c : testing::kUrlResolutionCases) {
    const std::string rss = std::string("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>") +
                            "<item><link><![CDATA[" + c.href + "]]></link></item></channel></rss>";
    FeedParseResult r = ParseFeed(rss, c.base);
    const std::string url = r.items.empty() ? "" : r.items[0].url;
    EXPECT_EQ(url, c.resolved) << c.base << " + " << c.href;
    EXPECT_EQ(url, ResolveUrl(c.base, c.href).value_or("")) << c.href;
    EXPECT_EQ(r.errors.size(), c.resolved[0] == '\0' ? 1u : 0u) << "a refused link is reported: " << c.href;
  }
}

TEST(FeedParserTest, Rss1RdfWithLatin1Encoding) {
  FeedParseResult r = ParseFeed(ReadFixture("fixtures/crawl/rss1.rdf"), "https://rdf.example.org/index.rdf");
  EXPECT_EQ(r.format, "rdf");
  EXPECT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.items.size(), 2u);
  EXPECT_EQ(r.items[0].url, "https://rdf.example.org/2025/11/solana-volume");
  EXPECT_EQ(r.items[0].author, "Andr\u00e9 Kov\u00e1cs");
  EXPECT_EQ(r.items[0].published_at, "2025-11-23T16:45:10Z");
  EXPECT_EQ(r.items[0].summary, "Caf\u00e9 talk: traders moved a lot of SOL.");
  // No <link>: rdf:about is the article URL.
  EXPECT_EQ(r.items[1].url, "https://rdf.example.org/2025/11/xrp-range");
  EXPECT_EQ(r.items[1].published_at, "2025-11-22T00:00:00Z");
}

TEST(FeedParserTest, AtomEntriesUseAlternateLinksAndXmlBase) {
  FeedParseResult r = ParseFeed(ReadFixture("fixtures/crawl/atom.xml"), "https://atom.example.net/feed.atom");
  EXPECT_EQ(r.format, "atom");
  EXPECT_EQ(r.title, "Atom Chain Notes");
  ASSERT_EQ(r.items.size(), 2u);
  EXPECT_EQ(r.items[0].url, "https://atom.example.net/blog/posts/open-interest-jumps.html");
  EXPECT_EQ(r.items[0].title, "Open interest jumps 12% on the week");
  EXPECT_EQ(r.items[0].published_at, "2025-11-25T13:15:30Z");
  EXPECT_EQ(r.items[0].author, "Priya Nodes");
  EXPECT_EQ(r.items[0].summary, "Futures open interest rose to $31 billion.");
  EXPECT_EQ(r.items[1].published_at, "2025-11-24T23:59:59Z");  // falls back to <updated>
  ASSERT_EQ(r.errors.size(), 1u);  // the entry with only rel="self"
  EXPECT_NE(r.errors[0].find("item 3 has no link"), std::string::npos) << r.errors[0];
}

TEST(FeedParserTest, TruncatedFeedKeepsCompleteItemsAndNamesTheFeed) {
  FeedParseResult r = ParseFeed(ReadFixture("fixtures/crawl/truncated_rss.xml"), "https://cut.example/feed");
  EXPECT_EQ(r.format, "rss");
  ASSERT_GE(r.items.size(), 2u);
  EXPECT_EQ(r.items[1].url, "https://cut.example/markets/ether-etf-flows/");
  ASSERT_FALSE(r.errors.empty());
  EXPECT_NE(r.errors[0].find("feed https://cut.example/feed: malformed XML at line"), std::string::npos)
      << r.errors[0];
}

TEST(FeedParserTest, InputsThatYieldNoItems) {
  const struct {
    const char* bytes;
    const char* error_part;
  } cases[] = {
      {"", "empty document"},
      {"not xml at all", "malformed XML"},
      {"<html><body>Hello</body></html>", "root element is <html>"},
      {"<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"/>", "this is a sitemap"},
      {"<rss><channel><title>Empty</title></channel></rss>", nullptr},
  };
  for (const auto& c : cases) {
    FeedParseResult r = ParseFeed(c.bytes, "https://a.example/feed");
    EXPECT_TRUE(r.items.empty()) << c.bytes;
    if (c.error_part == nullptr) continue;
    ASSERT_FALSE(r.errors.empty()) << c.bytes;
    EXPECT_NE(r.errors[0].find(c.error_part), std::string::npos) << r.errors[0];
  }
}

TEST(FeedParserTest, EntitiesAreNeitherLoadedNorExpanded) {
  // External entity (XXE): never read from disk.
  FeedParseResult xxe = ParseFeed(
      "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
      "<rss><channel><item><title>T&x;</title><link>https://a.example/x</link></item></channel></rss>",
      "https://a.example/feed");
  ASSERT_EQ(xxe.items.size(), 1u);
  EXPECT_EQ(xxe.items[0].title, "T");
  // Nested internal entities ("billion laughs"): no blow-up.
  std::string laughs = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"haha\">";
  std::string prev = "a";
  for (char c = 'b'; c <= 'k'; ++c) {
    std::string body;
    for (int i = 0; i < 10; ++i) body += "&" + prev + ";";
    laughs += std::string("<!ENTITY ") + c + " \"" + body + "\">";
    prev = std::string(1, c);
  }
  laughs += "]><rss><channel><item><title>&k;</title><link>https://a.example/y</link></item></channel></rss>";
  FeedParseResult bomb = ParseFeed(laughs, "https://a.example/feed");
  for (const FeedItem& item : bomb.items) EXPECT_LT(item.title.size(), 1000u);
}

TEST(FeedParserTest, TitlesKeepALiteralLessThanSign) {
  FeedParseResult r = ParseFeed(
      "<rss><channel><item><title>BTC &lt; $90k as <![CDATA[<b>ETH</b>]]> &amp; SOL slide</title>"
      "<link>https://a.example/x</link><description>&lt;p&gt;Short &amp;amp; sharp&lt;/p&gt;</description>"
      "</item></channel></rss>",
      "https://a.example/feed");
  ASSERT_EQ(r.items.size(), 1u);
  EXPECT_EQ(r.items[0].title, "BTC < $90k as ETH & SOL slide");
  EXPECT_EQ(r.items[0].summary, "Short & sharp");
}

TEST(FeedParserTest, FileLinksOnlyFromLocalFeeds) {
  const char* feed =
      "<rss><channel><item><link>file:///etc/passwd</link></item>"
      "<item><link>pages/one.html</link></item></channel></rss>";
  FeedParseResult remote = ParseFeed(feed, "https://a.example/feed");
  ASSERT_EQ(remote.items.size(), 1u);
  EXPECT_EQ(remote.items[0].url, "https://a.example/pages/one.html");
  FeedParseResult local = ParseFeed(feed, "file:///srv/fixtures/feed.xml");
  ASSERT_EQ(local.items.size(), 2u);
  EXPECT_EQ(local.items[1].url, "file:///srv/fixtures/pages/one.html");
}

}  // namespace
}  // namespace cn
