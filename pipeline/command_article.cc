#include "pipeline/command_article.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>

#include "pipeline/article_parser.h"
#include "pipeline/exit_codes.h"
#include "pipeline/page_file.h"

namespace cn {

namespace {

constexpr const char* kFooter = R"(
The JSON object has these fields:
  url            the page URL (--url, else the file name)
  canonical_url  <link rel=canonical> or og:url, resolved against url
  title          headline (JSON-LD, Open Graph, <title>)
  authors        list of author names
  published_at   UTC ISO 8601 (2026-02-05T22:08:00Z), "" when unknown;
  modified_at    times later than now are rejected as bogus
  language       from <html lang>, og:locale or JSON-LD
  site_name      og:site_name or the JSON-LD publisher
  charset        the charset the page was decoded with
  text           main text, paragraphs separated by blank lines
  warnings       what was odd about the page (wrong charset, bad dates, ...)

FILE may be gzip-compressed (page.html.gz). Exit codes: 0 ok, 2 unreadable
file, unsupported input or bad arguments.
)";

bool IsUrl(const std::string& s) { return s.starts_with("http://") || s.starts_with("https://"); }

}  // namespace

void ArticleCommand::Setup(CLI::App& sub) {
  sub.add_option("--format", format_, "Output format: json or text")
      ->check(CLI::IsMember({"json", "text"}))
      ->capture_default_str();
  sub.add_option("--url", url_, "URL the page was fetched from (resolves relative links)");
  sub.add_option("--charset", charset_,
                 "Charset from the HTTP Content-Type header, if known (else detected)");
  sub.add_option("input", input_, "Saved HTML page (.html or .html.gz), - for standard input, or an http(s) URL")->required();
  sub.footer(kFooter);
}

int ArticleCommand::Run() {
  if (IsUrl(input_)) {
    std::fprintf(stderr,
                 "cryptonews article: %s: fetching URLs is not available yet; save the page and "
                 "pass the file\n",
                 input_.c_str());
    return kExitUsage;
  }
  auto bytes = ReadPageFile(input_);
  if (!bytes) {
    std::fprintf(stderr, "cryptonews article: %s\n", bytes.error().c_str());
    return kExitUsage;
  }
  auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  Article a = ParseArticle(*bytes, charset_, url_.empty() ? input_ : url_, now);

  if (format_ == "text") {
    std::string out;
    out += "Title: " + a.title + "\n";
    std::string authors;
    for (const std::string& name : a.authors) authors += (authors.empty() ? "" : ", ") + name;
    out += "Authors: " + authors + "\n";
    out += "Published: " + a.published_at + "\n";
    out += "Modified: " + a.modified_at + "\n";
    out += "Language: " + a.language + "\n";
    out += "Site: " + a.site_name + "\n";
    out += "URL: " + a.canonical_url + "\n\n";
    out += a.text + "\n";
    std::fwrite(out.data(), 1, out.size(), stdout);
    for (const std::string& w : a.warnings)
      std::fprintf(stderr, "cryptonews article: warning: %s: %s\n", input_.c_str(), w.c_str());
    return kExitOk;
  }
  nlohmann::ordered_json j;
  j["url"] = a.url;
  j["canonical_url"] = a.canonical_url;
  j["title"] = a.title;
  j["authors"] = a.authors;
  j["published_at"] = a.published_at;
  j["modified_at"] = a.modified_at;
  j["language"] = a.language;
  j["site_name"] = a.site_name;
  j["charset"] = a.charset;
  j["text"] = a.text;
  j["warnings"] = a.warnings;
  std::string out = j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

}  // namespace cn
