#include "pipeline/cli/command_merge.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>

#include "pipeline/cli/exit_codes.h"
#include "pipeline/ingest/ingestor.h"
#include "pipeline/store/article_store.h"
#include "pipeline/store/ingest_lock.h"
#include "pipeline/store/shard_merge.h"

namespace cn {

void MergeCommand::Setup(CLI::App& sub) {
  sub.add_option("--db", db_path_, "Database to merge into (created if missing)")->required();
  sub.add_option("shards", shards_, "Shard databases to merge")->required();
  sub.add_flag("--quiet,-q", quiet_, "Print only errors");
  sub.footer(
      "Articles are matched by canonical URL; the newer content wins (later fetch time, then\n"
      "the larger content hash) with its figures and sentiment, so any order of shards, or a\n"
      "shard merged twice, gives the same database. Sources and runs are carried over (each\n"
      "run once). Each shard is merged in one transaction. Every shard is checked first: one\n"
      "that is missing, not a cryptonews database or of a newer schema stops the merge before\n"
      "anything is written.\n"
      "Exit codes: 0 ok, 2 a shard was refused, 3 database error, 4 another writer holds the database.");
}

int MergeCommand::Run() {
  std::error_code ec;
  for (const std::string& shard : shards_) {
    if (auto ok = CheckMergeableShard(shard); !ok) {
      std::fprintf(stderr, "cryptonews merge: %s; nothing merged\n", ok.error().c_str());
      return kExitUsage;
    }
    if (std::filesystem::equivalent(shard, db_path_, ec)) {
      std::fprintf(stderr, "cryptonews merge: %s is the database merged into; nothing merged\n", shard.c_str());
      return kExitUsage;
    }
  }
  auto lock = IngestLock::Acquire(db_path_);
  if (!lock) {
    std::fprintf(stderr, "cryptonews merge: %s\n", lock.error().message.c_str());
    return lock.error().error == IngestLock::Error::kBusy ? kExitBusy : kExitFatal;
  }
  auto store = ArticleStore::Open(db_path_);
  if (!store) {
    std::fprintf(stderr, "cryptonews merge: %s\n", store.error().c_str());
    return kExitFatal;
  }
  auto run_id = store->BeginRun("merge");
  if (!run_id) {
    std::fprintf(stderr, "cryptonews merge: %s\n", run_id.error().c_str());
    return kExitFatal;
  }
  RunCounts counts;
  std::vector<FeedError> errors;
  std::string fatal;
  for (const std::string& shard : shards_) {
    auto merged = MergeShard(*store, shard);
    if (!merged) {
      fatal = merged.error();
      errors.push_back({shard, "", fatal});
      ++counts.feeds_failed;
      break;
    }
    ++counts.feeds_ok;
    counts.articles_new += merged->articles_new;
    counts.articles_updated += merged->articles_updated;
    counts.articles_unchanged += merged->articles_unchanged;
    counts.figures += merged->figures;
  }
  if (auto r = store->FinishRun(*run_id, fatal.empty() ? RunStatus::kOk : RunStatus::kFailed, counts, ErrorsJson(errors)); !r) {
    std::fprintf(stderr, "cryptonews merge: %s\n", r.error().c_str());
    return kExitFatal;
  }
  if (!fatal.empty()) {
    std::fprintf(stderr, "cryptonews merge: %s\n", fatal.c_str());
    return kExitFatal;
  }
  if (!quiet_)
    std::fprintf(stderr, "merge: run %lld: %lld shards; %lld new, %lld updated, %lld unchanged articles; %lld figures\n",
                 static_cast<long long>(*run_id), static_cast<long long>(counts.feeds_ok),
                 static_cast<long long>(counts.articles_new), static_cast<long long>(counts.articles_updated),
                 static_cast<long long>(counts.articles_unchanged), static_cast<long long>(counts.figures));
  return kExitOk;
}

}  // namespace cn
