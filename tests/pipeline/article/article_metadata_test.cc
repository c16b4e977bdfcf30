#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "pipeline/article/article_metadata.h"
#include "pipeline/article/html_document.h"
#include "pipeline/web/url.h"
#include "tests/support/url_resolution_cases.h"

namespace cn {
namespace {

using std::chrono::sys_days;
using namespace std::chrono_literals;

const std::chrono::sys_seconds kFetchTime = sys_days{2026y / 3 / 1} + 0s;

ArticleMetadata Meta(const std::string& head, const std::string& body = "",
                     const std::string& html_attrs = "") {
  std::string html = "<!doctype html><html" + html_attrs + "><head>" + head + "</head><body>" + body +
                     "</body></html>";
  HtmlDocument doc = HtmlDocument::Parse(html);
  return ExtractMetadata(doc.root(), "https://news.example/markets/story-1?ref=rss", kFetchTime);
}

std::string LdJson(const std::string& json) {
  return "<script type=\"application/ld+json\">" + json + "</script>";
}

TEST(ArticleMetadataTest, JsonLdAuthorsInEveryShape) {
  struct Case {
    const char* json;
    std::vector<std::string> authors;
  } cases[] = {
      {R"({"@type":"NewsArticle","author":"Ana Ruiz"})", {"Ana Ruiz"}},
      {R"({"@type":"NewsArticle","author":{"@type":"Person","name":"Ana Ruiz"}})", {"Ana Ruiz"}},
      {R"({"@type":"Article","author":[{"name":"Ana Ruiz"},"Ben Cole",{"name":"Ana Ruiz"}]})",
       {"Ana Ruiz", "Ben Cole"}},
      {R"({"@graph":[{"@type":"Person","@id":"#p1","name":"Chen Wu"},
                     {"@type":"BlogPosting","author":{"@id":"#p1"}}]})",
       {"Chen Wu"}},
      {R"([{"@type":"WebPage"},{"@type":["NewsArticle"],"author":[{"name":"Dee Park"}]}])", {"Dee Park"}},
      // Not an article: ignored, and so is broken JSON.
      {R"({"@type":"Organization","author":"Nobody"})", {}},
      {R"({"@type":"NewsArticle","author": )", {}},
  };
  for (const Case& c : cases) EXPECT_EQ(Meta(LdJson(c.json)).authors, c.authors) << c.json;
}

TEST(ArticleMetadataTest, JsonLdComesFirstThenOpenGraphThenPage) {
  std::string og = R"(<meta property="og:title" content="OG headline">
    <meta property="og:site_name" content="Coin Wire">
    <meta property="article:published_time" content="2026-02-05T10:00:00Z">
    <meta property="article:modified_time" content="2026-02-05T11:00:00Z">
    <meta name="author" content="Meta Author"><title>Tag title | Coin Wire</title>)";
  ArticleMetadata with_ld = Meta(og + LdJson(R"({"@type":"NewsArticle","headline":"LD headline",
      "datePublished":"2026-02-05T09:00:00+01:00","dateModified":"2026-02-05T12:00:00Z",
      "author":"LD Author","publisher":{"name":"Coin Wire Media"}})"));
  EXPECT_EQ(with_ld.title, "LD headline");
  EXPECT_EQ(with_ld.published_at, "2026-02-05T08:00:00Z");
  EXPECT_EQ(with_ld.modified_at, "2026-02-05T12:00:00Z");
  EXPECT_EQ(with_ld.authors, std::vector<std::string>{"LD Author"});
  EXPECT_EQ(with_ld.site_name, "Coin Wire");  // og:site_name names the site, not the publisher

  ArticleMetadata og_only = Meta(og);
  EXPECT_EQ(og_only.title, "OG headline");
  EXPECT_EQ(og_only.published_at, "2026-02-05T10:00:00Z");
  EXPECT_EQ(og_only.modified_at, "2026-02-05T11:00:00Z");
  EXPECT_EQ(og_only.authors, std::vector<std::string>{"Meta Author"});

  ArticleMetadata page_only =
      Meta("<title>Tag title | Coin Wire</title><meta property=\"og:site_name\" content=\"Coin Wire\">",
           "<h1>Heading</h1><time datetime=\"2026-02-04T08:30:00-08:00\">Feb 4</time>");
  EXPECT_EQ(page_only.title, "Tag title");
  EXPECT_EQ(page_only.published_at, "2026-02-04T16:30:00Z");
  EXPECT_TRUE(page_only.authors.empty());
}

