#include "pipeline/crawl/sources_config.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline/crawl/sources_parse.h"

namespace cn::embedded {
std::string_view sources_toml();
}

namespace cn {


std::expected<std::vector<SourceConfig>, std::string> ParseSources(std::string_view text,
                                                                  const std::string& name,
                                                                  const std::string& base_dir) {
  ParsedSources parsed = ParseSourcesText(text, name, base_dir);
  if (!parsed.errors.empty()) return std::unexpected(parsed.errors);
  return std::move(parsed.sources);
}

std::expected<std::vector<SourceConfig>, std::string> LoadSources(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return std::unexpected(path + ": is a directory, not a sources file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::unexpected(path + ": cannot open the sources file");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::unexpected(path + ": read error");
  std::string dir = std::filesystem::path(path).parent_path().string();
  return ParseSources(text.str(), path, dir);
}

std::string_view DefaultSourcesToml() { return embedded::sources_toml(); }

std::expected<LoadedSources, std::string> LoadSourcesOrDefault(const std::string& path) {
  std::string chosen = path;
  std::error_code ec;
  if (chosen.empty() && std::filesystem::exists("sources.toml", ec)) chosen = "sources.toml";
  LoadedSources loaded;
  if (chosen.empty()) {
    loaded.origin = "<built-in sources.toml>";
    auto sources = ParseSources(DefaultSourcesToml(), loaded.origin, "");
    if (!sources) return std::unexpected(sources.error());
    loaded.sources = std::move(*sources);
    return loaded;
  }
  auto sources = LoadSources(chosen);
  if (!sources) return std::unexpected(sources.error());
  loaded.origin = chosen;
  loaded.sources = std::move(*sources);
  return loaded;
}

}  // namespace cn
