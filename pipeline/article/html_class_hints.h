// What an element's class and id say about it, for main-text extraction:
// boilerplate ("comment", "share", "related", "site-header", "ad"), never body
// (captions, credits, timestamps), or likely content ("article", "post",
// "entry-content").
//
// Words are matched as words where an accident is likely: "PageBuilder-pageRow"
// splits into page/builder/page/row (at non-alphanumerics and camelCase
// humps), so it does not read as "pager"; long unambiguous words ("comment",
// "newsletter") match anywhere. Site-independent: no rule names a site.
// Pure functions; thread-safe. Includes no <expected> (fuzzed code).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cn {

struct ClassHints {
  std::string lower;                // class + " " + id, lower-cased
  std::vector<std::string> tokens;  // the words of both, lower-cased
  bool empty() const { return tokens.empty(); }

  static ClassHints Of(std::string_view class_attr, std::string_view id_attr);
};

// Navigation, comments, share bars, ads, newsletter/cookie boxes, ...
bool IsUnlikely(const ClassHints& h);
// Captions, credits, timestamps, bylines, post meta: dropped (when short) even inside a
// wrapper that looks like content.
bool IsNeverBody(const ClassHints& h);
// Words that overrule IsUnlikely ("article", "content", "main", "story", ...).
bool IsMaybeContent(const ClassHints& h);
// Comment threads and related-story lists, which look like prose.
bool NamesDiscussion(const ClassHints& h);
// Readability-style weight: +25 for content words, -25 for boilerplate words.
int ClassWeight(const ClassHints& h);

}  // namespace cn