TEST(ArticleMetadataTest, TimesAfterTheFetchAreRejected) {
  ArticleMetadata m = Meta(LdJson(R"({"@type":"NewsArticle","datePublished":"2026-03-02T00:00:00Z",
      "dateModified":"2030-01-01T00:00:00Z"})") +
                           "<meta property=\"article:published_time\" content=\"2026-02-27T00:00:00Z\">");
  EXPECT_EQ(m.published_at, "2026-02-27T00:00:00Z");  // the JSON-LD one is a day in the future
  EXPECT_EQ(m.modified_at, "");
  ASSERT_EQ(m.warnings.size(), 2u);
  EXPECT_NE(m.warnings[0].find("later than the fetch time"), std::string::npos);

  ArticleMetadata unreadable =
      Meta("<meta property=\"article:published_time\" content=\"last Tuesday\">");
  EXPECT_EQ(unreadable.published_at, "");
  ASSERT_EQ(unreadable.warnings.size(), 1u);
  EXPECT_NE(unreadable.warnings[0].find("last Tuesday"), std::string::npos);
}

TEST(ArticleMetadataTest, ReadsTheDateFormsFeedsRead) {
  for (const char* date : {"Monday, 23-Feb-26 07:40:00 GMT", "Mon, 23 Feb 2026 07:40:00 +0000",
                           "2026-02-23T08:40:00+01:00"}) {
    ArticleMetadata m = Meta(std::string("<meta property=\"article:published_time\" content=\"") + date + "\">");
    EXPECT_EQ(m.published_at, "2026-02-23T07:40:00Z") << date;
  }
}

TEST(ArticleMetadataTest, CanonicalUrlLanguageAndSiteName) {
  struct Case {
    std::string head;
    std::string html_attrs;
    const char* canonical;
    const char* language;
  } cases[] = {
      {"<link rel=\"canonical\" href=\"/markets/story-1\">", " lang=\"en-GB\"",
       "https://news.example/markets/story-1", "en-GB"},
      {"<link rel=\"canonical\" href=\"https://www.news.example/a\"><meta property=\"og:url\" "
       "content=\"https://other.example/b\">",
       "", "https://www.news.example/a", ""},
      {"<meta property=\"og:url\" content=\"https://news.example/og\"><meta property=\"og:locale\" "
       "content=\"pt_BR\">",
       "", "https://news.example/og", "pt-BR"},
      {"", "", "https://news.example/markets/story-1?ref=rss", ""},
  };
  for (const Case& c : cases) {
    ArticleMetadata m = Meta(c.head, "", c.html_attrs);
    EXPECT_EQ(m.canonical_url, c.canonical) << c.head;
    EXPECT_EQ(m.language, c.language) << c.head;
  }
  EXPECT_EQ(Meta(LdJson(R"({"@graph":[{"@type":"WebSite","name":"Block Times"}]})")).site_name,
            "Block Times");
}

TEST(ArticleMetadataTest, CanonicalLinksResolveAsFeedLinksDo) {
  // One resolver for feed links and canonical links (web/url.h): a page and
  // the feed that listed it give the article one identity. A link that
  // resolves to nothing usable leaves the page URL as the identity.
  for (const auto& c : testing::kUrlResolutionCases) {
    const std::string html = std::string("<html><head><link rel=\"canonical\" href=\"") + c.href +
                             "\"></head><body></body></html>";
    HtmlDocument doc = HtmlDocument::Parse(html);
    ArticleMetadata m = ExtractMetadata(doc.root(), c.base, kFetchTime);
    const std::string expected = c.resolved[0] == '\0' ? c.base : c.resolved;
    EXPECT_EQ(m.canonical_url, expected) << c.base << " + " << c.href;
    EXPECT_EQ(m.canonical_url, ResolveUrl(c.base, c.href).value_or(c.base)) << c.href;
  }
}

TEST(ArticleMetadataTest, PageKnownOnlyByAFilePathKeepsARelativeCanonicalLinkAsWritten) {
  HtmlDocument doc = HtmlDocument::Parse("<html><head><link rel=\"canonical\" href=\"/markets/a\"></head></html>");
  EXPECT_EQ(ExtractMetadata(doc.root(), "saved/page.html", kFetchTime).canonical_url, "/markets/a");
  HtmlDocument absolute =
      HtmlDocument::Parse("<html><head><link rel=\"canonical\" href=\"https://News.example/a#top\"></head></html>");
  EXPECT_EQ(ExtractMetadata(absolute.root(), "saved/page.html", kFetchTime).canonical_url, "https://news.example/a");
}

TEST(ArticleMetadataTest, EmptyPageHasNoMetadata) {
  ArticleMetadata m = ExtractMetadata(nullptr, "https://news.example/x", kFetchTime);
  EXPECT_EQ(m.title, "");
  EXPECT_EQ(m.canonical_url, "https://news.example/x");
  EXPECT_TRUE(m.authors.empty());
}

}  // namespace
}  // namespace cn
