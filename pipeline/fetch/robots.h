// robots.txt (RFC 9309) parsing and matching.
//
// Parse() picks the groups whose user-agent line matches `product_token`
// case-insensitively (all such groups merged); when none does, the "*"
// groups; when there is none either, everything is allowed. Within the
// chosen rules the longest matching pattern wins, Allow beating Disallow on
// a tie; "*" matches any run of characters and a trailing "$" anchors the
// end. "/robots.txt" itself is always allowed. Crawl-delay (seconds,
// fractions allowed) is read from the chosen groups. Only the first
// kMaxRobotsBytes are read, as RFC 9309 permits.
//
// RobotsRules is an immutable value after Parse(); const methods are
// thread-safe. The per-host cache lives in the CurlFetcher (curl_fetcher.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cn {

inline constexpr size_t kMaxRobotsBytes = 500 * 1024;

class RobotsRules {
 public:
  // Everything allowed (no robots.txt, or a 4xx answer for it).
  static RobotsRules AllowAll() { return RobotsRules(); }
  // Nothing allowed (robots.txt answered with a server error, RFC 9309 §2.3.1.4).
  static RobotsRules DisallowAll();
  static RobotsRules Parse(std::string_view text, std::string_view product_token);

  // `path_and_query` as sent in the request line ("/a/b?x=1").
  bool IsAllowed(std::string_view path_and_query) const;
  // The Disallow pattern that blocks `path_and_query`, or "" when allowed.
  std::string BlockingRule(std::string_view path_and_query) const;
  std::optional<double> crawl_delay_seconds() const { return crawl_delay_; }
  size_t rule_count() const { return rules_.size(); }

 private:
  struct Rule {
    bool allow = false;
    std::string pattern;
  };
  const Rule* Decide(std::string_view path) const;

  std::vector<Rule> rules_;
  std::optional<double> crawl_delay_;
};

// True when `pattern` (robots syntax: "*" wildcards, optional trailing "$")
// matches a prefix of `path` (or all of it when anchored).
bool RobotsPatternMatches(std::string_view pattern, std::string_view path);

}  // namespace cn
