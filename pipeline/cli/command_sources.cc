#include "pipeline/cli/command_sources.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <map>

#include "pipeline/cli/exit_codes.h"
#include "pipeline/crawl/sources_config.h"
#include "pipeline/web/url.h"

namespace cn {

namespace {

constexpr const char* kFooter = R"(
Without --sources, ./sources.toml is used when it exists, else the built-in
default list of outlets. The file format is described at the top of the
default sources.toml. Exit codes: 0 ok, 2 the file is missing or invalid
(every problem is printed as FILE:LINE:COLUMN: message).
)";

// Problems the loader cannot see: local files that do not exist, a feed
// or sitemap listed twice.
std::vector<std::string> ExtraChecks(const LoadedSources& loaded) {
  std::vector<std::string> problems;
  std::map<std::string, std::string> owner;
  for (const SourceConfig& s : loaded.sources) {
    for (const auto* list : {&s.feeds, &s.sitemaps}) {
      for (const std::string& url : *list) {
        auto [it, inserted] = owner.emplace(url, s.name);
        std::string where = loaded.origin + ":" + std::to_string(s.line) + ": source '" + s.name + "': ";
        if (!inserted) problems.push_back(where + url + " is already listed by source '" + it->second + "'");
        if (UrlScheme(url) == "file") {
          std::error_code ec;
          if (!std::filesystem::is_regular_file(FileUrlPath(url), ec))
            problems.push_back(where + "local file " + FileUrlPath(url) + " does not exist");
        }
      }
    }
  }
  return problems;
}

}  // namespace

void SourcesCommand::Setup(CLI::App& sub) {
  sub.add_option("--sources", path_, "Sources file (TOML); default ./sources.toml or the built-in list");
  sub.add_flag("--check", check_, "Only validate the file; print problems and exit 2 when there are any");
  sub.add_option("--format", format_, "Listing format: table or jsonl")
      ->check(CLI::IsMember({"table", "jsonl"}))
      ->capture_default_str();
  sub.footer(kFooter);
}

int SourcesCommand::Run() {
  auto loaded = LoadSourcesOrDefault(path_);
  if (!loaded) {
    std::fprintf(stderr, "%s\n", loaded.error().c_str());
    return kExitUsage;
  }
  if (check_) {
    std::vector<std::string> problems = ExtraChecks(*loaded);
    for (const std::string& p : problems) std::fprintf(stderr, "%s\n", p.c_str());
    if (!problems.empty()) return kExitUsage;
    size_t feeds = 0, sitemaps = 0, enabled = 0;
    for (const SourceConfig& s : loaded->sources) {
      feeds += s.feeds.size();
      sitemaps += s.sitemaps.size();
      enabled += s.enabled;
    }
    std::printf("%s: ok: %zu sources (%zu enabled), %zu feeds, %zu sitemaps\n", loaded->origin.c_str(),
                loaded->sources.size(), enabled, feeds, sitemaps);
    return kExitOk;
  }
  if (format_ == "jsonl") {
    for (const SourceConfig& s : loaded->sources) {
      nlohmann::ordered_json j = {{"name", s.name},
                          {"homepage", s.homepage},
                          {"feeds", s.feeds},
                          {"sitemaps", s.sitemaps},
                          {"max_articles", s.max_articles},
                          {"politeness_delay_ms", s.politeness_delay.count()},
                          {"enabled", s.enabled}};
      std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    }
    return kExitOk;
  }
  std::printf("# %s\n%-20s %5s %8s %-8s %s\n", loaded->origin.c_str(), "NAME", "MAX", "DELAY", "KIND", "URL");
  for (const SourceConfig& s : loaded->sources) {
    std::string name = s.enabled ? s.name : s.name + " (off)";
    char delay[32];
    std::snprintf(delay, sizeof delay, "%.1fs", static_cast<double>(s.politeness_delay.count()) / 1000.0);
    bool first = true;
    auto row = [&](const char* kind, const std::string& url) {
      if (first) std::printf("%-20s %5d %8s %-8s %s\n", name.c_str(), s.max_articles, delay, kind, url.c_str());
      else std::printf("%-20s %5s %8s %-8s %s\n", "", "", "", kind, url.c_str());
      first = false;
    };
    for (const std::string& f : s.feeds) row("feed", f);
    for (const std::string& m : s.sitemaps) row("sitemap", m);
  }
  return kExitOk;
}

}  // namespace cn
