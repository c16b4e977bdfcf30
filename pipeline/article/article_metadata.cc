#include "pipeline/article/article_metadata.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "pipeline/article/html_document.h"
#include "pipeline/web/ascii_text.h"
#include "pipeline/web/date_time.h"
#include "pipeline/web/url.h"

namespace cn {

namespace {

using nlohmann::json;

// Everything the metadata step needs, gathered in one walk of the tree.
struct PageFacts {
  std::vector<std::string> json_ld;
  std::unordered_map<std::string, std::vector<std::string>> meta;  // lower-case key -> contents
  std::string canonical;
  std::string html_lang;
  std::string title_tag;
  std::string first_h1;
  std::vector<std::string> time_datetimes;
};

void Gather(const xmlNode* root, PageFacts* facts) {
  std::vector<const xmlNode*> stack;
  if (root != nullptr) stack.push_back(root);
  while (!stack.empty()) {
    const xmlNode* n = stack.back();
    stack.pop_back();
    if (n->type != XML_ELEMENT_NODE) continue;
    std::string_view tag = TagName(n);
    if (tag == "html" && facts->html_lang.empty()) {
      facts->html_lang = std::string(Attribute(n, "lang"));
      if (facts->html_lang.empty()) facts->html_lang = std::string(Attribute(n, "xml:lang"));
    } else if (tag == "script") {
      if (ascii::ToLower(Attribute(n, "type")).find("ld+json") != std::string::npos) {
        std::string text;
        for (const xmlNode* c = n->children; c != nullptr; c = c->next)
          if (c->content != nullptr) text.append(reinterpret_cast<const char*>(c->content));
        facts->json_ld.push_back(std::move(text));
      }
      continue;
    } else if (tag == "meta") {
      std::string_view key = Attribute(n, "property");
      if (key.empty()) key = Attribute(n, "name");
      if (key.empty()) key = Attribute(n, "itemprop");
      if (key.empty()) key = Attribute(n, "http-equiv");
      std::string_view content = Attribute(n, "content");
      if (content.empty()) content = Attribute(n, "datetime");
      if (!key.empty() && !content.empty()) facts->meta[ascii::ToLower(key)].emplace_back(content);
    } else if (tag == "link") {
      if (facts->canonical.empty() && ascii::ToLower(Attribute(n, "rel")) == "canonical")
        facts->canonical = std::string(Attribute(n, "href"));
    } else if (tag == "title") {
      if (facts->title_tag.empty()) {
        std::string text;
        AppendTextContent(n, &text);
        facts->title_tag = CollapseWhitespace(text);
      }
      continue;
    } else if (tag == "h1") {
      if (facts->first_h1.empty()) {
        std::string text;
        AppendTextContent(n, &text);
        facts->first_h1 = CollapseWhitespace(text);
      }
    } else if (tag == "time") {
      std::string_view dt = Attribute(n, "datetime");
      if (!dt.empty()) facts->time_datetimes.emplace_back(dt);
    }
    // Push children in reverse so they pop in document order.
    const xmlNode* last = n->children;
    if (last == nullptr) continue;
    while (last->next != nullptr) last = last->next;
    for (const xmlNode* c = last; c != nullptr; c = c->prev) stack.push_back(c);
  }
}

// ---- JSON-LD -------------------------------------------------------------

bool IsArticleType(const json& type) {
  static constexpr std::string_view kTypes[] = {
      "newsarticle",        "article",          "blogposting",       "reportagenews",
      "analysisnewsarticle", "opinionnewsarticle", "liveblogposting",
      "techarticle",        "scholarlyarticle", "reviewnewsarticle", "backgroundnewsarticle",
      "socialmediaposting", "report"};
  auto one = [](const json& t) {
    if (!t.is_string()) return false;
    std::string name = ascii::ToLower(t.get_ref<const std::string&>());
    if (auto slash = name.rfind('/'); slash != std::string::npos) name = name.substr(slash + 1);
    return std::find(std::begin(kTypes), std::end(kTypes), name) != std::end(kTypes);
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), one);
  return one(type);
}

void CollectObjects(const json& j, std::vector<const json*>* out, int depth = 0) {
  if (depth > 8) return;
  if (j.is_array()) {
    for (const json& e : j) CollectObjects(e, out, depth + 1);
  } else if (j.is_object()) {
    out->push_back(&j);
    if (auto g = j.find("@graph"); g != j.end()) CollectObjects(*g, out, depth + 1);
    if (auto m = j.find("mainEntity"); m != j.end()) CollectObjects(*m, out, depth + 1);
  }
}

std::string StringField(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end()) return "";
  if (it->is_string()) return CollapseWhitespace(it->get_ref<const std::string&>());
  if (it->is_array() && !it->empty() && it->front().is_string())
    return CollapseWhitespace(it->front().get_ref<const std::string&>());
  return "";
}

