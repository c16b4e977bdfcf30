// Fuzzes the sources file parser (TOML, then validation): any bytes in, no
// crash, no exception escaping, and the promises of sources_config.h hold —
// either errors, each line naming the file, and no sources; or sources that
// are all valid: a name, at least one feed or sitemap, every one an http(s)
// or file: URL, limits in their ranges, names unique ignoring case.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "pipeline/crawl/sources_parse.h"
#include "pipeline/web/url.h"

namespace {

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  cn::ParsedSources parsed = cn::ParseSourcesText(input, "fuzz.toml", "/srv/fixtures");
  if (!parsed.errors.empty()) {
    if (!parsed.sources.empty()) std::abort();
    size_t start = 0;
    while (start < parsed.errors.size()) {
      if (parsed.errors.compare(start, 9, "fuzz.toml") != 0) std::abort();
      size_t nl = parsed.errors.find('\n', start);
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    return 0;
  }
  std::set<std::string> names;
  for (const cn::SourceConfig& s : parsed.sources) {
    if (s.name.empty() || !names.insert(Lower(s.name)).second) std::abort();
    if (s.feeds.empty() && s.sitemaps.empty()) std::abort();
    for (const auto* list : {&s.feeds, &s.sitemaps})
      for (const std::string& url : *list)
        if (!cn::IsHttpUrl(url) && cn::UrlScheme(url) != "file") std::abort();
    if (s.max_articles < 1) std::abort();
    if (s.politeness_delay.count() < 0 || s.politeness_delay.count() > 600000) std::abort();
  }
  return 0;
}
