#include "pipeline/cli/command_crawl.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

#include "pipeline/cli/crawl_flags.h"
#include "pipeline/cli/date_flag.h"
#include "pipeline/cli/exit_codes.h"
#include "pipeline/cli/json_text.h"
#include "pipeline/cli/whole_number.h"
#include "pipeline/crawl/crawler.h"
#include "pipeline/crawl/sources_config.h"
#include "pipeline/web/date_time.h"

namespace cn {

namespace {

constexpr const char* kFooter = R"(
Output: one JSON object per article page, as soon as it is done, with
  source, url (canonical, as listed), final_url (after redirects), status,
  bytes, content_type, title and published_at (from the feed or sitemap),
  fetched_at, attempts, seconds, skipped ("robots", "unsafe scheme",
  "refused address", "unsafe redirect", "not modified"), skip_detail,
  error. A field that is unknown or does not apply is null (no title in
  the feed, no response: status null, not skipped: skipped null, ...).
A per-source summary goes to stderr (unless --quiet).

robots.txt is always obeyed. Without --allow-private, links that resolve to
loopback or private addresses are refused (the feeds named in the sources
file itself may be local); link-local, documentation, multicast, broadcast
and every other special-purpose address is refused always. Redirects are
followed hop by hop and never inherit trust, robots.txt redirects included.
Exit codes: 0 every source crawled cleanly, 1 some feed or page failed,
2 bad arguments or sources file.
)";

std::string Json(const nlohmann::ordered_json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

}  // namespace

void CrawlCommand::Setup(CLI::App& sub) {
  sub.add_option("--sources", sources_path_, "Sources file (TOML); default ./sources.toml or the built-in list");
  sub.add_option("--source", only_, "Crawl only this source (by name; repeatable)");
  sub.add_option("--max-articles", max_articles_, kMaxArticlesHelp)
      ->transform(WholeNumber(0, kMaxArticlesLimit))
      ->capture_default_str();
  sub.add_option("--since", since_, std::string("Skip items published before this: ") + kDateFlagForms);
  sub.add_flag("--allow-private", allow_private_, kAllowPrivateHelp);
  sub.add_option("--politeness-ms", politeness_ms_, kPolitenessHelp)->transform(WholeNumber(0, 600000));
  sub.add_option("--concurrency", concurrency_, "Transfers in flight, all hosts together")
      ->transform(WholeNumber(1, 256))
      ->capture_default_str();
  sub.add_option("--per-host", per_host_, "Transfers in flight to one host")->transform(WholeNumber(1, 64))->capture_default_str();
  sub.add_option("--timeout-ms", timeout_ms_, "Total time per attempt")->transform(WholeNumber(100, 600000))->capture_default_str();
  sub.add_option("--connect-timeout-ms", connect_timeout_ms_, "Connect time per attempt")
      ->transform(WholeNumber(100, 600000))
      ->capture_default_str();
  sub.add_option("--max-tries", max_tries_, "Attempts per URL (retries on errors, 429, 5xx)")
      ->transform(WholeNumber(1, 10))
      ->capture_default_str();
  sub.add_option("--max-body-bytes", max_body_bytes_, "Largest (decompressed) body accepted")
      ->transform(WholeNumber(1024, int64_t{1} << 32))
      ->capture_default_str();
  sub.add_option("--user-agent", user_agent_, kUserAgentHelp);
  sub.add_option("--contact", contact_, kContactHelp);
  sub.add_flag("--quiet,-q", quiet_, "No summary on stderr");
  sub.footer(kFooter);
}

int CrawlCommand::Run() {
  auto loaded = LoadSourcesOrDefault(sources_path_);
  if (!loaded) {
    std::fprintf(stderr, "%s\n", loaded.error().c_str());
    return kExitUsage;
  }
  std::vector<SourceConfig> sources;
  for (const SourceConfig& s : loaded->sources)
    if (only_.empty() || std::find(only_.begin(), only_.end(), s.name) != only_.end()) sources.push_back(s);
  for (const std::string& name : only_) {
    if (std::none_of(sources.begin(), sources.end(), [&](const SourceConfig& s) { return s.name == name; })) {
      std::fprintf(stderr, "cryptonews crawl: %s has no source named '%s'\n", loaded->origin.c_str(), name.c_str());
      return kExitUsage;
    }
  }

  CrawlOptions options;
  if (!ReadDateFlag("crawl", "--since", since_, &options.since)) return kExitUsage;
  options.max_articles = max_articles_;
  options.fetch.allow_private_addresses = allow_private_;
  if (politeness_ms_ >= 0) {
    options.use_source_delays = false;
    options.fetch.politeness_delay = std::chrono::milliseconds(politeness_ms_);
  }
  options.fetch.max_connections = concurrency_;
  options.fetch.max_per_host = per_host_;
  options.fetch.total_timeout = std::chrono::milliseconds(timeout_ms_);
  options.fetch.connect_timeout = std::chrono::milliseconds(connect_timeout_ms_);
  options.fetch.max_tries = max_tries_;
  options.fetch.max_body_bytes = max_body_bytes_;
  auto user_agent = ChooseUserAgent(user_agent_, contact_, loaded->identity);
  if (!user_agent) {
    std::fprintf(stderr, "cryptonews crawl: %s\n", user_agent.error().c_str());
    return kExitUsage;
  }
  options.fetch.user_agent = *user_agent;

  InMemoryFetchStateStore state;
  CrawlSummary summary = Crawl(sources, options, &state, [](CrawledPage&& page) {
    const FetchResult& f = page.fetch;
    // Unknown and not-applicable fields are null: no response has no status.
    nlohmann::ordered_json j = {
        {"source", page.source},
        {"url", page.candidate.url},
        {"final_url", JsonTextOrNull(f.final_url)},
        {"status", f.status == 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(f.status)},
        {"bytes", f.body.size()},
        {"content_type", JsonTextOrNull(f.content_type)},
        {"title", JsonTextOrNull(page.candidate.title)},
        {"published_at", JsonTextOrNull(page.candidate.published_at)},
        {"fetched_at", FormatUtc(f.fetched_at)},
        {"attempts", f.attempts},
        {"seconds", static_cast<double>(static_cast<int64_t>(f.seconds * 1000)) / 1000.0},
        {"skipped", JsonTextOrNull(SkipReasonName(f.skipped))},
        {"skip_detail", JsonTextOrNull(f.skip_detail)},
        {"error", JsonTextOrNull(f.error)},
    };
    std::printf("%s\n", Json(j).c_str());
    std::fflush(stdout);
  });

  if (!quiet_) {
    for (const SourceReport& r : summary.sources) {
      std::fprintf(stderr,
                   "%s: %d feeds/sitemaps ok, %d failed, %d unchanged; %d items, %d duplicates, %d too old, "
                   "%d over the limit; %d pages: %d fetched, %d not modified, %d failed, %d refused (%d robots.txt, "
                   "%d address policy, %d unsafe redirect)\n",
                   r.name.c_str(), r.listings_ok, r.listings_failed, r.listings_unchanged, r.items, r.duplicates,
                   r.too_old, r.over_limit, r.candidates, r.fetched, r.not_modified, r.failed, r.skipped,
                   r.refused_robots, r.refused_address, r.refused_redirect);
      for (const std::string& e : r.errors) std::fprintf(stderr, "  %s\n", e.c_str());
    }
    std::fprintf(stderr, "crawl: %d pages fetched in %.1f s\n", summary.pages_fetched(), summary.seconds);
  }
  return summary.ok() ? kExitOk : kExitPartial;
}

}  // namespace cn
