// Test helper: links and the URL they resolve to against a base, shared by
// the tests of every place that resolves links (web/url, feeds/feed_parser,
// article/article_metadata), so each shows it agrees with ResolveUrl.
#pragma once

namespace cn::testing {

struct UrlResolutionCase {
  const char* base;
  const char* href;
  const char* resolved;  // "" = refused (no usable identity)
};

inline constexpr UrlResolutionCase kUrlResolutionCases[] = {
    {"https://news.example/markets/story-1?ref=rss", "/markets/story-2", "https://news.example/markets/story-2"},
    {"https://news.example/markets/a/b", "../c", "https://news.example/markets/c"},
    {"https://news.example/markets/", "c d", "https://news.example/markets/c%20d"},
    {"https://news.example/x", "//cdn.example/y", "https://cdn.example/y"},
    {"https://news.example/x", "HTTPS://News.Example:443/Y#top", "https://news.example/Y"},
    {"https://news.example/x", "?page=2", "https://news.example/x?page=2"},
    {"https://news.example/x", "/a?utm_source=rss&id=7&fbclid=z", "https://news.example/a?id=7"},
    {"https://news.example/x", "/a/./b/../c", "https://news.example/a/c"},
    {"http://news.example:8080/x", "y", "http://news.example:8080/y"},
    {"https://news.example/x", "  https://news.example/padded\n", "https://news.example/padded"},
    {"https://news.example/x", "mailto:desk@news.example", ""},
    {"https://news.example/x", "javascript:void(0)", ""},
};

}  // namespace cn::testing
