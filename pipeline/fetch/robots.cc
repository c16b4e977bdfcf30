#include "pipeline/fetch/robots.h"

#include <cstdlib>

#include "pipeline/web/ascii_text.h"

namespace cn {

namespace {

// The user-agent value's product token: up to the first space or '/'.
std::string AgentToken(std::string_view value) {
  size_t end = value.find_first_of(" /\t");
  return ascii::ToLower(value.substr(0, end));
}

}  // namespace

bool RobotsPatternMatches(std::string_view pattern, std::string_view path) {
  bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  // Greedy wildcard match with backtracking to the last '*'.
  size_t p = 0, s = 0;
  size_t star = std::string_view::npos, star_s = 0;
  while (true) {
    if (p == pattern.size()) {
      if (!anchored || s == path.size()) return true;
      // anchored but path left over: backtrack
    } else if (pattern[p] == '*') {
      star = p++;
      star_s = s;
      continue;
    } else if (s < path.size() && pattern[p] == path[s]) {
      ++p, ++s;
      continue;
    }
    if (star == std::string_view::npos || star_s >= path.size()) return false;
    p = star + 1;
    s = ++star_s;
  }
}

RobotsRules RobotsRules::DisallowAll() {
  RobotsRules rules;
  rules.rules_.push_back({false, "/"});
  return rules;
}

RobotsRules RobotsRules::Parse(std::string_view text, std::string_view product_token) {
  if (text.size() > kMaxRobotsBytes) text = text.substr(0, kMaxRobotsBytes);
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::string ours = AgentToken(product_token);

  struct Group {
    std::vector<std::string> agents;
    std::vector<Rule> rules;
    std::optional<double> crawl_delay;
  };
  std::vector<Group> groups;
  bool in_agent_lines = false;
  while (!text.empty()) {
    size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string key = ascii::ToLower(ascii::Trim(line.substr(0, colon)));
    std::string_view value = ascii::Trim(line.substr(colon + 1));
    if (key == "user-agent") {
      if (!in_agent_lines) groups.emplace_back();
      groups.back().agents.push_back(AgentToken(value));
      in_agent_lines = true;
      continue;
    }
    if (key == "allow" || key == "disallow") {
      in_agent_lines = false;
      if (groups.empty() || value.empty()) continue;  // rules before any group; empty Disallow = nothing
      groups.back().rules.push_back({key == "allow", std::string(value)});
    } else if (key == "crawl-delay") {
      in_agent_lines = false;
      if (groups.empty()) continue;
      std::string number(value);
      char* end = nullptr;
      double seconds = std::strtod(number.c_str(), &end);
      if (end != number.c_str() && seconds >= 0 && seconds < 86400) groups.back().crawl_delay = seconds;
    } else if (key == "sitemap") {
      // Sitemap lines are global and do not end a group's agent lines.
    } else {
      in_agent_lines = false;
    }
  }

  RobotsRules result;
  auto take = [&](bool star) {
    bool any = false;
    for (const Group& g : groups) {
      bool match = false;
      for (const std::string& a : g.agents) match = match || (star ? a == "*" : (!ours.empty() && a == ours));
      if (!match) continue;
      any = true;
      result.rules_.insert(result.rules_.end(), g.rules.begin(), g.rules.end());
      if (g.crawl_delay) result.crawl_delay_ = g.crawl_delay;
    }
    return any;
  };
  if (!take(false)) take(true);
  return result;
}

const RobotsRules::Rule* RobotsRules::Decide(std::string_view path) const {
  const Rule* best = nullptr;
  for (const Rule& rule : rules_) {
    if (!RobotsPatternMatches(rule.pattern, path)) continue;
    if (best == nullptr || rule.pattern.size() > best->pattern.size() ||
        (rule.pattern.size() == best->pattern.size() && rule.allow && !best->allow))
      best = &rule;
  }
  return best;
}

bool RobotsRules::IsAllowed(std::string_view path) const {
  if (path == "/robots.txt") return true;
  const Rule* rule = Decide(path);
  return rule == nullptr || rule->allow;
}

std::string RobotsRules::BlockingRule(std::string_view path) const {
  if (path == "/robots.txt") return "";
  const Rule* rule = Decide(path);
  return rule != nullptr && !rule->allow ? rule->pattern : "";
}

}  // namespace cn