void AddAuthor(const json& a, const std::vector<const json*>& objects, std::vector<std::string>* out,
               int depth = 0) {
  if (depth > 3) return;
  if (a.is_string()) {
    out->push_back(CollapseWhitespace(a.get_ref<const std::string&>()));
  } else if (a.is_array()) {
    for (const json& e : a) AddAuthor(e, objects, out, depth + 1);
  } else if (a.is_object()) {
    std::string name = StringField(a, "name");
    if (name.empty()) {
      // {"@id": "..."} refers to a Person elsewhere in the graph.
      std::string id = StringField(a, "@id");
      for (const json* o : objects)
        if (!id.empty() && o != &a && StringField(*o, "@id") == id && o->contains("name")) {
          name = StringField(*o, "name");
          break;
        }
    }
    if (!name.empty()) out->push_back(name);
  }
}

struct JsonLdFacts {
  std::string title, published, modified, language, site_name;
  std::vector<std::string> authors;
};

JsonLdFacts FromJsonLd(const std::vector<std::string>& blocks) {
  JsonLdFacts facts;
  for (const std::string& block : blocks) {
    json doc = json::parse(block, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
    if (doc.is_discarded()) continue;
    std::vector<const json*> objects;
    CollectObjects(doc, &objects);
    for (const json* o : objects) {
      auto type = o->find("@type");
      if (type == o->end()) continue;
      if (IsArticleType(*type)) {
        if (facts.title.empty()) facts.title = StringField(*o, "headline");
        if (facts.title.empty()) facts.title = StringField(*o, "name");
        if (facts.published.empty()) facts.published = StringField(*o, "datePublished");
        if (facts.modified.empty()) facts.modified = StringField(*o, "dateModified");
        if (facts.language.empty()) facts.language = StringField(*o, "inLanguage");
        if (facts.authors.empty())
          if (auto a = o->find("author"); a != o->end()) AddAuthor(*a, objects, &facts.authors);
        if (facts.site_name.empty())
          if (auto p = o->find("publisher"); p != o->end() && p->is_object())
            facts.site_name = StringField(*p, "name");
      } else if (type->is_string() && type->get_ref<const std::string&>() == "WebSite" &&
                 facts.site_name.empty()) {
        facts.site_name = StringField(*o, "name");
      }
    }
  }
  return facts;
}

// ---- helpers ---------------------------------------------------------------

std::string FirstMeta(const PageFacts& facts, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    auto it = facts.meta.find(key);
    if (it == facts.meta.end()) continue;
    for (const std::string& v : it->second) {
      std::string value = CollapseWhitespace(v);
      if (!value.empty()) return value;
    }
  }
  return "";
}

// Through the resolver the feed links go through (web/url.h), so a page and
// the feed that listed it name the article alike. A link that does not
// resolve (mailto:, javascript:, garbage) is no identity: the page URL is.
// Against a page known only by a file path (`cryptonews article FILE`), a
// relative link is shown as the page wrote it.
std::string CanonicalUrl(const std::string& link, const std::string& page_url) {
  if (link.empty()) return page_url;
  if (auto resolved = ResolveUrl(page_url, link)) return *resolved;
  if (UrlScheme(page_url).empty() && UrlScheme(link).empty()) return CollapseWhitespace(link);
  return page_url;
}

bool LooksLikeUrl(std::string_view s) {
  return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("/");
}

std::string NormaliseLanguage(std::string lang) {
  lang = CollapseWhitespace(lang);
  std::replace(lang.begin(), lang.end(), '_', '-');
  if (lang.size() > 35 || lang.find(' ') != std::string::npos) return "";
  return lang;
}

