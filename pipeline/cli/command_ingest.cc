#include "pipeline/cli/command_ingest.h"

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "extractors/figure_extractor.h"
#include "pipeline/cli/crawl_flags.h"
#include "pipeline/cli/date_flag.h"
#include "pipeline/cli/exit_codes.h"
#include "pipeline/cli/whole_number.h"
#include "pipeline/cli/progress_display.h"
#include "pipeline/cli/stop_signal.h"
#include "pipeline/crawl/sources_config.h"
#include "pipeline/ingest/crawl_feed.h"
#include "pipeline/ingest/ingestor.h"
#include "pipeline/store/article_store.h"
#include "pipeline/store/database_file.h"
#include "pipeline/store/ingest_lock.h"
#include "pipeline/store/sqlite_fetch_state.h"

namespace cn {

void IngestCommand::Setup(CLI::App& sub) {
  db_path_ = kDefaultDatabasePath;
  sub.add_option("--sources", sources_path_, "Sources file (TOML); default ./sources.toml, else the list built into cryptonews");
  sub.add_option("--db", db_path_, "SQLite database file (created if missing)")->capture_default_str();
  sub.add_option("--since", since_, std::string("Skip articles published before this: ") + kDateFlagForms);
  sub.add_option("--max-articles", max_articles_, kMaxArticlesHelp)
      ->transform(WholeNumber(0, kMaxArticlesLimit))
      ->capture_default_str();
  auto* quiet = sub.add_flag("--quiet,-q", quiet_, "Print only errors (no progress, no summary)");
  sub.add_flag("--verbose,-v", verbose_, "Print a line per source and per article")->excludes(quiet);
  sub.add_option("--user-agent", user_agent_, kUserAgentHelp);
  sub.add_option("--contact", contact_, kContactHelp);
  sub.add_option("--politeness-ms", politeness_ms_, kPolitenessHelp)->transform(WholeNumber(0, 600000));
  sub.add_flag("--allow-private", allow_private_, kAllowPrivateHelp);
  sub.footer(
      "Idempotent: an article already stored with the same content is skipped; one whose\n"
      "content changed is updated and its figures replaced. Each article is written in one\n"
      "transaction, so a killed run loses nothing committed; the next run completes it.\n"
      "Only one ingest or reprocess runs per database at a time (lock file <db>.lock).\n"
      "Progress is shown on a terminal; in cron only errors and a one-line summary.\n"
      "Exit codes: 0 all sources ok, 1 some sources or articles failed (see 'query recent-runs'),\n"
      "2 bad arguments, sources file, or a --db that is not a cryptonews database, 3 fatal (database),\n"
      "4 another ingest holds the database, 5 stopped by SIGTERM or SIGINT (the article being stored is finished, the run is recorded as\n"
      "'interrupted' and the next run completes the rest; a second signal ends it at once),\n"
      "6 nothing worked: every feed and sitemap failed, or every page failed (run status 'failed').");
}

int IngestCommand::Run() {
  IngestOptions options;
  if (!ReadDateFlag("ingest", "--since", since_, &options.since)) return kExitUsage;

  // Everything that can be refused is checked before the lock file or the
  // database is created.
  auto sources = LoadSourcesOrDefault(sources_path_);
  if (!sources) {
    std::fprintf(stderr, "cryptonews ingest: %s\n", sources.error().c_str());
    return kExitUsage;
  }
  auto user_agent = ChooseUserAgent(user_agent_, contact_, sources->identity);
  if (!user_agent) {
    std::fprintf(stderr, "cryptonews ingest: %s\n", user_agent.error().c_str());
    return kExitUsage;
  }
  if (auto usable = CheckWritableDatabaseFile(db_path_); !usable) {
    std::fprintf(stderr, "cryptonews ingest: %s\n", usable.error().c_str());
    return kExitUsage;
  }
  auto lock = IngestLock::Acquire(db_path_);
  if (!lock) {
    std::fprintf(stderr, "cryptonews ingest: %s\n", lock.error().message.c_str());
    return lock.error().error == IngestLock::Error::kBusy ? kExitBusy : kExitFatal;
  }
  auto store = ArticleStore::Open(db_path_);
  if (!store) {
    std::fprintf(stderr, "cryptonews ingest: %s\n", store.error().c_str());
    return kExitFatal;
  }
  auto fetch_state = SqliteFetchStateStore::Create(store->db());
  if (!fetch_state) {
    std::fprintf(stderr, "cryptonews ingest: %s\n", fetch_state.error().c_str());
    return kExitFatal;
  }
  CrawlOptions crawl;
  crawl.since = options.since;
  crawl.max_articles = max_articles_;
  crawl.fetch.allow_private_addresses = allow_private_;
  crawl.fetch.user_agent = *user_agent;
  if (politeness_ms_ >= 0) {
    crawl.use_source_delays = false;
    crawl.fetch.politeness_delay = std::chrono::milliseconds(politeness_ms_);
  }
  // From here on SIGTERM/SIGINT ask the crawl and the store loop to stop.
  StopSignals stop_signals;
  crawl.fetch.cancelled = &StopSignals::StopRequested;
  crawl.should_stop = &StopSignals::StopRequested;
  options.stop_requested = &StopSignals::StopRequested;
  Verbosity verbosity = quiet_ ? Verbosity::kQuiet : verbose_ ? Verbosity::kVerbose : Verbosity::kNormal;
  ProgressDisplay display(stderr, isatty(fileno(stderr)) != 0, verbosity, "ingest");
  crawl.fetch.on_wait = [&display] { display.Tick(); };
  CrawlFeed feed(std::move(sources->sources), crawl, **fetch_state);

  const FigureExtractor extractor;
  Ingestor ingestor(*store, extractor, DefaultSentimentScorer(), display, options);
  IngestResult result = ingestor.Run(feed);
  if (!feed.state_error().empty()) display.Error(feed.state_error());

  if (!result.fatal_error.empty()) {
    display.Error(result.fatal_error);
    display.Summary("run " + std::to_string(result.run_id) + " failed after " + SummaryLine(result.counts));
    return kExitFatal;
  }
  char timing[64];
  std::snprintf(timing, sizeof timing, " (run %lld, %.1f s)", static_cast<long long>(result.run_id),
                display.ElapsedSeconds());
  std::string line = SummaryLine(result.counts);
  if (result.skipped_old > 0) line += "; " + std::to_string(result.skipped_old) + " older than --since";
  if (result.status == RunStatus::kInterrupted) {
    // Through Error(): shown even with --quiet, so cron mail says why the run ended early.
    display.Error("run " + std::to_string(result.run_id) + " interrupted by " + StopSignals::SignalName() + " after " + line);
    return kExitInterrupted;
  }
  if (result.nothing_worked) {
    const bool feeds_dead = result.counts.feeds_ok == 0;
    display.Error("run " + std::to_string(result.run_id) + " failed: " +
                  (feeds_dead ? "every feed and sitemap failed" : "every page failed") +
                  " (network or DNS down?); " + line);
    return kExitNothingWorked;
  }
  display.Summary(line + timing);
  return result.status == RunStatus::kOk ? kExitOk : kExitPartial;
}

}  // namespace cn
