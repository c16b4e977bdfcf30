#include "pipeline/crawl/sources_parse.h"

#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include "pipeline/web/ascii_text.h"
#include "pipeline/web/url.h"

namespace cn {

namespace {

// Every error is one line that starts with the file's name (callers and
// scripts split on newlines), so a newline inside a message, from a quoted
// value or from toml++'s own description, is written as the two characters \n.
std::string OneLine(std::string_view message) {
  std::string out;
  out.reserve(message.size());
  for (char c : message) {
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  return out;
}

class Validator {
 public:
  Validator(const std::string& name, const std::string& base_dir) : name_(name), base_dir_(base_dir) {}

  void Error(const toml::node* node, const std::string& message) {
    int line = 0, column = 0;
    if (node != nullptr) {
      line = static_cast<int>(node->source().begin.line);
      column = static_cast<int>(node->source().begin.column);
    }
    std::ostringstream out;
    out << name_;
    if (line > 0) out << ":" << line << ":" << column;
    out << ": " << OneLine(message);
    errors_.push_back(out.str());
  }

  bool ReadInt(const toml::table& table, std::string_view key, const std::string& where, int64_t low,
               int64_t high, int64_t* out) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return false;
    auto value = node->value_exact<int64_t>();
    if (!value || *value < low || *value > high) {
      Error(node, where + "key '" + std::string(key) + "' must be an integer from " + std::to_string(low) +
                      " to " + std::to_string(high));
      return false;
    }
    *out = *value;
    return true;
  }

  void ReadLimits(const toml::table& table, const std::string& where, SourceConfig* config) {
    int64_t v = 0;
    if (ReadInt(table, "max_articles", where, 1, kMaxArticlesLimit, &v)) config->max_articles = static_cast<int>(v);
    if (ReadInt(table, "politeness_delay_ms", where, 0, 600000, &v))
      config->politeness_delay = std::chrono::milliseconds(v);
  }

  // A feed/sitemap entry: URL or path → canonical URL.
  std::optional<std::string> Location(const toml::node& node, const std::string& where) {
    auto text = node.value_exact<std::string>();
    if (!text || text->empty()) {
      Error(&node, where + "entries must be non-empty strings (URLs or paths)");
      return std::nullopt;
    }
    std::string scheme = UrlScheme(*text);
    if (scheme.empty()) {
      std::filesystem::path path(*text);
      if (path.is_relative() && !base_dir_.empty()) path = std::filesystem::path(base_dir_) / path;
      std::error_code ec;
      auto absolute = std::filesystem::absolute(path, ec).lexically_normal();
      auto url = ec ? std::nullopt : CanonicalizeUrl("file://" + absolute.string());
      if (!url) Error(&node, where + "cannot turn path '" + *text + "' into a file: URL");
      return url;
    }
    if (scheme != "http" && scheme != "https" && scheme != "file") {
      Error(&node, where + "'" + *text + "' uses scheme '" + scheme + "'; only http, https and file are allowed");
      return std::nullopt;
    }
    auto url = CanonicalizeUrl(*text);
    if (!url) Error(&node, where + "'" + *text + "' is not a valid URL");
    return url;
  }

  void ReadLocations(const toml::table& table, std::string_view key, const std::string& where,
                     std::vector<std::string>* out) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return;
    const toml::array* array = node->as_array();
    if (array == nullptr) {
      Error(node, where + "key '" + std::string(key) + "' must be an array of strings");
      return;
    }
    for (const toml::node& item : *array)
      if (auto url = Location(item, where + "key '" + std::string(key) + "': ")) out->push_back(*url);
  }

  void CheckKeys(const toml::table& table, std::initializer_list<std::string_view> allowed,
                 const std::string& where) {
    for (const auto& [key, node] : table) {
      if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
        std::string list;
        for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        Error(&node, where + "unknown key '" + std::string(key.str()) + "' (known: " + list + ")");
      }
    }
  }

