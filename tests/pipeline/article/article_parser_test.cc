// ParseArticle on the pages in fixtures/articles/: main text kept, page
// furniture dropped, charsets converted.
#include <gtest/gtest.h>
#include <pthread.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/article/article_parser.h"
#include "pipeline/article/html_document.h"
#include "pipeline/article/html_main_text.h"
#include "pipeline/web/gzip_decode.h"
#include "tests/support/fixture_file.h"

namespace cn {
namespace {

using namespace std::chrono_literals;
const std::chrono::sys_seconds kFetchTime = std::chrono::sys_days{2026y / 3 / 1} + 0s;

std::string Fixture(const std::string& name) {
  EXPECT_TRUE(std::filesystem::is_regular_file(testing::FixturePath("fixtures/articles/" + name))) << name;
  std::string bytes = testing::ReadFixture("fixtures/articles/" + name);
  if (!LooksGzipped(bytes)) return bytes;
  std::string page, error;
  EXPECT_TRUE(GunzipCapped(bytes, 64u << 20, &page, &error)) << name << ": " << error;
  return page;
}

Article Parse(const std::string& name, const std::string& content_type = "") {
  return ParseArticle(Fixture(name), content_type, "https://ledgerledger.example/markets/btc", kFetchTime);
}

void ExpectContains(const std::string& text, const std::vector<std::string>& parts) {
  for (const std::string& p : parts) EXPECT_NE(text.find(p), std::string::npos) << "missing: " << p;
}
void ExpectLacks(const std::string& text, const std::vector<std::string>& parts) {
  for (const std::string& p : parts) EXPECT_EQ(text.find(p), std::string::npos) << "unwanted: " << p;
}

TEST(ArticleTextTest, NewsPageKeepsTheArticleInReadingOrder) {
  Article a = Parse("full_news.html");
  ExpectContains(a.text, {"Bitcoin fell below $88,000 on Thursday evening",
                          "more than $1.2 billion in long positions were liquidated",
                          "Funding rates flip negative",  // a subheading
                          "Ether dropped 6.4% to trade near $2,700.",  // list items
                          "Open interest just dropped by four billion dollars",  // embedded post
                          "the $85,000 level as the next area of support."});
  EXPECT_TRUE(a.text.starts_with("Bitcoin fell below $88,000")) << a.text;
  EXPECT_LT(a.text.find("Thursday evening"), a.text.find("Funding rates flip negative"));
  EXPECT_LT(a.text.find("Funding rates flip negative"), a.text.find("next area of support"));
  EXPECT_NE(a.text.find("forced selling in perpetual futures markets.\n\nData from"), std::string::npos);
}

TEST(ArticleTextTest, NewsPageDropsBoilerplate) {
  Article a = Parse("full_news.html");
  ExpectLacks(a.text, {
                          "We use cookies",                   // cookie box
                          "Learn crypto basics",              // navigation
                          "Share on X",                       // share bar
                          "Advertisement",                    // ad slot
                          "Related stories",                  // related posts
                          "Stablecoin supply climbs",         //
                          "obviously coming",                 // comments
                          "Sign up for our free newsletter",  // newsletter box
                          "Trade with zero fees",             // sidebar promo
                          "All rights reserved",              // footer
                          "tracking script",                  // script
                          "Slides Below $88,000 as Leveraged",  // the title (h1) is not body
                          "Related Reading",                  // feed leftovers
                          "appeared first on",
                          "BTC $87,912",  // ticker
                      });
}

TEST(ArticleTextTest, NewsPageMetadata) {
  Article a = Parse("full_news.html");
  EXPECT_EQ(a.title, "Bitcoin Slides Below $88,000 as Leveraged Longs Unwind");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jo Okafor", "Priya Raman"}));
  EXPECT_EQ(a.published_at, "2026-02-05T22:08:00Z");
  EXPECT_EQ(a.modified_at, "2026-02-05T23:30:00Z");
  EXPECT_EQ(a.language, "en-US");
  EXPECT_EQ(a.site_name, "Ledger Ledger News");
  EXPECT_EQ(a.canonical_url, "https://ledgerledger.example/markets/2026/02/05/bitcoin-slides-below-88000");
  EXPECT_EQ(a.url, "https://ledgerledger.example/markets/btc");
  EXPECT_TRUE(a.warnings.empty());
}

TEST(ArticleTextTest, FutureDatesAreRejected) {
  Article a = Parse("future_date.html");
  EXPECT_EQ(a.published_at, "2026-01-12T08:15:00Z");  // JSON-LD says 2099; meta tag is used
  EXPECT_EQ(a.modified_at, "");
  EXPECT_EQ(a.language, "en-GB");
  EXPECT_EQ(a.warnings.size(), 2u);
  ExpectContains(a.text, {"passed $2 billion in assets", "use them as collateral"});
}

TEST(ArticleTextTest, Windows1252PageWithoutDeclaration) {
  Article a = Parse("windows1252_no_meta.html");
  EXPECT_EQ(a.charset, "windows-1252");
  EXPECT_EQ(a.title, "Caf\xC3\xA9 chain accepts stablecoins");
  ExpectContains(a.text, {"A caf\xC3\xA9 chain with 120 outlets", "fees of 0.5\xE2\x82\xAC per transaction",
                          "\xE2\x80\x9CWe wanted the checkout", "chain\xE2\x80\x99s finance director"});
  ExpectLacks(a.text, {"Accueil", "Mentions"});
}

TEST(ArticleTextTest, WrongHeaderCharsetIsCorrected) {
  // UTF-8 page served as Latin-1.
  Article utf8 = Parse("utf8_wrong_header.html", "text/html; charset=ISO-8859-1");
  EXPECT_EQ(utf8.charset, "UTF-8");
  EXPECT_EQ(utf8.title, "Kryptosteuer: Was Anleger jetzt wissen m\xC3\xBCssen");
  ExpectContains(utf8.text, {"best\xC3\xA4tigte das Ministerium", "256 \xE2\x82\xAC im Jahr"});
  EXPECT_FALSE(utf8.warnings.empty());
  // Windows-1252 page served as UTF-8.
  Article legacy = Parse("windows1252_no_meta.html", "text/html; charset=utf-8");
  EXPECT_EQ(legacy.charset, "windows-1252");
  ExpectContains(legacy.text, {"fees of 0.5\xE2\x82\xAC per transaction"});
}

TEST(ArticleTextTest, Utf8PageWithOneStrayByteKeepsItsTitleAndText) {
  std::string html =
      "<html><head><meta charset=\"utf-8\"><title>Test \xE2\x80\x94 \xE2\x80\x9Cquotes\xE2\x80\x9D</title></head>"
      "<body><article><p>The fund raised \xE2\x82\xAC""40 million from investors across Europe this week, "
      "its managers said on Tuesday in a statement \x85 sent to clients.</p></article></body></html>";
  Article a = ParseArticle(html, "text/html; charset=utf-8", "https://news.example/a", kFetchTime);
  EXPECT_EQ(a.title, "Test \xE2\x80\x94 \xE2\x80\x9Cquotes\xE2\x80\x9D");
  EXPECT_EQ(a.charset, "UTF-8");
  EXPECT_NE(a.text.find("\xE2\x82\xAC""40 million"), std::string::npos) << a.text;
  EXPECT_NE(a.text.find("statement \xEF\xBF\xBD sent"), std::string::npos) << a.text;
}

// issue 15 item 9: at 255 nested elements libxml2 stopped building the tree
// and the main text was "not found".
std::string DeepPage(int depth) {
  std::string html = "<html><head><title>Deep</title></head><body>";
  for (int i = 0; i < depth; ++i) html += "<div>";
  html += "<p>Bitcoin rose 4% to $91,000 on Tuesday, while ether gained 3% as funding rates cooled, "
          "traders said, and volumes stayed near their monthly average across the large exchanges.</p>";
  for (int i = 0; i < depth; ++i) html += "</div>";
  return html + "</body></html>";
}

TEST(ArticleTextTest, DeeplyNestedPageKeepsItsText) {
  for (int depth : {300, 2000}) {
    Article a = ParseArticle(DeepPage(depth), "text/html; charset=utf-8", "https://news.example/deep", kFetchTime);
    EXPECT_NE(a.text.find("Bitcoin rose 4% to $91,000"), std::string::npos) << depth << ": " << a.text;
    EXPECT_EQ(a.title, "Deep") << depth;
  }
}

// The walks over the tree do not recurse: a 50,000-deep page parses on a
// thread with a 256 KiB stack (a recursive walk needs ~100 bytes per level).
TEST(ArticleTextTest, DeepNestingNeedsNoStack) {
  struct Job {
    std::string html;
    Article article;
  } job{DeepPage(50000), {}};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 256 * 1024);
  pthread_t thread;
  auto run = [](void* p) -> void* {
    auto* j = static_cast<Job*>(p);
    j->article = ParseArticle(j->html, "text/html; charset=utf-8", "https://news.example/deep", kFetchTime);
    return nullptr;
  };
  ASSERT_EQ(pthread_create(&thread, &attr, run, &job), 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
  EXPECT_NE(job.article.text.find("Bitcoin rose 4%"), std::string::npos);
}

// A page of dense markup builds a bounded tree: past kMaxHtmlElements the
// rest is ignored, with a warning; the text before it is kept.
TEST(ArticleTextTest, ElementsPastTheBudgetAreIgnored) {
  std::string html = "<html><head><title>Dense</title></head><body><article>";
  html += "<p>Bitcoin rose 4% to $91,000 on Tuesday, while ether gained 3% as funding rates cooled, "
          "traders said, and volumes stayed near their monthly average across the large exchanges.</p>";
  for (size_t i = 0; i < kMaxHtmlElements; ++i) html += "<b>x</b>";
  html += "<p>This paragraph comes after the budget and is not read.</p></article></body></html>";
  Article a = ParseArticle(html, "text/html; charset=utf-8", "https://news.example/dense", kFetchTime);
  EXPECT_NE(a.text.find("Bitcoin rose 4%"), std::string::npos);
  EXPECT_EQ(a.text.find("after the budget"), std::string::npos);
  bool warned = false;
  for (const std::string& w : a.warnings) warned |= w.find("elements; the rest is ignored") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST(ArticleTextTest, MainTextStopsSoonAfterItsCap) {
  std::string html = "<html><body><article>";
  for (int i = 0; i < 2000; ++i)
    html += "<p>Paragraph " + std::to_string(i) + " says bitcoin traded near $91,000 while ether held $3,000.</p>";
  html += "</article></body></html>";
  Article all = ParseArticle(html, "text/html", "https://news.example/long", kFetchTime);
  Article capped = ParseArticle(html, "text/html", "https://news.example/long", kFetchTime, 10000);
  EXPECT_GT(all.text.size(), 100000u);
  EXPECT_GT(capped.text.size(), 10000u);
  EXPECT_LT(capped.text.size(), 10200u);  // one paragraph past the cap at most
  EXPECT_TRUE(all.text.starts_with(capped.text));
}

TEST(ArticleTextTest, TextSetWithLineBreaksInTables) {
  Article a = Parse("br_text.html");
  ExpectContains(a.text, {"paused withdrawals for six hours on Monday", "no customer funds were affected",
                          "Withdrawals resumed at 06:10 UTC"});
  EXPECT_NE(a.text.find("statement to users.\n\nDeposits continued"), std::string::npos) << a.text;
  ExpectLacks(a.text, {"Archive", "Forum", "Copyright 2026"});
}

TEST(ArticleTextTest, TruncatedPageKeepsWhatArrived) {
  Article a = Parse("truncated.html");
  EXPECT_EQ(a.title, "Bitcoin Slides Below $88,000 as Leveraged Longs Unwind");
  ExpectContains(a.text, {"Bitcoin fell below $88,000", "Funding rates on the largest"});
  ExpectLacks(a.text, {"We use cookies", "Share on X"});
}

TEST(ArticleTextTest, EmptyAndJunkPagesYieldNothing) {
  struct Case {
    const char* name;
    std::string html;
  } cases[] = {
      {"empty file", Fixture("empty.html")},
      {"white space", "  \n\t "},
      {"markup only", "<html><head><title></title></head><body><div></div></body></html>"},
      {"navigation only", "<body><nav><a href=/a>Markets</a><a href=/b>Policy</a></nav></body>"},
      {"binary", std::string("\x00\x01\xFF\xFE\x80garbage\x00", 13)},
  };
  for (const Case& c : cases) {
    Article a = ParseArticle(c.html, "", "https://x.example/", kFetchTime);
    EXPECT_EQ(a.text, "") << c.name;
    EXPECT_FALSE(a.warnings.empty()) << c.name;
  }
}

TEST(ArticleTextTest, FeedLeftoversAreRemovedLineByLine) {
  std::string html =
      "<body><div class=\"entry-content\"><p>Spot ether funds took in $120 million on Tuesday, the "
      "third day of inflows in a row, according to issuer data.<br>The post Ether Funds Gain appeared "
      "first on Coin Wire.</p><p>Related Reading: Why Ether Fees Fell</p><p>Also Read: <a href=\"/x\">"
      "Solana Validators Vote On Fee Change</a></p><p>Analysts said the inflows "
      "tracked a rebound in on-chain activity, with fees rising for the first time in a month.</p>"
      "</div></body>";
  HtmlDocument doc = HtmlDocument::Parse(html);
  std::string text = ExtractMainText(doc.root());
  EXPECT_EQ(text,
            "Spot ether funds took in $120 million on Tuesday, the third day of inflows in a row, "
            "according to issuer data.\n\nAnalysts said the inflows tracked a rebound in on-chain "
            "activity, with fees rising for the first time in a month.");
}

TEST(ArticleTextTest, MisleadingWrapperNamesDoNotHideTheArticle) {
  std::string paragraphs;
  for (int i = 0; i < 6; ++i)
    paragraphs += "<p>Paragraph " + std::to_string(i) +
                  " of the report: miners sold more coins than they produced for a third week, "
                  "exchange balances rose, and analysts said the selling pressure, while real, was "
                  "smaller than in previous cycles, when treasuries were emptied within days.</p>";
  std::string html = "<body><div class=\"layout has-sticky-header menu-open\"><div>" + paragraphs +
                     "</div></div><div class=\"comments\">" + paragraphs + "</div></body>";
  HtmlDocument doc = HtmlDocument::Parse(html);
  std::string text = ExtractMainText(doc.root());
  EXPECT_NE(text.find("Paragraph 0 of the report"), std::string::npos) << text;
  EXPECT_NE(text.find("Paragraph 5 of the report"), std::string::npos) << text;
  // The comment thread, though just as long, is still dropped.
  EXPECT_EQ(text.find("Paragraph 0", text.find("Paragraph 5")), std::string::npos) << text;
}

TEST(ArticleTextTest, CaptionsCreditsAndDatelinesAreDropped) {
  std::string html =
      "<body><div class=\"story\"><span class=\"timestamp\">Feb. 5, 2026 10:52 PM UTC</span>"
      "<p>Lending protocols on the network saw the largest day of liquidations this year as "
      "collateral prices fell through several thresholds at once, data showed.</p>"
      "<div class=\"photo\"><img src=\"chart.png\"><span>Chart of daily liquidations</span></div>"
      "<span class=\"photo-credit\">Illustration: Data Desk</span>"
      "<p>Protocol teams said their liquidation engines worked as designed and that no bad debt had "
      "been recorded, although some users complained about fees.</p></div></body>";
  HtmlDocument doc = HtmlDocument::Parse(html);
  std::string text = ExtractMainText(doc.root());
  EXPECT_NE(text.find("largest day of liquidations"), std::string::npos) << text;
  EXPECT_NE(text.find("no bad debt"), std::string::npos) << text;
  for (const char* gone : {"10:52 PM", "Chart of daily", "Illustration"})
    EXPECT_EQ(text.find(gone), std::string::npos) << gone << "\n" << text;

  // A long block is not a caption, whatever its class says.
  std::string wrapper = "<body><div class=\"post-date-wrap\">";
  for (int i = 0; i < 4; ++i)
    wrapper += "<p>Validators approved the upgrade with a large majority, and the new fee market "
               "goes live next month after a final round of audits on the test network.</p>";
  wrapper += "</div></body>";
  HtmlDocument wrapped = HtmlDocument::Parse(wrapper);
  EXPECT_NE(ExtractMainText(wrapped.root()).find("Validators approved"), std::string::npos);
}

}  // namespace
}  // namespace cn
