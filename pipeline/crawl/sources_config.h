// The sources file (sources.toml): which outlets to crawl, through which
// feeds and sitemaps, and with which per-source limits.
//
// Format (every key but `name` and one of `feeds`/`sitemaps` is optional):
//
//   [defaults]                   # applies to every source unless overridden
//   max_articles = 30            # newest articles fetched per source, per run
//   politeness_delay_ms = 1000   # minimum gap between requests to one host
//   contact = "https://example.org/crawler"   # for site operators; put in the User-Agent
//   user_agent = "..."           # the whole User-Agent instead of cryptonews/VERSION (+contact)
//
//   [[sources]]
//   name = "CoinDesk"            # unique (case-insensitive), non-empty
//   homepage = "https://www.coindesk.com/"
//   feeds = ["https://www.coindesk.com/arc/outboundfeeds/rss/"]
//   sitemaps = []                # sitemap indexes, news sitemaps, .xml.gz
//   max_articles = 20
//   politeness_delay_ms = 2000
//   enabled = true
//
// Feed and sitemap entries are http(s) URLs, file: URLs, or plain paths;
// plain paths are relative to the directory of the sources file and are
// turned into file: URLs, so a fixture set runs fully offline.
//
// Every problem is reported as "FILE:LINE:COLUMN: message naming the key";
// unknown keys are errors (they are usually typos). LoadSources reports all
// problems it finds, one per line.
//
// Thread safety: pure functions of their inputs.
#pragma once

#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/crawl/sources_parse.h"

namespace cn {

// The largest sources file read (a few hundred sources take tens of KiB);
// a larger file, or an endless one such as /dev/zero, is an error naming
// the file and the cap.
inline constexpr size_t kMaxSourcesFileBytes = size_t{1} << 20;

// Reads and validates a sources file.
std::expected<std::vector<SourceConfig>, std::string> LoadSources(const std::string& path);

// Same, from text; `name` stands for the file in messages and `base_dir` is
// where relative paths point ("" means the current directory).
std::expected<std::vector<SourceConfig>, std::string> ParseSources(std::string_view text,
                                                                  const std::string& name,
                                                                  const std::string& base_dir);

// The default sources file shipped with (and embedded in) the binary.
std::string_view DefaultSourcesToml();

struct LoadedSources {
  std::vector<SourceConfig> sources;
  CrawlerIdentity identity;  // [defaults] user_agent and contact
  std::string origin;  // the file read, or "<built-in sources.toml>"
};

// What the CLI commands use: `path` when given; else ./sources.toml when it
// exists; else the built-in default (so the binary works from any directory).
std::expected<LoadedSources, std::string> LoadSourcesOrDefault(const std::string& path);

}  // namespace cn