  // A header value (user_agent, contact): printable ASCII only, so it can
  // never end the header line or start another.
  void ReadHeaderText(const toml::table& table, std::string_view key, const std::string& where, std::string* out) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return;
    auto text = node->value_exact<std::string>();
    if (!text || !IsHeaderText(*text)) {
      Error(node, where + "key '" + std::string(key) + "' must be a non-empty string of printable ASCII, at most " +
                      std::to_string(kMaxHeaderTextBytes) + " characters");
      return;
    }
    *out = *text;
  }

  std::vector<SourceConfig> Read(const toml::table& root, CrawlerIdentity* identity) {
    CheckKeys(root, {"defaults", "sources"}, "");
    SourceConfig defaults;
    if (const toml::node* node = root.get("defaults")) {
      if (const toml::table* table = node->as_table()) {
        CheckKeys(*table, {"max_articles", "politeness_delay_ms", "user_agent", "contact"}, "[defaults]: ");
        ReadLimits(*table, "[defaults]: ", &defaults);
        ReadHeaderText(*table, "user_agent", "[defaults]: ", &identity->user_agent);
        ReadHeaderText(*table, "contact", "[defaults]: ", &identity->contact);
      } else {
        Error(node, "'defaults' must be a table");
      }
    }
    std::vector<SourceConfig> sources;
    const toml::node* list = root.get("sources");
    if (list == nullptr) {
      Error(nullptr, "no [[sources]] entries");
      return sources;
    }
    const toml::array* array = list->as_array();
    if (array == nullptr || !array->is_array_of_tables()) {
      Error(list, "'sources' must be written as [[sources]] tables");
      return sources;
    }
    std::set<std::string> names;
    size_t index = 0;
    for (const toml::node& node : *array) {
      ++index;
      const toml::table& table = *node.as_table();
      SourceConfig source = defaults;
      source.line = static_cast<int>(node.source().begin.line);
      std::string where = "sources[" + std::to_string(index) + "]: ";
      const toml::node* name = table.get("name");
      auto name_text = name != nullptr ? name->value_exact<std::string>() : std::nullopt;
      if (!name_text || name_text->empty()) {
        Error(name != nullptr ? name : &node, where + "key 'name' must be a non-empty string");
      } else {
        source.name = *name_text;
        where = "source '" + source.name + "': ";
        if (!names.insert(ascii::ToLower(source.name)).second) Error(name, where + "duplicate name");
      }
      CheckKeys(table, {"name", "homepage", "feeds", "sitemaps", "max_articles", "politeness_delay_ms", "enabled"},
                where);
      if (const toml::node* homepage = table.get("homepage")) {
        auto text = homepage->value_exact<std::string>();
        if (!text || !IsHttpUrl(*text)) Error(homepage, where + "key 'homepage' must be an http(s) URL");
        else source.homepage = *text;
      }
      if (const toml::node* enabled = table.get("enabled")) {
        auto value = enabled->value_exact<bool>();
        if (!value) Error(enabled, where + "key 'enabled' must be true or false");
        else source.enabled = *value;
      }
      const size_t errors_before = errors_.size();
      ReadLocations(table, "feeds", where, &source.feeds);
      ReadLocations(table, "sitemaps", where, &source.sitemaps);
      // Empty lists ('feeds = []') give nothing to crawl, as missing keys do;
      // a list whose entries were all refused has its own errors already.
      if (source.feeds.empty() && source.sitemaps.empty() && errors_.size() == errors_before)
        Error(&node, where + "needs at least one of 'feeds' or 'sitemaps'");
      ReadLimits(table, where, &source);
      sources.push_back(std::move(source));
    }
    return sources;
  }

  bool ok() const { return errors_.empty(); }
  std::string Joined() const {
    std::string out;
    for (const std::string& e : errors_) out += (out.empty() ? "" : "\n") + e;
    return out;
  }

 private:
  std::string name_;
  std::string base_dir_;
  std::vector<std::string> errors_;
};

}  // namespace

bool IsHeaderText(std::string_view text) {
  return !text.empty() && text.size() <= kMaxHeaderTextBytes &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c <= 0x7e; });
}

ParsedSources ParseSourcesText(std::string_view text, const std::string& name, const std::string& base_dir) {
  ParsedSources parsed;
  toml::table root;
  try {
    root = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    std::ostringstream out;
    out << name << ":" << e.source().begin.line << ":" << e.source().begin.column << ": " << OneLine(e.description());
    parsed.errors = out.str();
    return parsed;
  }
  Validator validator(name, base_dir);
  parsed.sources = validator.Read(root, &parsed.identity);
  if (!validator.ok()) {
    parsed.sources.clear();
    parsed.identity = {};
    parsed.errors = validator.Joined();
  }
  return parsed;
}

}  // namespace cn
