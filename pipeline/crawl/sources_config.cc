#include "pipeline/crawl/sources_config.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline/crawl/sources_parse.h"
#include "pipeline/web/bounded_file.h"

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

namespace {

// The text of the sources file at `path`, at most kMaxSourcesFileBytes.
std::expected<std::string, std::string> ReadSourcesFile(const std::string& path) {
  return ReadBoundedFile(path, kMaxSourcesFileBytes, "sources file");
}

// Parses `text` (read from `origin`, relative paths against `base_dir`).
std::expected<LoadedSources, std::string> Parse(std::string_view text, const std::string& origin,
                                                const std::string& base_dir) {
  ParsedSources parsed = ParseSourcesText(text, origin, base_dir);
  if (!parsed.errors.empty()) return std::unexpected(parsed.errors);
  return LoadedSources{std::move(parsed.sources), std::move(parsed.identity), origin};
}

}  // namespace

std::expected<std::vector<SourceConfig>, std::string> LoadSources(const std::string& path) {
  auto text = ReadSourcesFile(path);
  if (!text) return std::unexpected(text.error());
  return ParseSources(*text, path, std::filesystem::path(path).parent_path().string());
}

std::string_view DefaultSourcesToml() { return embedded::sources_toml(); }

std::expected<LoadedSources, std::string> LoadSourcesOrDefault(const std::string& path) {
  std::string chosen = path;
  std::error_code ec;
  if (chosen.empty() && std::filesystem::exists("sources.toml", ec)) chosen = "sources.toml";
  if (chosen.empty()) return Parse(DefaultSourcesToml(), "<built-in sources.toml>", "");
  auto text = ReadSourcesFile(chosen);
  if (!text) return std::unexpected(text.error());
  return Parse(*text, chosen, std::filesystem::path(chosen).parent_path().string());
}

}  // namespace cn
