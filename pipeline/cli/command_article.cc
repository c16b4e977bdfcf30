#include "pipeline/cli/command_article.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>

#include "pipeline/article/article_parser.h"
#include "pipeline/cli/exit_codes.h"
#include "pipeline/cli/json_text.h"
#include "pipeline/cli/page_file.h"
#include "pipeline/fetch/curl_fetcher.h"
#include "pipeline/web/url.h"

namespace cn {

namespace {

constexpr const char* kFooter = R"(
The JSON object has these fields:
  url            the page URL (--url, else the file name)
  canonical_url  <link rel=canonical> or og:url, resolved against url
  title          headline (JSON-LD, Open Graph, <title>)
  authors        list of author names
  published_at   UTC ISO 8601 (2026-02-05T22:08:00Z);
  modified_at    times later than now are rejected as bogus
  language       from <html lang>, og:locale or JSON-LD
  site_name      og:site_name or the JSON-LD publisher
  charset        the charset the page was decoded with
  text           main text, paragraphs separated by blank lines ("" when none)
  warnings       what was odd about the page (wrong charset, bad dates, ...)
A field the page does not state is null (authors: an empty list).

FILE may be gzip-compressed (page.html.gz). A URL is fetched once (robots.txt
obeyed, http and https only, the usual size and time limits); the HTTP
Content-Type charset then takes part in charset detection. Exit codes: 0 ok,
2 unreadable file, failed fetch or bad arguments.
)";

// One page, fetched with the crawler's limits. The URL is typed by the
// operator, so (as for a sources file) its first hop may be a private
// address; redirects may not.
FetchResult FetchOne(const std::string& url) {
  CurlFetcher fetcher(FetcherOptions{});
  FetchRequest request;
  request.url = url;
  request.operator_supplied = true;
  request.conditional = false;
  fetcher.Add(std::move(request));
  FetchResult out;
  out.url = url;
  out.error = "no result";
  fetcher.Run([&](FetchResult&& r) { out = std::move(r); });
  return out;
}

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
  auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  std::string page, content_type = charset_, page_url = url_.empty() ? input_ : url_;
  if (IsHttpUrl(input_)) {
    FetchResult fetched = FetchOne(input_);
    if (!fetched.ok()) {
      std::string why = !fetched.error.empty() ? fetched.error
                        : fetched.skipped != SkipReason::kNone
                            ? std::string("skipped (") + SkipReasonName(fetched.skipped) + "): " + fetched.skip_detail
                            : "HTTP status " + std::to_string(fetched.status);
      std::fprintf(stderr, "cryptonews article: %s: %s\n", input_.c_str(), why.c_str());
      return kExitUsage;
    }
    page = std::move(fetched.body);
    if (content_type.empty()) content_type = fetched.content_type;
    if (url_.empty()) page_url = fetched.final_url.empty() ? input_ : fetched.final_url;
  } else {
    auto bytes = ReadPageFile(input_);
    if (!bytes) {
      std::fprintf(stderr, "cryptonews article: %s\n", bytes.error().c_str());
      return kExitUsage;
    }
    page = std::move(*bytes);
  }
  Article a = ParseArticle(page, content_type, page_url, now);

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
  j["canonical_url"] = JsonTextOrNull(a.canonical_url);
  j["title"] = JsonTextOrNull(a.title);
  j["authors"] = a.authors;
  j["published_at"] = JsonTextOrNull(a.published_at);
  j["modified_at"] = JsonTextOrNull(a.modified_at);
  j["language"] = JsonTextOrNull(a.language);
  j["site_name"] = JsonTextOrNull(a.site_name);
  j["charset"] = JsonTextOrNull(a.charset);
  j["text"] = a.text;
  j["warnings"] = a.warnings;
  std::string out = j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

}  // namespace cn
