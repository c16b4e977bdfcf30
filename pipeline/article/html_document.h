// HtmlDocument: a libxml2 HTML tree parsed from UTF-8 text, with small
// read-only helpers for walking it.
//
// Parsing never fails on bad markup (HTML_PARSE_RECOVER): truncated and
// malformed pages give the tree libxml2 recovers; only empty input gives a
// document without a root. The network is never touched (HTML_PARSE_NONET).
// Nesting is not limited (libxml2's default stops at 256 levels and drops the
// rest of the page); the number of elements is (kMaxHtmlElements), and the
// input size, by the fetcher.
// A document owns its tree (freed by the destructor); node pointers and the
// string_views returned here live as long as the document. Parsing distinct
// documents on different threads is safe; one document is not synchronised.
// Includes no <expected> (reachable from the fuzz targets).
#pragma once

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

namespace cn {

struct XmlDocFreer {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFreer>;

// Elements a document may have (250-450 bytes of tree each): a page of
// dense markup within the fetcher's 10 MiB cap would otherwise build a tree
// of several hundred MB. A big real news page has a few tens of thousands.
inline constexpr size_t kMaxHtmlElements = 100000;

class HtmlDocument {
 public:
  // `utf8` must be UTF-8; any meta charset inside is ignored. `url` is only
  // recorded as the document's base URL. Parsing stops at the element past
  // `max_elements`: the tree then holds the page up to there.
  static HtmlDocument Parse(std::string_view utf8, const std::string& url = "",
                            size_t max_elements = kMaxHtmlElements);

  xmlDoc* doc() const { return doc_.get(); }
  xmlNode* root() const;  // the <html> element, or nullptr for an empty page
  // True when parsing stopped at max_elements.
  bool elements_cut() const { return elements_cut_; }

 private:
  XmlDocPtr doc_;
  bool elements_cut_ = false;
};

// Lower-case tag name of an element ("" for non-elements). libxml2's HTML
// parser already lower-cases names.
std::string_view TagName(const xmlNode* node);

// The attribute's value, or "" when absent.
std::string_view Attribute(const xmlNode* node, const char* name);

// Appends the concatenated text of `node` and its descendants, skipping
// <script>, <style> and <template>.
void AppendTextContent(const xmlNode* node, std::string* out);

// Collapses runs of white space (ASCII and U+00A0) into one space and trims.
std::string CollapseWhitespace(std::string_view text);

}  // namespace cn
