#include "pipeline/article/html_class_hints.h"

#include <span>

#include "pipeline/web/ascii_text.h"

namespace cn {

namespace {

bool ContainsAny(std::string_view hay, std::span<const std::string_view> needles) {
  for (std::string_view n : needles)
    if (hay.find(n) != std::string_view::npos) return true;
  return false;
}
bool ContainsAny(std::string_view hay, std::initializer_list<std::string_view> needles) {
  return ContainsAny(hay, std::span<const std::string_view>(needles.begin(), needles.size()));
}

// Class and id words, lower-cased: "PageBuilder-pageRow site_header" gives
// page, builder, page, row, site, header (split at non-alphanumerics and at
// camelCase humps), so that hints match words, not accidents like "pageRow".
std::vector<std::string> HintTokens(std::string_view raw) {
  std::vector<std::string> tokens;
  std::string cur;
  char prev = 0;
  for (char c : raw) {
    bool alnum = ascii::IsAlnum(c);
    bool hump = ascii::IsUpper(c) && ascii::IsLower(prev);
    if (!alnum || hump) {
      if (!cur.empty()) tokens.push_back(std::move(cur));
      cur.clear();
    }
    if (alnum) cur.push_back(ascii::ToLower(c));
    prev = c;
  }
  if (!cur.empty()) tokens.push_back(std::move(cur));
  return tokens;
}

// True when a token starts with one of `prefixes` or equals one of `words`.
bool TokenMatch(const std::vector<std::string>& tokens, std::initializer_list<std::string_view> prefixes,
                std::initializer_list<std::string_view> words) {
  for (const std::string& t : tokens) {
    for (std::string_view p : prefixes)
      if (t.starts_with(p)) return true;
    for (std::string_view w : words)
      if (t == w) return true;
  }
  return false;
}

// Words that mark boilerplate wherever they appear inside a class or id.
constexpr std::string_view kBoilerplateAnywhere[] = {
    "comment", "disqus",  "sidebar", "newsletter", "breadcrumb", "outbrain", "taboola",
    "cookie",  "related", "social",  "sharing",    "subscri",    "popup",    "sponsor",
    "advert",  "recommend", "masthead", "shoutbox", "skyscraper", "gdpr", "consent"};

}  // namespace

ClassHints ClassHints::Of(std::string_view class_attr, std::string_view id_attr) {
  ClassHints hints;
  if (class_attr.empty() && id_attr.empty()) return hints;
  std::string raw(class_attr);
  raw += ' ';
  raw += id_attr;
  hints.lower = ascii::ToLower(raw);
  hints.tokens = HintTokens(raw);
  return hints;
}

bool NamesDiscussion(const ClassHints& h) {
  return ContainsAny(h.lower, {"comment", "disqus", "repl", "related", "recommend"});
}

bool IsUnlikely(const ClassHints& h) {
  return ContainsAny(h.lower, kBoilerplateAnywhere) ||
         TokenMatch(h.tokens,
                    {"footer", "header", "menu", "navbar", "navigation", "pager", "pagination",
                     "promo", "banner", "modal", "signup", "community", "replies", "remark",
                     "combx", "agegate", "byline", "toolbar", "trending", "popular", "readmore",
                     "login", "share"},
                    {"nav", "ad", "ads", "tags", "tag", "rss", "follow", "print", "author"});
}

// Words naming things that are never the body, even inside "story" or
// "content" wrappers: captions, credits, datelines and post meta.
bool IsNeverBody(const ClassHints& h) {
  return TokenMatch(h.tokens, {"caption", "credit", "timestamp", "byline", "postinfo", "postmeta"},
                    {"date", "dateline"});
}

bool IsMaybeContent(const ClassHints& h) {
  return ContainsAny(h.lower, {"article", "body", "content", "main", "column", "shadow", "story"});
}

int ClassWeight(const ClassHints& h) {
  if (h.empty()) return 0;
  int weight = 0;
  if (ContainsAny(h.lower, {"article", "body", "content", "entry", "hentry", "main", "page", "post",
                            "text", "blog", "story", "prose"}))
    weight += 25;
  if (ContainsAny(h.lower, kBoilerplateAnywhere) ||
      TokenMatch(h.tokens,
                 {"meta", "footer", "footnote", "share", "promo", "tool", "byline", "author",
                  "caption", "media", "shopping", "scroll", "hidden", "contact", "banner", "credit",
                  "disclaimer", "widget"},
                 {"ad", "ads", "hid", "tags", "nav"}))
    weight -= 25;
  return weight;
}

}  // namespace cn
