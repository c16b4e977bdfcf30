// What `ingest` and `crawl` share about their crawl flags: the help texts,
// so both say the same thing, and the choice of User-Agent.
#pragma once

#include <expected>
#include <string>

#include "pipeline/crawl/sources_config.h"

namespace cn {

// --max-articles: per source and per run, like max_articles in sources.toml.
inline constexpr const char* kMaxArticlesHelp =
    "Newest articles fetched per source in this run; overrides every source's max_articles in the sources "
    "file (0 = the file's, 30 when it sets none)";
inline constexpr const char* kUserAgentHelp =
    "User-Agent header, whole (default: sources.toml's user_agent, else cryptonews/VERSION (+CONTACT))";
inline constexpr const char* kContactHelp =
    "URL or mailto: where site operators reach you, put in the default User-Agent "
    "(default: sources.toml's contact, else none)";
inline constexpr const char* kAllowPrivateHelp =
    "Allow links to loopback/private addresses (for tests on 127.0.0.1; not for real sites)";
inline constexpr const char* kPolitenessHelp =
    "Gap between requests to one host in milliseconds, for every source (default: each source's "
    "politeness_delay_ms)";

// The User-Agent to send: `user_agent_flag` when given, else the sources
// file's user_agent, else DefaultUserAgent of `contact_flag` or the file's
// contact. An error (naming the flag) when a flag holds anything but
// printable ASCII.
std::expected<std::string, std::string> ChooseUserAgent(const std::string& user_agent_flag,
                                                        const std::string& contact_flag,
                                                        const CrawlerIdentity& from_file);

}  // namespace cn
