#include <gtest/gtest.h>

#include <string>

#include "pipeline/article/charset.h"

namespace cn {
namespace {

TEST(CharsetTest, CharsetFromContentType) {
  struct Case {
    const char* header;
    const char* expected;
  } cases[] = {
      {"text/html; charset=ISO-8859-1", "ISO-8859-1"},
      {"text/html;charset=\"utf-8\"", "utf-8"},
      {"text/html; Charset = windows-1251 ; foo=bar", "windows-1251"},
      {"utf-8", "utf-8"},  // a bare charset name
      {"text/html", ""},
      {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(CharsetFromContentType(c.header), c.expected) << c.header;
}

TEST(CharsetTest, CharsetFromMarkup) {
  struct Case {
    const char* html;
    const char* expected;
  } cases[] = {
      {"<html><head><meta charset=\"windows-1252\"><title>x</title>", "windows-1252"},
      {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">", "koi8-r"},
      {"<META CHARSET='Shift_JIS'>", "Shift_JIS"},
      {"<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><html>", "ISO-8859-2"},
      {"<p>the word charset=utf-16 in text is not a declaration</p>", ""},
      {"<html><body>no declaration</body></html>", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(CharsetFromMarkup(c.html), c.expected) << c.html;
  // Only the head of the document is searched.
  std::string late = std::string(5000, ' ') + "<meta charset=\"koi8-r\">";
  EXPECT_EQ(CharsetFromMarkup(late), "");
}

TEST(CharsetTest, IsValidUtf8) {
  EXPECT_TRUE(IsValidUtf8("plain ascii text that is longer than eight bytes"));
  EXPECT_TRUE(IsValidUtf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x9A\x80"));
  EXPECT_FALSE(IsValidUtf8("caf\xE9"));            // Latin-1 é
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));           // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));       // surrogate
  EXPECT_FALSE(IsValidUtf8("truncated \xE2\x82"));  // cut sequence
}

TEST(CharsetTest, DecodesInPriorityOrder) {
  struct Case {
    const char* name;
    std::string bytes;
    const char* header;
    const char* text;
    const char* charset;
    const char* source;
  } cases[] = {
      {"utf-8 BOM wins over header", "\xEF\xBB\xBF<p>caf\xC3\xA9</p>", "iso-8859-1", "<p>caf\xC3\xA9</p>",
       "UTF-8", "bom"},
      {"header charset", "<p>caf\xE9</p>", "text/html; charset=iso-8859-1", "<p>caf\xC3\xA9</p>",
       "windows-1252", "header"},
      {"meta charset", "<meta charset=\"windows-1252\"><p>\x93quoted\x94</p>", "",
       "<meta charset=\"windows-1252\"><p>\xE2\x80\x9Cquoted\xE2\x80\x9D</p>", "windows-1252", "meta"},
      {"header beats meta", "<meta charset=\"utf-8\"><p>\xE9t\xE9</p>", "windows-1252",
       "<meta charset=\"utf-8\"><p>\xC3\xA9t\xC3\xA9</p>", "windows-1252", "header"},
      {"plain ascii defaults to utf-8", "<p>hello</p>", "", "<p>hello</p>", "UTF-8", "default"},
      {"undeclared utf-8 is recognised", "<p>\xE2\x82\xAC 5</p>", "", "<p>\xE2\x82\xAC 5</p>", "UTF-8",
       "detected"},
      {"utf-16le BOM", std::string("\xFF\xFE<\0p\0>\0", 8), "", "<p>", "UTF-16LE", "bom"},
  };
  for (const Case& c : cases) {
    Utf8Page page = DecodeToUtf8(c.bytes, c.header);
    EXPECT_EQ(page.text, c.text) << c.name;
    EXPECT_EQ(page.charset, c.charset) << c.name;
    EXPECT_EQ(page.source, c.source) << c.name;
  }
}

TEST(CharsetTest, WrongOrUnknownDeclarationsAreOverriddenWithAWarning) {
  // Header claims UTF-8, bytes are windows-1252 (invalid UTF-8): detection.
  Utf8Page wrong_utf8 = DecodeToUtf8(
      "<p>The caf\xE9 chain charges 0.5\x80 per payment, said the finance director of the caf\xE9 "
      "chain, and the r\xE9sum\xE9 of fees is public.</p>",
      "text/html; charset=utf-8");
  EXPECT_NE(wrong_utf8.text.find("caf\xC3\xA9"), std::string::npos) << wrong_utf8.text;
  EXPECT_NE(wrong_utf8.text.find("0.5\xE2\x82\xAC"), std::string::npos) << wrong_utf8.text;
  EXPECT_TRUE(IsValidUtf8(wrong_utf8.text));
  ASSERT_FALSE(wrong_utf8.warnings.empty());

  // Header claims Latin-1, bytes are UTF-8: the UTF-8 is kept as is.
  Utf8Page mislabelled = DecodeToUtf8("<p>M\xC3\xBCnze f\xC3\xBCr 5 \xE2\x82\xAC</p>", "iso-8859-1");
  EXPECT_EQ(mislabelled.text, "<p>M\xC3\xBCnze f\xC3\xBCr 5 \xE2\x82\xAC</p>");
  EXPECT_EQ(mislabelled.charset, "UTF-8");
  ASSERT_FALSE(mislabelled.warnings.empty());

  // A charset nobody knows is skipped.
  Utf8Page unknown = DecodeToUtf8("<meta charset=\"x-no-such-charset\"><p>ok</p>", "");
  EXPECT_EQ(unknown.charset, "UTF-8");
  ASSERT_FALSE(unknown.warnings.empty());
  EXPECT_NE(unknown.warnings[0].find("x-no-such-charset"), std::string::npos);
}

// issue 15 item 7: one stray byte in a UTF-8 page turned it into windows-1252
// ("Test â€” â€œquotesâ€" and a lost euro figure). A page declared or detected
// as UTF-8 stays UTF-8; only the stray bytes become U+FFFD.
TEST(CharsetTest, Utf8PageWithAStrayByteStaysUtf8) {
  const std::string page =
      "<title>Test \xE2\x80\x94 \xE2\x80\x9Cquotes\xE2\x80\x9D</title>"
      "<p>Fees rose to \xE2\x82\xAC""5 million, a stray \xFF byte here.</p>";
  const std::string expected =
      "<title>Test \xE2\x80\x94 \xE2\x80\x9Cquotes\xE2\x80\x9D</title>"
      "<p>Fees rose to \xE2\x82\xAC""5 million, a stray \xEF\xBF\xBD byte here.</p>";
  for (const char* header : {"text/html; charset=utf-8", ""}) {
    for (const std::string& bytes : {page, "<meta charset=\"utf-8\">" + page}) {
      Utf8Page decoded = DecodeToUtf8(bytes, header);
      EXPECT_EQ(decoded.charset, "UTF-8") << header << " " << bytes.substr(0, 20);
      EXPECT_NE(decoded.text.find(expected), std::string::npos) << decoded.text;
      EXPECT_TRUE(IsValidUtf8(decoded.text));
    }
  }
  // A cut sequence and a lone continuation byte are one U+FFFD each.
  Utf8Page cut = DecodeToUtf8("<p>\xE2\x80\x94 a\xE2\x82 b\x80 c \xC3\xA9</p>", "utf-8");
  EXPECT_EQ(cut.text, "<p>\xE2\x80\x94 a\xEF\xBF\xBD b\xEF\xBF\xBD c \xC3\xA9</p>");
  ASSERT_FALSE(cut.warnings.empty());
  EXPECT_NE(cut.warnings[0].find("2 invalid"), std::string::npos) << cut.warnings[0];
}

TEST(CharsetTest, DeclaredUtf8ThatFailsBadlyIsLeftToTheDetector) {
  // Latin-1 text labelled UTF-8: every non-ASCII byte is invalid, none valid.
  Utf8Page latin1 = DecodeToUtf8("<p>Le caf\xE9 est ferm\xE9, la cr\xE8me br\xFBl\xE9""e aussi.</p>", "utf-8");
  EXPECT_NE(latin1.charset, "UTF-8");  // the detector's choice of Latin charset
  EXPECT_NE(latin1.text.find("caf\xC3\xA9"), std::string::npos) << latin1.text;
}

TEST(CharsetTest, EmptyAndBinaryInputGiveValidUtf8) {
  EXPECT_EQ(DecodeToUtf8("", "").text, "");
  std::string binary;
  for (int i = 0; i < 256; ++i) binary.push_back(static_cast<char>(i));
  EXPECT_TRUE(IsValidUtf8(DecodeToUtf8(binary, "").text));
  EXPECT_TRUE(IsValidUtf8(DecodeToUtf8(binary, "shift_jis").text));
}

}  // namespace
}  // namespace cn
