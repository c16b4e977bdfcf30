#include "pipeline/feeds/feed_parser.h"

#include <libxml/tree.h>

#include <memory>

#include "pipeline/feeds/xml_document.h"
#include "pipeline/web/date_time.h"
#include "pipeline/web/url.h"

namespace cn {

namespace {

struct XmlFree {
  void operator()(xmlChar* p) const { xmlFree(p); }
};

class FeedReader {
 public:
  FeedReader(const std::string& feed_url, FeedParseResult* result)
      : feed_url_(feed_url), local_feed_(UrlScheme(feed_url) == "file"), result_(result) {}

  void ReadRss(const xmlNode* root) {
    result_->format = "rss";
    const xmlNode* channel = FirstChild(root, "channel");
    result_->title = HtmlToPlainText(NodeText(FirstChild(channel, "title")), 500);
    // Items belong in <channel>; some RSS 0.9x feeds put them beside it.
    for (const xmlNode* parent : {channel, root}) {
      if (parent == nullptr) continue;
      for (const xmlNode* n = parent->children; n != nullptr; n = n->next)
        if (IsElement(n, "item")) AddRssItem(n);
    }
  }

  void ReadRdf(const xmlNode* root) {
    result_->format = "rdf";
    const xmlNode* channel = FirstChild(root, "channel");
    result_->title = HtmlToPlainText(NodeText(FirstChild(channel, "title")), 500);
    for (const xmlNode* n = root->children; n != nullptr; n = n->next)
      if (IsElement(n, "item")) AddRssItem(n);
  }

  void ReadAtom(const xmlNode* root) {
    result_->format = "atom";
    result_->title = HtmlToPlainText(NodeText(FirstChild(root, "title")), 500);
    for (const xmlNode* n = root->children; n != nullptr; n = n->next)
      if (IsElement(n, "entry")) AddAtomEntry(n);
  }

  void Error(const std::string& message) { result_->errors.push_back("feed " + feed_url_ + ": " + message); }

 private:
  // The URL links inside `node` are relative to: xml:base when present,
  // else the feed URL.
  std::string BaseFor(const xmlNode* node) const {
    std::unique_ptr<xmlChar, XmlFree> base(xmlNodeGetBase(node->doc, node));
    if (base) return reinterpret_cast<const char*>(base.get());
    return feed_url_;
  }

  bool Full() {
    if (result_->items.size() < kMaxFeedItems) return false;
    if (!truncated_) Error("more than " + std::to_string(kMaxFeedItems) + " items; the rest ignored");
    truncated_ = true;
    return true;
  }

  void Add(FeedItem item, const xmlNode* node, const std::string& raw_link) {
    ++item_number_;
    if (Full()) return;
    auto url = raw_link.empty() ? std::nullopt : ResolveUrl(BaseFor(node), raw_link);
    bool allowed = url && (IsHttpUrl(*url) || (local_feed_ && UrlScheme(*url) == "file"));
    if (!allowed) {
      Error("item " + std::to_string(item_number_) +
            (raw_link.empty() ? " has no link" : " has an unusable link '" + raw_link.substr(0, 200) + "'"));
      return;
    }
    item.url = *url;
    result_->items.push_back(std::move(item));
  }

  void AddRssItem(const xmlNode* item_node) {
    FeedItem item;
    std::string link, guid, orig_link, date, creator;
    for (const xmlNode* n = item_node->children; n != nullptr; n = n->next) {
      if (n->type != XML_ELEMENT_NODE) continue;
      std::string_view name = LocalName(n);
      if (name == "link" && link.empty()) {
        link = NodeText(n);
        if (link.empty()) link = Attribute(n, "href");  // <atom:link href=…> inside RSS
      } else if (name == "origLink") {
        orig_link = NodeText(n);
      } else if (name == "guid") {
        if (Attribute(n, "isPermaLink") != "false") guid = NodeText(n);
      } else if (name == "title" && item.title.empty()) {
        item.title = HtmlToPlainText(NodeText(n), 1000);
      } else if ((name == "pubDate" || name == "date" || name == "published") && date.empty()) {
        date = NodeText(n);
      } else if (name == "creator" && creator.empty()) {
        creator = NodeText(n);
      } else if (name == "author" && item.author.empty()) {
        item.author = HtmlToPlainText(NodeText(n), 300);
      } else if (name == "description" && item.summary.empty()) {
        item.summary = HtmlToPlainText(NodeText(n), kMaxSummaryBytes);
      }
    }
    if (!creator.empty()) item.author = HtmlToPlainText(creator, 300);  // dc:creator names; author is often an e-mail
    item.published_at = NormalizeDateTime(date);
    // A guid is an article URL only when it is an absolute http(s) URL
    // ("isPermaLink" is often missing or wrong); rdf:about likewise.
    if (!IsHttpUrl(guid)) guid.clear();
    std::string rdf_about = Attribute(item_node, "about");
    if (!IsHttpUrl(rdf_about)) rdf_about.clear();
    std::string raw = !orig_link.empty() ? orig_link
                      : !link.empty()    ? link
                      : !guid.empty()    ? guid
                                         : rdf_about;
    Add(std::move(item), item_node, raw);
  }

  void AddAtomEntry(const xmlNode* entry) {
    FeedItem item;
    std::string link, published, updated;
    for (const xmlNode* n = entry->children; n != nullptr; n = n->next) {
      if (n->type != XML_ELEMENT_NODE) continue;
      std::string_view name = LocalName(n);
      if (name == "link") {
        std::string rel = Attribute(n, "rel");
        if ((rel.empty() || rel == "alternate") && link.empty()) link = Attribute(n, "href");
      } else if (name == "title" && item.title.empty()) {
        item.title = HtmlToPlainText(NodeText(n), 1000);
      } else if (name == "published") {
        published = NodeText(n);
      } else if (name == "updated") {
        updated = NodeText(n);
      } else if (name == "author" && item.author.empty()) {
        const xmlNode* author_name = FirstChild(n, "name");
        item.author = HtmlToPlainText(NodeText(author_name != nullptr ? author_name : n), 300);
      } else if ((name == "summary" || name == "content") && item.summary.empty()) {
        item.summary = HtmlToPlainText(NodeText(n), kMaxSummaryBytes);
      } else if (name == "origLink") {
        link = NodeText(n);
      }
    }
    item.published_at = NormalizeDateTime(!published.empty() ? published : updated);
    Add(std::move(item), entry, link);
  }

  const std::string& feed_url_;
  bool local_feed_;
  FeedParseResult* result_;
  size_t item_number_ = 0;
  bool truncated_ = false;
};

}  // namespace

FeedParseResult ParseFeed(std::string_view bytes, const std::string& feed_url) {
  FeedParseResult result;
  FeedReader reader(feed_url, &result);
  ParsedXml xml = ParseXml(bytes, feed_url);
  if (!xml.error.empty()) reader.Error(xml.error);
  if (!xml.doc) return result;
  const xmlNode* root = xmlDocGetRootElement(xml.doc.get());
  std::string_view name = LocalName(root);
  if (name == "rss") {
    reader.ReadRss(root);
  } else if (name == "RDF") {
    reader.ReadRdf(root);
  } else if (name == "feed") {
    reader.ReadAtom(root);
  } else if (name == "urlset" || name == "sitemapindex") {
    reader.Error("this is a sitemap, not a feed (list it under 'sitemaps')");
  } else {
    reader.Error("not a feed: root element is <" + std::string(name.substr(0, 100)) + ">");
  }
  return result;
}

}  // namespace cn
