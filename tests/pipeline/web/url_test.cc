#include "pipeline/web/url.h"

#include <gtest/gtest.h>

#include "tests/support/url_resolution_cases.h"

namespace cn {
namespace {

struct CanonicalCase {
  const char* input;
  const char* expected;  // nullptr: must not canonicalise
};

TEST(UrlTest, CanonicalizesTable) {
  const CanonicalCase cases[] = {
      {"HTTP://Example.COM:80/a/../b/./c?x=1#frag", "http://example.com/b/c?x=1"},
      {"https://example.com", "https://example.com/"},
      {"https://example.com:443/x", "https://example.com/x"},
      {"https://example.com:8443/x", "https://example.com:8443/x"},
      {"http://example.com:443/x", "http://example.com:443/x"},
      {"  https://example.com/a b \n", "https://example.com/a%20b"},
      {"https://example.com/p?utm_source=rss&utm_medium=feed&id=7&fbclid=abc", "https://example.com/p?id=7"},
      {"https://example.com/p?UTM_Campaign=x", "https://example.com/p"},
      {"https://example.com/p?gclid=1&b=2&a=1", "https://example.com/p?b=2&a=1"},
      {"https://example.com/p?ref=home", "https://example.com/p?ref=home"},
      {"https://user:secret@example.com/p", "https://example.com/p"},
      {"https://example.com/p?", "https://example.com/p"},
      {"file:///tmp/feeds/a.xml", "file:///tmp/feeds/a.xml"},
      {"http://[::1]:8080/a", "http://[::1]:8080/a"},
      {"mailto:tips@example.com", nullptr},
      {"javascript:alert(1)", nullptr},
      {"ftp://example.com/x", nullptr},
      {"", nullptr},
      {"   ", nullptr},
      {"/relative/only", nullptr},
      {"http://exa mple.org/", nullptr},
  };
  for (const CanonicalCase& c : cases) {
    auto got = CanonicalizeUrl(c.input);
    if (c.expected == nullptr) {
      EXPECT_FALSE(got.has_value()) << c.input << " -> " << got.value_or("");
    } else {
      ASSERT_TRUE(got.has_value()) << c.input;
      EXPECT_EQ(*got, c.expected) << c.input;
    }
  }
}

TEST(UrlTest, ResolvesRelativeReferences) {
  const struct {
    const char* base;
    const char* ref;
    const char* expected;
  } cases[] = {
      {"https://a.example/feed/rss.xml", "../post/1?utm_source=x", "https://a.example/post/1"},
      {"https://a.example/feed/rss.xml", "post/2", "https://a.example/feed/post/2"},
      {"https://a.example/feed/rss.xml", "/root", "https://a.example/root"},
      {"https://a.example/feed/rss.xml", "//b.example/x", "https://b.example/x"},
      {"https://a.example/feed/rss.xml", "https://C.example/Y#z", "https://c.example/Y"},
      {"file:///srv/fixtures/feed.xml", "pages/one.html", "file:///srv/fixtures/pages/one.html"},
  };
  for (const auto& c : cases) {
    auto got = ResolveUrl(c.base, c.ref);
    ASSERT_TRUE(got.has_value()) << c.ref;
    EXPECT_EQ(*got, c.expected) << c.ref;
  }
  EXPECT_FALSE(ResolveUrl("https://a.example/", "mailto:x@y").has_value());
  EXPECT_FALSE(ResolveUrl("", "relative/path").has_value());
}

TEST(UrlTest, ResolvesTheSharedLinkTable) {
  for (const auto& c : testing::kUrlResolutionCases) {
    auto got = ResolveUrl(c.base, c.href);
    EXPECT_EQ(got.value_or(""), c.resolved) << c.base << " + " << c.href;
  }
}

TEST(UrlTest, ABaseThatIsNoUrlResolvesOnlyAbsoluteLinks) {
  EXPECT_EQ(ResolveUrl("fixtures/articles/page.html", "https://News.example/a#b").value_or(""), "https://news.example/a");
  EXPECT_FALSE(ResolveUrl("fixtures/articles/page.html", "/a").has_value());
}

TEST(UrlTest, HostKeysAndPaths) {
  EXPECT_EQ(UrlHost("https://News.Example.com:8080/x"), "news.example.com");
  EXPECT_EQ(UrlHostKey("https://News.Example.com/x"), "news.example.com:443");
  EXPECT_EQ(UrlHostKey("http://127.0.0.1:5000/x"), "127.0.0.1:5000");
  EXPECT_EQ(UrlHostKey("not a url"), "");
  EXPECT_EQ(UrlPathAndQuery("https://a.example"), "/");
  EXPECT_EQ(UrlPathAndQuery("https://a.example/p/q?x=1#f"), "/p/q?x=1");
  EXPECT_EQ(UrlScheme("HTTPS://x"), "https");
  EXPECT_EQ(UrlScheme("no scheme here"), "");
  EXPECT_TRUE(IsHttpUrl("http://x.example/"));
  EXPECT_FALSE(IsHttpUrl("file:///etc/passwd"));
}

TEST(UrlTest, AnHttpUrlNeedsAHostNotOnlyTheScheme) {
  EXPECT_TRUE(IsHttpUrl("HTTPS://News.Example/a"));
  EXPECT_TRUE(IsHttpUrl("http://[::1]:8080/"));
  EXPECT_FALSE(IsHttpUrl("https:+/x/"));
  EXPECT_FALSE(IsHttpUrl("https://"));
  EXPECT_FALSE(IsHttpUrl("https:x.example"));
  EXPECT_FALSE(IsHttpUrl("https://a b/"));
  EXPECT_FALSE(IsHttpUrl("http"));
}

TEST(UrlTest, DeduperTreatsVariantsAsOneUrl) {
  UrlDeduper dedup;
  auto first = dedup.Insert("https://News.example.com/a/?utm_source=rss#x");
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(*first, "https://news.example.com/a/");
  EXPECT_FALSE(dedup.Insert("https://news.example.com:443/a/").has_value());
  EXPECT_FALSE(dedup.Insert("https://news.example.com/a/?fbclid=1").has_value());
  EXPECT_TRUE(dedup.Insert("https://news.example.com/a").has_value());  // no trailing slash: another URL
  EXPECT_FALSE(dedup.Insert("mailto:x@y").has_value());
  EXPECT_TRUE(dedup.Contains("HTTPS://NEWS.EXAMPLE.COM/a/"));
  EXPECT_EQ(dedup.size(), 2u);
}

// A canonical URL canonicalises to itself (found by fuzz/url_policy_fuzz:
// "file:abc//def" became "file://abc//def", which does not parse again).
TEST(UrlTest, CanonicalUrlsAreStable) {
  EXPECT_EQ(CanonicalizeUrl("file:abc//def"), std::nullopt);
  EXPECT_EQ(ResolveUrl("", std::string("\x01\x00\x00" "file:\xb0\xb0//\xb0", 13)), std::nullopt);
  for (const char* url : {"https://News.Example/a/../b?utm_source=x&id=1#f", "file:///srv/feed.xml", "http://h/a//b"}) {
    auto once = CanonicalizeUrl(url);
    ASSERT_TRUE(once.has_value()) << url;
    EXPECT_EQ(CanonicalizeUrl(*once), once) << url;
  }
}

}  // namespace
}  // namespace cn
