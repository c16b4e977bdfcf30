// Fuzzes robots.txt parsing and matching (RFC 9309): any bytes in, no crash,
// no hang, and the promises of robots.h hold — "/robots.txt" is always
// allowed, IsAllowed agrees with BlockingRule, Crawl-delay is finite and not
// negative. The first line of the input is also used as a path to match, so
// wildcard patterns meet paths built to fit them.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "pipeline/fetch/robots.h"

namespace {

void CheckPath(const cn::RobotsRules& rules, const std::string& path) {
  if (path == "/robots.txt") return;
  if (rules.IsAllowed(path) != rules.BlockingRule(path).empty()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  for (std::string_view token : {"cryptonews", "*", ""}) {
    cn::RobotsRules rules = cn::RobotsRules::Parse(input, token);
    if (!rules.IsAllowed("/robots.txt")) std::abort();
    if (auto delay = rules.crawl_delay_seconds(); delay && (!std::isfinite(*delay) || *delay < 0)) std::abort();
    std::string first_line(input.substr(0, std::min<size_t>(input.find('\n'), 256)));
    CheckPath(rules, "/" + first_line);
    CheckPath(rules, first_line);
    CheckPath(rules, "/");
    CheckPath(rules, "/news/2026/article.html?id=7");
  }
  // The pattern matcher alone: pattern and path split at the first tab.
  size_t tab = input.find('\t');
  if (tab != std::string_view::npos) (void)cn::RobotsPatternMatches(input.substr(0, tab), input.substr(tab + 1));
  return 0;
}
