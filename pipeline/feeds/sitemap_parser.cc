#include "pipeline/feeds/sitemap_parser.h"

#include "pipeline/feeds/xml_document.h"
#include "pipeline/web/date_time.h"
#include "pipeline/web/gzip_decode.h"
#include "pipeline/web/url.h"

namespace cn {

SitemapParseResult ParseSitemap(std::string_view bytes, const std::string& sitemap_url) {
  SitemapParseResult result;
  auto error = [&](const std::string& message) {
    result.errors.push_back("sitemap " + sitemap_url + ": " + message);
  };
  std::string inflated;
  if (LooksGzipped(bytes)) {
    std::string gzip_error;
    if (!GunzipCapped(bytes, kMaxSitemapBytes, &inflated, &gzip_error)) {
      error(gzip_error);
      if (inflated.empty()) return result;
    }
    bytes = inflated;
  }
  ParsedXml xml = ParseXml(bytes, sitemap_url);
  if (!xml.error.empty()) error(xml.error);
  if (!xml.doc) return result;
  const xmlNode* root = xmlDocGetRootElement(xml.doc.get());
  std::string_view root_name = LocalName(root);
  bool local = UrlScheme(sitemap_url) == "file";
  auto resolve = [&](const std::string& loc) -> std::optional<std::string> {
    auto url = ResolveUrl(sitemap_url, loc);
    if (url && (IsHttpUrl(*url) || (local && UrlScheme(*url) == "file"))) return url;
    return std::nullopt;
  };

  size_t number = 0;
  if (root_name == "urlset") {
    result.kind = "urlset";
    for (const xmlNode* n = root->children; n != nullptr; n = n->next) {
      if (!IsElement(n, "url")) continue;
      ++number;
      if (result.entries.size() >= kMaxSitemapEntries) {
        error("more than " + std::to_string(kMaxSitemapEntries) + " entries; the rest ignored");
        break;
      }
      std::string loc = NodeText(FirstChild(n, "loc"));
      auto url = loc.empty() ? std::nullopt : resolve(loc);
      if (!url) {
        error("entry " + std::to_string(number) +
              (loc.empty() ? " has no <loc>" : " has an unusable <loc> '" + loc.substr(0, 200) + "'"));
        continue;
      }
      SitemapEntry entry;
      entry.url = *url;
      entry.lastmod = NormalizeDateTime(NodeText(FirstChild(n, "lastmod")));
      if (const xmlNode* news = FirstChild(n, "news")) {
        entry.published_at = NormalizeDateTime(NodeText(FirstChild(news, "publication_date")));
        entry.title = HtmlToPlainText(NodeText(FirstChild(news, "title")), 1000);
      }
      result.entries.push_back(std::move(entry));
    }
  } else if (root_name == "sitemapindex") {
    result.kind = "sitemapindex";
    for (const xmlNode* n = root->children; n != nullptr; n = n->next) {
      if (!IsElement(n, "sitemap")) continue;
      ++number;
      if (result.child_sitemaps.size() >= kMaxSitemapEntries) break;
      std::string loc = NodeText(FirstChild(n, "loc"));
      auto url = loc.empty() ? std::nullopt : resolve(loc);
      if (!url) {
        error("sitemap " + std::to_string(number) + " in the index has no usable <loc>");
        continue;
      }
      result.child_sitemaps.push_back(*url);
    }
  } else {
    error("not a sitemap: root element is <" + std::string(root_name.substr(0, 100)) + ">");
  }
  return result;
}

}  // namespace cn
