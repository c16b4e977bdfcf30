#include "pipeline/cli/command_reprocess.h"

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "extractors/figure_extractor.h"
#include "extractors/version.h"
#include "pipeline/cli/exit_codes.h"
#include "pipeline/cli/progress_display.h"
#include "pipeline/ingest/article_bounds.h"
#include "pipeline/cli/stop_signal.h"
#include "pipeline/ingest/ingestor.h"
#include "pipeline/ingest/sentiment_scorer.h"
#include "pipeline/store/article_store.h"
#include "pipeline/store/database_file.h"
#include "pipeline/store/ingest_lock.h"

namespace cn {

void ReprocessCommand::Setup(CLI::App& sub) {
  db_path_ = kDefaultDatabasePath;
  sub.add_option("--db", db_path_, "SQLite database file")->capture_default_str();
  sub.add_flag("--all", all_, "Reprocess every article, not only those from other extractor versions");
  auto* quiet = sub.add_flag("--quiet,-q", quiet_, "Print only errors");
  sub.add_flag("--verbose,-v", verbose_, "Print a line per article")->excludes(quiet);
  sub.footer(
      "Each article's figures (and sentiment) are replaced in one transaction; an interrupted\n"
      "reprocess is resumed by running it again. Takes the same lock as ingest.\n"
      "SIGTERM or SIGINT stops it after the article being written; the run is recorded as\n"
      "'interrupted' and the next reprocess does the rest.\n"
      "Exit codes: 0 ok, 1 some articles failed, 2 --db is not a cryptonews database, 3 database error,\n"
      "4 the database is busy, 5 stopped by SIGTERM or SIGINT.");
}

int ReprocessCommand::Run() {
  if (auto usable = CheckWritableDatabaseFile(db_path_); !usable) {
    std::fprintf(stderr, "cryptonews reprocess: %s\n", usable.error().c_str());
    return kExitUsage;
  }
  auto lock = IngestLock::Acquire(db_path_);
  if (!lock) {
    std::fprintf(stderr, "cryptonews reprocess: %s\n", lock.error().message.c_str());
    return lock.error().error == IngestLock::Error::kBusy ? kExitBusy : kExitFatal;
  }
  auto store = ArticleStore::Open(db_path_);
  if (!store) {
    std::fprintf(stderr, "cryptonews reprocess: %s\n", store.error().c_str());
    return kExitFatal;
  }
  SentimentScorer scorer = DefaultSentimentScorer();
  std::optional<int> sentiment_version;
  if (scorer) sentiment_version = scorer.version;
  auto ids = store->ArticlesToReprocess(all_, kExtractorVersion, sentiment_version);
  if (!ids) {
    std::fprintf(stderr, "cryptonews reprocess: %s\n", ids.error().c_str());
    return kExitFatal;
  }
  auto run_id = store->BeginRun("reprocess");
  if (!run_id) {
    std::fprintf(stderr, "cryptonews reprocess: %s\n", run_id.error().c_str());
    return kExitFatal;
  }

  Verbosity verbosity = quiet_ ? Verbosity::kQuiet : verbose_ ? Verbosity::kVerbose : Verbosity::kNormal;
  ProgressDisplay display(stderr, isatty(fileno(stderr)) != 0, verbosity, "reprocess");
  display.PagesExpected(static_cast<int>(std::min<size_t>(ids->size(), INT32_MAX)));
  const FigureExtractor extractor;
  RunCounts counts;
  std::vector<FeedError> errors;
  size_t notes = 0;  // entries of `errors` that are no failure (figures capped)
  std::string fatal;
  // From here on SIGTERM/SIGINT end the loop between articles, as in ingest.
  StopSignals stop_signals;
  bool interrupted = false;
  for (int64_t id : *ids) {
    if (StopSignals::StopRequested()) {
      interrupted = true;
      break;
    }
    auto stored = store->LoadText(id);
    if (!stored) {
      fatal = stored.error();
      break;
    }
    std::vector<Figure> figures = extractor.Extract(stored->text);
    // The same per-article cap as ingest (ingest/article_bounds.h).
    if (size_t dropped = CapFigures(figures); dropped > 0) {
      ++notes;
      errors.push_back({"", stored->canonical_url,
                        "only the first " + std::to_string(kMaxFiguresPerArticle) + " figures are stored; " +
                            std::to_string(dropped) + " more dropped"});
    }
    ArticleSentiment sentiment;
    SentimentToStore to_store;
    if (scorer) {
      sentiment = scorer.score({stored->title, stored->text, figures});
      to_store = {&sentiment, scorer.version};
    }
    auto written = store->ReplaceDerived(id, figures, kExtractorVersion, to_store);
    if (!written) {
      if (written.error().kind != StoreErrorKind::kBadArticle) {
        fatal = written.error().message;
        break;
      }
      ++counts.articles_failed;
      errors.push_back({"", stored->canonical_url, written.error().message});
      display.ArticleFailed(stored->canonical_url + ": " + written.error().message);
      continue;
    }
    ++counts.articles_updated;
    counts.figures += *written;
    display.ArticleDone("updated", stored->canonical_url, static_cast<size_t>(*written));
  }
  if (auto e = store->CheckpointError()) {
    errors.push_back({"", db_path_, *e});
    display.Error(*e);
  }
  // Every failed article left an error, so errors beyond the notes mean "partial".
  RunStatus status = !fatal.empty()          ? RunStatus::kFailed
                     : interrupted           ? RunStatus::kInterrupted
                     : errors.size() > notes ? RunStatus::kPartial
                                             : RunStatus::kOk;
  if (!fatal.empty()) {
    errors.push_back({"", db_path_, fatal});
    display.Error(fatal);
  }
  if (auto r = store->FinishRun(*run_id, status, counts, ErrorsJson(errors)); !r && fatal.empty()) {
    display.Error(r.error());
    return kExitFatal;
  }
  const std::string line = std::to_string(counts.articles_updated) + " of " + std::to_string(ids->size()) +
                           " articles reprocessed, " + std::to_string(counts.articles_failed) + " failed; " +
                           std::to_string(counts.figures) + " figures (extractor v" +
                           std::to_string(kExtractorVersion) + ")";
  if (!fatal.empty()) {
    display.Summary(line);
    return kExitFatal;
  }
  if (interrupted) {
    // Through Error(): shown even with --quiet, so cron mail says why it ended early.
    display.Error("run " + std::to_string(*run_id) + " interrupted by " + StopSignals::SignalName() + " after " +
                  line + "; run reprocess again to finish");
    return kExitInterrupted;
  }
  display.Summary(line);
  return counts.articles_failed > 0 ? kExitPartial : kExitOk;
}

}  // namespace cn
