// The sources file's text to SourceConfig values: the TOML parsing and the
// validation behind ParseSources (sources_config.h, which documents the
// format and the messages). Split out with a plain result type, no
// <expected>, so the fuzz target (clang-14, libstdc++ 12) can build it.
//
// Pure function of its inputs; thread-safe. toml++ throws on bad TOML only
// inside this file, where it is caught.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace cn {

// The largest max_articles a source (or --max-articles) may ask for.
inline constexpr int kMaxArticlesLimit = 100000;

// One [[sources]] entry.
struct SourceConfig {
  std::string name;
  std::string homepage;               // informational; "" when absent
  std::vector<std::string> feeds;     // canonical http(s) or file: URLs
  std::vector<std::string> sitemaps;  // canonical http(s) or file: URLs
  int max_articles = 30;              // newest candidate articles fetched per run, 1..kMaxArticlesLimit
  std::chrono::milliseconds politeness_delay{1000};  // per-host gap, 0..600000 ms
  bool enabled = true;
  int line = 0;  // where the [[sources]] table starts, for messages
};

// How the crawler names itself ([defaults] user_agent and contact); "" when
// the file does not say.
struct CrawlerIdentity {
  std::string user_agent;  // the whole User-Agent header
  std::string contact;     // a URL or mailto: for site operators, put into the default User-Agent
};

// The longest user_agent or contact accepted.
inline constexpr size_t kMaxHeaderTextBytes = 256;

// True for 1..kMaxHeaderTextBytes printable ASCII characters (no control
// characters, so no line break can reach an HTTP header).
bool IsHeaderText(std::string_view text);

struct ParsedSources {
  std::vector<SourceConfig> sources;  // empty when errors is not
  CrawlerIdentity identity;
  std::string errors;                 // "" when valid; else one "FILE:LINE:COLUMN: message" per line
};

// `name` stands for the file in messages; relative paths resolve against
// `base_dir` ("" = the current directory).
ParsedSources ParseSourcesText(std::string_view text, const std::string& name, const std::string& base_dir);

}  // namespace cn
