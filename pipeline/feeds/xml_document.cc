#include "pipeline/feeds/xml_document.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <cstdlib>
#include <mutex>

#include "pipeline/web/ascii_text.h"
#include "pipeline/web/utf8_text.h"

namespace cn {

namespace {

struct ParserCtxtDeleter {
  void operator()(xmlParserCtxt* ctxt) const { xmlFreeParserCtxt(ctxt); }
};

void InitLibxmlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

void AppendCollapsed(std::string* out, const char* text) {
  for (const char* p = text; *p != '\0'; ++p) {
    char c = *p;
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!out->empty() && out->back() != ' ') out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
}

void CollectText(const xmlNode* node, std::string* out, int depth) {
  if (depth > 64) return;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) && child->content)
      AppendCollapsed(out, reinterpret_cast<const char*>(child->content));
    else if (child->type == XML_ELEMENT_NODE)
      CollectText(child, out, depth + 1);
  }
}

void AppendUtf8(std::string* out, unsigned long cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes the character reference starting at html[i] == '&'; returns the
// number of bytes consumed, 0 when it is not one we know.
size_t DecodeReference(std::string_view html, size_t i, std::string* out) {
  size_t semi = html.find(';', i);
  if (semi == std::string_view::npos || semi - i > 10) return 0;
  std::string_view name = html.substr(i + 1, semi - i - 1);
  if (name.size() >= 2 && name[0] == '#') {
    bool hex = name[1] == 'x' || name[1] == 'X';
    std::string digits(name.substr(hex ? 2 : 1));
    if (digits.empty()) return 0;
    char* end = nullptr;
    unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
    if (end == nullptr || *end != '\0') return 0;
    AppendUtf8(out, cp);
    return semi - i + 1;
  }
  struct Named {
    std::string_view name;
    unsigned long cp;
  };
  static constexpr Named kNamed[] = {{"amp", '&'},      {"lt", '<'},      {"gt", '>'},
                                     {"quot", '"'},     {"apos", '\''},   {"nbsp", ' '},
                                     {"hellip", 0x2026}, {"mdash", 0x2014}, {"ndash", 0x2013},
                                     {"rsquo", 0x2019}, {"lsquo", 0x2018}, {"rdquo", 0x201D},
                                     {"ldquo", 0x201C}};
  for (const Named& n : kNamed) {
    if (name == n.name) {
      AppendUtf8(out, n.cp);
      return semi - i + 1;
    }
  }
  return 0;
}

}  // namespace

ParsedXml ParseXml(std::string_view bytes, const std::string& name) {
  InitLibxmlOnce();
  ParsedXml result;
  if (bytes.size() > kMaxXmlBytes) {
    result.error = "document of " + std::to_string(bytes.size()) + " bytes exceeds the " +
                   std::to_string(kMaxXmlBytes) + "-byte limit";
    return result;
  }
  if (bytes.empty()) {
    result.error = "empty document";
    return result;
  }
  std::unique_ptr<xmlParserCtxt, ParserCtxtDeleter> ctxt(xmlNewParserCtxt());
  if (!ctxt) {
    result.error = "out of memory creating the XML parser";
    return result;
  }
  const int options = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                      XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
  result.doc.reset(xmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()),
                                     name.c_str(), nullptr, options));
  if (!ctxt->wellFormed || !result.doc) {
    const xmlError* err = xmlCtxtGetLastError(ctxt.get());
    std::string message = err != nullptr && err->message != nullptr ? err->message : "malformed XML";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    result.error = "malformed XML";
    if (err != nullptr && err->line > 0) result.error += " at line " + std::to_string(err->line);
    result.error += ": " + message;
  }
  if (result.doc && xmlDocGetRootElement(result.doc.get()) == nullptr) {
    result.doc.reset();
    if (result.error.empty()) result.error = "no root element";
  }
  return result;
}

std::string_view LocalName(const xmlNode* node) {
  if (node == nullptr || node->name == nullptr) return {};
  return reinterpret_cast<const char*>(node->name);
}

bool IsElement(const xmlNode* node, std::string_view name) {
  return node != nullptr && node->type == XML_ELEMENT_NODE && LocalName(node) == name;
}

const xmlNode* FirstChild(const xmlNode* parent, std::string_view name) {
  if (parent == nullptr) return nullptr;
  for (const xmlNode* child = parent->children; child != nullptr; child = child->next)
    if (IsElement(child, name)) return child;
  return nullptr;
}

std::string NodeText(const xmlNode* node) {
  std::string out;
  if (node == nullptr) return out;
  CollectText(node, &out, 0);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (!out.empty() && out.front() == ' ') out.erase(0, 1);
  return out;
}

std::string Attribute(const xmlNode* node, const char* name) {
  if (node == nullptr) return "";
  for (const xmlAttr* attr = node->properties; attr != nullptr; attr = attr->next) {
    if (attr->name == nullptr || std::string_view(reinterpret_cast<const char*>(attr->name)) != name)
      continue;
    std::string value;
    for (const xmlNode* child = attr->children; child != nullptr; child = child->next)
      if (child->type == XML_TEXT_NODE && child->content != nullptr)
        value += reinterpret_cast<const char*>(child->content);
    return value;
  }
  return "";
}

std::string HtmlToPlainText(std::string_view html, size_t max_bytes) {
  std::string decoded;
  decoded.reserve(html.size());
  bool in_tag = false;
  for (size_t i = 0; i < html.size(); ++i) {
    char c = html[i];
    if (in_tag) {
      if (c == '>') {
        in_tag = false;
        decoded.push_back(' ');
      }
      continue;
    }
    // A tag starts with '<' followed by a letter, '/', '!' or '?'; any other
    // '<' is text ("BTC < $90k" in an unescaped title).
    if (c == '<' && i + 1 < html.size()) {
      char next = html[i + 1];
      if (ascii::IsAlpha(next) || next == '/' || next == '!' || next == '?') {
        in_tag = true;
        continue;
      }
    }
    if (c == '&') {
      size_t used = DecodeReference(html, i, &decoded);
      if (used > 0) {
        i += used - 1;
        continue;
      }
    }
    decoded.push_back(c);
  }
  std::string out;
  AppendCollapsed(&out, decoded.c_str());
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (!out.empty() && out.front() == ' ') out.erase(0, 1);
  if (out.size() > max_bytes) {
    out.resize(utf8::CharacterStartAtOrBefore(out, max_bytes));
  }
  return out;
}

}  // namespace cn