// Picks the first candidate that parses and is not later than the fetch time.
std::string PickTime(const std::vector<std::pair<std::string, const char*>>& candidates,
                     std::chrono::sys_seconds fetch_time, const char* field,
                     std::vector<std::string>* warnings) {
  for (const auto& [text, source] : candidates) {
    if (text.empty()) continue;
    std::optional<std::chrono::sys_seconds> t = ParseDateTime(text);
    if (!t) {
      warnings->push_back(std::string(field) + ": unreadable time '" + text.substr(0, 64) + "' in " +
                          source);
      continue;
    }
    if (*t > fetch_time) {
      warnings->push_back(std::string(field) + ": time " + FormatUtc(*t) + " from " + source +
                          " is later than the fetch time; rejected");
      continue;
    }
    return FormatUtc(*t);
  }
  return "";
}

// "Headline | Site" -> "Headline" when the suffix is the site's name.
std::string StripSiteSuffix(std::string title, const std::string& site_name) {
  if (site_name.empty()) return title;
  for (std::string_view sep : {" | ", " - ", " – ", " — ", " :: "}) {
    std::string suffix = std::string(sep) + site_name;
    if (title.size() > suffix.size() && title.ends_with(suffix))
      return title.substr(0, title.size() - suffix.size());
  }
  return title;
}

}  // namespace

ArticleMetadata ExtractMetadata(const xmlNode* root, const std::string& page_url,
                                std::chrono::sys_seconds fetch_time) {
  ArticleMetadata m;
  PageFacts facts;
  Gather(root, &facts);
  JsonLdFacts ld = FromJsonLd(facts.json_ld);

  m.site_name = FirstMeta(facts, {"og:site_name", "application-name"});
  if (m.site_name.empty()) m.site_name = ld.site_name;

  m.title = ld.title;
  if (m.title.empty()) m.title = FirstMeta(facts, {"og:title", "twitter:title", "headline", "dc.title"});
  if (m.title.empty()) m.title = StripSiteSuffix(facts.title_tag, m.site_name);
  if (m.title.empty()) m.title = facts.first_h1;

  m.authors = ld.authors;
  if (m.authors.empty()) {
    for (const char* key : {"author", "article:author", "parsely-author", "sailthru.author",
                            "dc.creator", "byl"}) {
      auto it = facts.meta.find(key);
      if (it == facts.meta.end()) continue;
      for (const std::string& v : it->second) {
        std::string name = CollapseWhitespace(v);
        if (name.starts_with("By ") || name.starts_with("by ")) name = name.substr(3);
        if (!name.empty() && !LooksLikeUrl(name)) m.authors.push_back(name);
      }
      if (!m.authors.empty()) break;
    }
  }
  // De-duplicate, keeping order.
  std::vector<std::string> unique;
  for (std::string& a : m.authors)
    if (!a.empty() && std::find(unique.begin(), unique.end(), a) == unique.end()) unique.push_back(a);
  m.authors = std::move(unique);

  std::vector<std::pair<std::string, const char*>> published = {
      {ld.published, "JSON-LD datePublished"},
      {FirstMeta(facts, {"article:published_time", "og:published_time", "datepublished",
                         "pubdate", "publishdate", "publish-date", "parsely-pub-date",
                         "sailthru.date", "dc.date.issued", "dc.date", "date"}),
       "meta tags"}};
  for (const std::string& t : facts.time_datetimes) published.emplace_back(t, "<time datetime>");
  m.published_at = PickTime(published, fetch_time, "published_at", &m.warnings);

  m.modified_at = PickTime({{ld.modified, "JSON-LD dateModified"},
                            {FirstMeta(facts, {"article:modified_time", "og:updated_time",
                                               "datemodified", "last-modified"}),
                             "meta tags"}},
                           fetch_time, "modified_at", &m.warnings);

  m.language = NormaliseLanguage(facts.html_lang);
  if (m.language.empty()) m.language = NormaliseLanguage(FirstMeta(facts, {"og:locale"}));
  if (m.language.empty()) m.language = NormaliseLanguage(ld.language);
  if (m.language.empty())
    m.language = NormaliseLanguage(FirstMeta(facts, {"content-language", "language", "dc.language"}));

  std::string canonical = facts.canonical;
  if (canonical.empty()) canonical = FirstMeta(facts, {"og:url"});
  m.canonical_url = CanonicalUrl(canonical, page_url);
  return m;
}

}  // namespace cn
