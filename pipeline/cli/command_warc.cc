#include "pipeline/cli/command_warc.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "extractors/figure_extractor.h"
#include "pipeline/cli/crawl_flags.h"
#include "pipeline/cli/exit_codes.h"
#include "pipeline/web/bounded_file.h"
#include "pipeline/cli/whole_number.h"
#include "pipeline/cli/figure_writer.h"
#include "pipeline/cli/json_text.h"
#include "pipeline/cli/progress_display.h"
#include "pipeline/cli/stop_signal.h"
#include "pipeline/crawl/sources_config.h"
#include "pipeline/ingest/warc_ingestor.h"
#include "pipeline/store/article_store.h"
#include "pipeline/store/ingest_lock.h"

namespace cn {
namespace {

constexpr const char* kFooter = R"(
Inputs: WARC 1.0 or 1.1 files, uncompressed, gzip per record (as CC-NEWS) or one
gzip stream; a path, - for standard input, or an http(s) URL (streamed with the
crawler's limits: http(s) only, robots.txt, no private addresses past the first hop).

response and resource records with an HTML payload go through the article parser,
extractor and sentiment as a crawled page would: WARC-Target-URI is the URL,
WARC-Date the fetch time, the HTTP headers give charset and Content-Encoding.
Other records (warcinfo, request, metadata, revisit, non-HTML, non-2xx) are skipped
and counted by reason.

Crypto rule (default, --only-crypto): a page is kept when its host or a parent
domain is a host of the sources file (--sources, else the built-in one), or the
asset lexicon finds a crypto asset in its title or at least 3 asset mentions in
its text. --all keeps every article; --hosts FILE (one host a line) keeps only
pages of those hosts (and their subdomains).

--db (default cryptonews.db): the same schema as ingest, idempotent by canonical URL
and content hash (of two versions of a page the later WARC-Date wins, so any order of
files gives the same database); the source is the page's host. Articles are
committed in batches (--batch articles or --batch-ms, whichever first), with how far
each file was read: a killed run resumes after the last committed record, and a file
read to the end is skipped on a rerun (--from-start reads it again).

--format jsonl: one JSON object per kept article on stdout (input, offset,
record_id, url, canonical_url, source, title, authors, published_at, modified_at,
fetched_at, language, site_name, text, figures, sentiment); nothing is stored.

Bad input (truncated gzip member, lying or missing Content-Length, a record above
--max-record-bytes, junk between records) is reported with the file and byte
offset and the reading goes on. Exit codes: 0 ok, 1 finished with problems in the
input or failed articles (see 'query recent-runs'), 2 bad arguments or a missing
file, 3 database error, 4 another writer holds the database, 5 stopped by SIGTERM
or SIGINT (committed work kept; a rerun resumes).
)";

std::string ArticleJsonLine(const WarcKeptArticle& k) {
  const ArticleRecord& a = k.article;
  nlohmann::ordered_json j;
  j["input"] = k.input;
  j["offset"] = k.record.offset;
  j["record_id"] = std::string(k.record.Field("WARC-Record-ID"));
  j["url"] = a.url;
  j["canonical_url"] = a.canonical_url;
  j["source"] = a.source;
  j["title"] = JsonTextOrNull(a.title);
  j["authors"] = a.authors;
  j["published_at"] = JsonTextOrNull(a.published_at);
  j["modified_at"] = JsonTextOrNull(a.modified_at);
  j["fetched_at"] = a.fetched_at;
  j["language"] = JsonTextOrNull(a.language);
  j["site_name"] = JsonTextOrNull(a.site_name);
  j["text"] = a.text;
  nlohmann::ordered_json figures = nlohmann::ordered_json::array();
  for (const Figure& f : k.figures) figures.push_back(nlohmann::ordered_json::parse(FigureToJson(f)));
  j["figures"] = std::move(figures);
  if (k.sentiment == nullptr) {
    j["sentiment"] = nullptr;
  } else {
    nlohmann::ordered_json s;
    s["score"] = k.sentiment->score;
    s["label"] = std::string(ToString(k.sentiment->label));
    s["assets"] = nlohmann::ordered_json::array();
    for (const AssetSentiment& as : k.sentiment->assets)
      s["assets"].push_back({{"asset", as.asset}, {"score", as.score}, {"label", std::string(ToString(as.label))},
                             {"sentences", as.sentences}});
    j["sentiment"] = std::move(s);
  }
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace

void WarcCommand::Setup(CLI::App& sub) {
  db_path_ = kDefaultDatabasePath;
  sub.add_option("inputs", inputs_, "WARC files (.warc, .warc.gz), - for standard input, or http(s) URLs")
      ->required();
  auto* db = sub.add_option("--db", db_path_, "SQLite database file (created if missing)")->capture_default_str();
  sub.add_option("--format", format_, "Print articles instead of storing them: jsonl")
      ->check(CLI::IsMember({"jsonl"}))
      ->excludes(db);
  auto* only = sub.add_flag("--only-crypto", only_crypto_, "Keep only crypto articles (the default; rule below)");
  sub.add_flag("--all", all_, "Keep every article")->excludes(only);
  sub.add_option("--hosts", hosts_path_, "Keep only pages of the hosts listed in this file (one a line)");
  sub.add_option("--sources", sources_path_, "Sources file whose hosts count as crypto outlets");
  sub.add_flag("--from-start", from_start_, "Read inputs from the start even if an earlier run read them");
  sub.add_option("--batch", batch_articles_, "Articles per transaction")
      ->transform(WholeNumber(1, 100000))
      ->capture_default_str();
  sub.add_option("--batch-ms", batch_ms_, "Longest a transaction stays open, in milliseconds")
      ->transform(WholeNumber(1, 600000))
      ->capture_default_str();
  sub.add_option("--max-record-bytes", max_record_bytes_, "Skip records larger than this (default 32 MiB)")
      ->transform(WholeNumber(1024, int64_t{1} << 40));
  auto* quiet = sub.add_flag("--quiet,-q", quiet_, "Print only errors (no progress, no summary)");
  sub.add_flag("--verbose,-v", verbose_, "Print a line per article")->excludes(quiet);
  sub.add_option("--user-agent", user_agent_, "URL inputs: " + std::string(kUserAgentHelp));
  sub.add_option("--contact", contact_, "URL inputs: " + std::string(kContactHelp));
  sub.add_flag("--allow-private", allow_private_,
               "URL inputs may redirect to loopback/private addresses (for tests on 127.0.0.1)");
  sub.footer(kFooter);
}

int WarcCommand::Run() {
  // Missing files are bad arguments: said before anything is opened.
  for (const std::string& input : inputs_) {
    if (input == "-" || input.starts_with("http://") || input.starts_with("https://")) continue;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(input, ec) && !std::filesystem::is_fifo(input, ec)) {
      std::fprintf(stderr, "cryptonews warc: %s: %s\n", input.c_str(),
                   std::filesystem::exists(input, ec) ? "not a regular file" : "no such file");
      return kExitUsage;
    }
  }
  WarcIngestOptions options;
  options.only_crypto = !all_;
  options.from_start = from_start_;
  options.bulk = {batch_articles_, std::chrono::milliseconds(batch_ms_)};
  if (max_record_bytes_ > 0) options.max_record_bytes = static_cast<size_t>(max_record_bytes_);
  options.allow_private_addresses = allow_private_;
  if (!hosts_path_.empty()) {
    // A million hosts fit in 64 MiB; /dev/zero does not.
    auto text = ReadBoundedFile(hosts_path_, size_t{64} << 20, "hosts file");
    if (!text) {
      std::fprintf(stderr, "cryptonews warc: --hosts: %s\n", text.error().c_str());
      return kExitUsage;
    }
    options.hosts = HostSet::Parse(*text);
    if (options.hosts->size() == 0) {
      std::fprintf(stderr, "cryptonews warc: --hosts: %s lists no host\n", hosts_path_.c_str());
      return kExitUsage;
    }
  }
  // The sources file gives the crypto outlets and, for URL inputs, who we are.
  auto sources = LoadSourcesOrDefault(sources_path_);
  if (!sources) {
    std::fprintf(stderr, "cryptonews warc: %s\n", sources.error().c_str());
    return kExitUsage;
  }
  if (options.only_crypto) options.outlets = HostSet::FromSources(sources->sources);
  auto user_agent = ChooseUserAgent(user_agent_, contact_, sources->identity);
  if (!user_agent) {
    std::fprintf(stderr, "cryptonews warc: %s\n", user_agent.error().c_str());
    return kExitUsage;
  }
  options.user_agent = *user_agent;

  const bool to_stdout = format_ == "jsonl";
  std::optional<IngestLock> lock;
  std::optional<ArticleStore> store;
  if (!to_stdout) {
    auto locked = IngestLock::Acquire(db_path_);
    if (!locked) {
      std::fprintf(stderr, "cryptonews warc: %s\n", locked.error().message.c_str());
      return locked.error().error == IngestLock::Error::kBusy ? kExitBusy : kExitFatal;
    }
    lock.emplace(std::move(*locked));
    auto opened = ArticleStore::Open(db_path_);
    if (!opened) {
      std::fprintf(stderr, "cryptonews warc: %s\n", opened.error().c_str());
      return kExitFatal;
    }
    store.emplace(std::move(*opened));
  }

  StopSignals stop_signals;
  options.stop_requested = &StopSignals::StopRequested;
  Verbosity verbosity = quiet_ ? Verbosity::kQuiet : verbose_ ? Verbosity::kVerbose : Verbosity::kNormal;
  ProgressDisplay display(stderr, isatty(fileno(stderr)) != 0, verbosity, "warc");
  const FigureExtractor extractor;
  WarcIngestor ingestor(store ? &*store : nullptr, extractor, DefaultSentimentScorer(), display, options);
  ingestor.on_article = [](const WarcKeptArticle& k) {
    const std::string line = ArticleJsonLine(k);
    std::fwrite(line.data(), 1, line.size(), stdout);
  };
  WarcRunResult result = ingestor.Run(inputs_);
  std::fflush(stdout);

  const RunCounts& c = result.counts;
  std::string line = (result.run_id > 0 ? "run " + std::to_string(result.run_id) + ": " : std::string()) +
                     result.RecordsLine() + "; " + std::to_string(c.articles_new) + " new, " +
                     std::to_string(c.articles_updated) + " updated, " + std::to_string(c.articles_unchanged) +
                     " unchanged, " + std::to_string(c.articles_failed) + " failed articles; " +
                     std::to_string(c.figures) + " figures; inputs: " + std::to_string(c.feeds_ok) + " read, " +
                     std::to_string(c.feeds_failed) + " failed";
  if (!result.fatal_error.empty()) {
    display.Error(result.fatal_error);
    display.Summary("failed after " + line);
    return kExitFatal;
  }
  if (result.status == RunStatus::kInterrupted) {
    display.Error("interrupted by " + std::string(StopSignals::SignalName()) + " after " + line);
    return kExitInterrupted;
  }
  char timing[32];
  std::snprintf(timing, sizeof timing, " (%.1f s)", display.ElapsedSeconds());
  display.Summary(line + timing);
  return result.status == RunStatus::kOk ? kExitOk : kExitPartial;
}

}  // namespace cn
