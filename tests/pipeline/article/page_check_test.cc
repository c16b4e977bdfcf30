// What may be parsed as an article page, and what is an error page.
#include "pipeline/article/page_check.h"

#include <gtest/gtest.h>

namespace cn {
namespace {

TEST(PageCheckTest, NonHtmlBodiesAreNamed) {
  const std::string html = "<!doctype html><html><body><p>Bitcoin rose.</p></body></html>";
  struct Case {
    std::string body;
    const char* content_type;
    const char* reason;  // "" = may be parsed
  } cases[] = {
      {html, "text/html; charset=utf-8", ""},
      {html, "", ""},                          // unlabelled: the bytes decide
      {html, "application/octet-stream", ""},  // mislabelled HTML
      {html, "text/plain", ""},
      {html, "application/xhtml+xml", ""},
      {"<p>short</p>", "TEXT/HTML", ""},
      {html, "image/png", "Content-Type image/png"},
      {html, "application/json", "Content-Type application/json"},
      {"{\"a\": 1}", "application/json; charset=utf-8", "Content-Type application/json"},
      {std::string("\x89PNG\r\n\x1a\n", 8) + "IHDR", "text/html", "the body is a PNG image"},
      {"GIF89a....", "", "the body is a GIF image"},
      {"\xFF\xD8\xFF\xE0....JFIF", "text/html", "the body is a JPEG image"},
      {"%PDF-1.7\n...", "text/html", "the body is a PDF document"},
      {"RIFF\x10\x00\x00\x00WEBPVP8 ", "", "the body is binary"},  // NUL bytes first
      {std::string("<html>\0\0\0", 9), "text/html", "the body is binary"},
      {"\x01\x02\x03\x04<p>" + std::string(200, 'x'), "text/html", "the body is binary"},
      {"just words, no markup at all", "text/html", "no HTML markup in the first 8192 bytes"},
      {"a < b and c > d", "", "no HTML markup in the first 8192 bytes"},
  };
  for (const Case& c : cases) EXPECT_EQ(NonHtmlReason(c.body, c.content_type), c.reason) << c.body.substr(0, 12);
}

TEST(PageCheckTest, ErrorPagesAreShortAndSaySo) {
  const std::string short_text = "Sorry, the page you are looking for does not exist.";
  const std::string article(2000, 'x');
  EXPECT_TRUE(LooksLikeErrorPage("Page not found", short_text));
  EXPECT_TRUE(LooksLikeErrorPage("404 Not Found", ""));
  EXPECT_TRUE(LooksLikeErrorPage("Page Not Found | Crypto Daily", short_text));
  EXPECT_TRUE(LooksLikeErrorPage("Crypto Daily \xE2\x80\x94 Error 404", short_text));
  EXPECT_TRUE(LooksLikeErrorPage("Oops! That page can\xE2\x80\x99t be found. - Site", short_text));
  EXPECT_TRUE(LooksLikeErrorPage("Crypto Daily", "Page not found\n\nTry the search box."));
  // A real article, however it is titled, is long; a headline is long too.
  EXPECT_FALSE(LooksLikeErrorPage("Page not found", article));
  EXPECT_FALSE(LooksLikeErrorPage("Regulators say the missing exchange funds were not found in any of the audited wallets",
                                  short_text));
  EXPECT_FALSE(LooksLikeErrorPage("Bitcoin rises 4% as ETF inflows return", short_text));
}

}  // namespace
}  // namespace cn
