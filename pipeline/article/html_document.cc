#include "pipeline/article/html_document.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

namespace cn {

namespace {

void IgnoreXmlError(void*, const char*, ...) {}

// libxml2 prints some parse errors through a per-thread generic handler even
// with HTML_PARSE_NOERROR; silence it once per thread.
void SilenceLibxml() {
  thread_local bool silenced = false;
  if (!silenced) {
    xmlSetGenericErrorFunc(nullptr, IgnoreXmlError);
    silenced = true;
  }
}

}  // namespace

namespace {

// Counts elements as libxml2 builds them and stops the parser past the cap.
struct ElementBudget {
  startElementSAXFunc build = nullptr;  // libxml2's own tree builder
  size_t left = 0;
  bool exhausted = false;
};

void CountingStartElement(void* context, const xmlChar* name, const xmlChar** attributes) {
  auto* ctxt = static_cast<htmlParserCtxtPtr>(context);
  auto* budget = static_cast<ElementBudget*>(ctxt->_private);
  if (budget->left == 0) {
    budget->exhausted = true;
    xmlStopParser(ctxt);
    return;
  }
  --budget->left;
  budget->build(context, name, attributes);
}

struct ParserCtxtFreer {
  void operator()(htmlParserCtxtPtr ctxt) const { htmlFreeParserCtxt(ctxt); }
};

}  // namespace

HtmlDocument HtmlDocument::Parse(std::string_view utf8, const std::string& url, size_t max_elements) {
  // libxml2 wants its global tables set up once before threads parse.
  static const bool initialised = [] {
    xmlInitParser();
    return true;
  }();
  (void)initialised;
  SilenceLibxml();
  HtmlDocument d;
  if (utf8.empty()) return d;
  // XML_PARSE_HUGE lifts libxml2's nesting limit of 256 elements (its HTML
  // parser reads that flag; 2.9 has no HTML_PARSE_HUGE spelling): past it the
  // rest of a deep page was dropped. Our walks over the tree are iterative,
  // and the body is already capped by the fetcher, so depth costs only heap.
  constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                           HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE;
  std::unique_ptr<htmlParserCtxt, ParserCtxtFreer> ctxt(htmlNewParserCtxt());
  if (!ctxt || ctxt->sax == nullptr) return d;
  // The element budget bounds the tree (a few hundred bytes per element),
  // whatever the markup density of a page within the fetcher's size cap.
  ElementBudget budget{ctxt->sax->startElement, max_elements, false};
  ctxt->sax->startElement = CountingStartElement;
  ctxt->_private = &budget;
  d.doc_.reset(htmlCtxtReadMemory(ctxt.get(), utf8.data(), static_cast<int>(utf8.size()),
                                  url.empty() ? nullptr : url.c_str(), "UTF-8", kOptions));
  d.elements_cut_ = budget.exhausted;
  return d;
}

xmlNode* HtmlDocument::root() const {
  if (!doc_) return nullptr;
  return xmlDocGetRootElement(doc_.get());
}

std::string_view TagName(const xmlNode* node) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE || node->name == nullptr) return {};
  return reinterpret_cast<const char*>(node->name);
}

std::string_view Attribute(const xmlNode* node, const char* name) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE) return {};
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    if (a->name == nullptr || xmlStrcasecmp(a->name, reinterpret_cast<const xmlChar*>(name)) != 0)
      continue;
    const xmlNode* value = a->children;
    if (value != nullptr && value->type == XML_TEXT_NODE && value->content != nullptr)
      return reinterpret_cast<const char*>(value->content);
    return {};
  }
  return {};
}

void AppendTextContent(const xmlNode* node, std::string* out) {
  for (const xmlNode* n = node; n != nullptr;) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content != nullptr) out->append(reinterpret_cast<const char*>(n->content));
    } else if (n->type == XML_ELEMENT_NODE && n->children != nullptr) {
      std::string_view tag = TagName(n);
      if (tag != "script" && tag != "style" && tag != "template") {
        n = n->children;
        continue;
      }
    }
    // Next in document order without leaving `node`'s subtree.
    while (n != node && n->next == nullptr) n = n->parent;
    if (n == node) break;
    n = n->next;
  }
}

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (!space && c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
      space = true;
      ++i;
    }
    if (space) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace cn
