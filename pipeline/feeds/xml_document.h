// Shared libxml2 plumbing for the feed and sitemap parsers: a safe parse
// (no network, no entity expansion, no DTD loading, recovery from broken
// markup), plus small helpers to read element names, text and attributes.
//
// Safety: documents are parsed with XML_PARSE_RECOVER | XML_PARSE_NONET and
// without XML_PARSE_NOENT / XML_PARSE_DTDLOAD / XML_PARSE_HUGE, so external
// entities are never fetched and entity references are never expanded into
// the tree (NodeText skips them). Inputs above kMaxXmlBytes are refused.
//
// Thread safety: ParseXml may be called from several threads at once (each
// call owns its parser context). Returned documents are owned by the caller.
// Reachable from the feed fuzz target: no <expected> here.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

namespace cn {

inline constexpr size_t kMaxXmlBytes = 64u << 20;

struct XmlDocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocDeleter>;

struct ParsedXml {
  XmlDocPtr doc;      // null when nothing could be recovered
  std::string error;  // "" when the document was well-formed, else the first problem with its line
};

// Parses `bytes` as XML; `name` (the feed's URL) is used as the document URL.
ParsedXml ParseXml(std::string_view bytes, const std::string& name);

// The element's name without its namespace prefix ("item" for <rss:item>).
std::string_view LocalName(const xmlNode* node);

// True when `node` is an element whose local name equals `name`.
bool IsElement(const xmlNode* node, std::string_view name);

// The first child element with that local name, or nullptr.
const xmlNode* FirstChild(const xmlNode* parent, std::string_view name);

// Text and CDATA of the node and its descendants, whitespace runs collapsed to
// one space and trimmed. Entity references are not expanded.
std::string NodeText(const xmlNode* node);

// An attribute's value by local name ("" when absent).
std::string Attribute(const xmlNode* node, const char* name);

// Markup-bearing text (an RSS description) as plain text: tags removed,
// common character references decoded, whitespace collapsed, cut at
// `max_bytes` on a UTF-8 character boundary.
std::string HtmlToPlainText(std::string_view html, size_t max_bytes);

}  // namespace cn
