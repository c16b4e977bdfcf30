#include "pipeline/ingest/warc_ingestor.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <memory>

#include "extractors/version.h"
#include "pipeline/ingest/ingestor.h"
#include "pipeline/ingest/warc_article.h"
#include "pipeline/ingest/warc_url_source.h"
#include "pipeline/store/warc_progress.h"
#include "pipeline/web/url.h"

namespace cn {
namespace {

using SteadyClock = std::chrono::steady_clock;

std::string RecordId(const WarcRecord& r) { return std::string(r.Field("WARC-Record-ID")); }

}  // namespace

std::string WarcInputKey(const std::string& input) {
  if (input == "-") return "";
  if (IsHttpUrl(input)) return input;
  std::error_code ec;
  std::filesystem::path p = std::filesystem::absolute(input, ec);
  return ec ? input : p.lexically_normal().string();
}

// One input being read: how far, and when its progress was last committed.
struct WarcIngestor::InputState {
  WarcProgress progress;
  bool track = false;  // progress is stored (a store, and not standard input)
  std::optional<WarcProgressStore> marks;
  int64_t pending = 0;  // records handled since the last commit
  SteadyClock::time_point last_flush = SteadyClock::now();
};

WarcIngestor::WarcIngestor(ArticleStore* store, const FigureExtractor& extractor, SentimentScorer sentiment,
                           IngestObserver& observer, WarcIngestOptions options)
    : store_(store),
      extractor_(extractor),
      sentiment_(std::move(sentiment)),
      observer_(observer),
      options_(std::move(options)) {}

bool WarcIngestor::Stopped() const { return options_.stop_requested && options_.stop_requested(); }

void WarcIngestor::AddError(FeedError error) { AddBoundedError(&result_.errors, std::move(error)); }

void WarcIngestor::Skip(const std::string& reason) { ++result_.skipped[reason]; }

WarcRunResult WarcIngestor::Run(const std::vector<std::string>& inputs) {
  result_ = {};
  if (store_ != nullptr) {
    auto run_id = store_->BeginRun("warc");
    if (!run_id) {
      result_.fatal_error = run_id.error();
      result_.status = RunStatus::kFailed;
      return result_;
    }
    result_.run_id = *run_id;
    store_->BeginBulk(options_.bulk);
  }
  for (const std::string& input : inputs) {
    if (!result_.fatal_error.empty() || Stopped()) break;
    observer_.SetSource(input);
    ReadInput(input);
  }

  const RunCounts& c = result_.counts;
  if (store_ != nullptr) {
    if (auto r = store_->EndBulk(); !r && result_.fatal_error.empty()) result_.fatal_error = r.error();
    if (auto e = store_->CheckpointError()) AddError({"", store_->db().path(), *e});
  }
  if (!result_.fatal_error.empty()) result_.status = RunStatus::kFailed;
  else if (Stopped()) result_.status = RunStatus::kInterrupted;
  else if (c.feeds_failed > 0 || c.articles_failed > 0 || !result_.errors.empty()) result_.status = RunStatus::kPartial;
  else result_.status = RunStatus::kOk;
  if (store_ != nullptr) {
    if (!result_.fatal_error.empty()) AddError({"", store_->db().path(), result_.fatal_error});
    auto records = store_->SetRunRecords(result_.run_id, result_.RecordsJson());
    auto finished = records ? store_->FinishRun(result_.run_id, result_.status, c, ErrorsJson(result_.errors))
                            : std::expected<void, std::string>(std::unexpected(records.error()));
    if (!finished) {
      if (result_.fatal_error.empty()) result_.fatal_error = finished.error();
      result_.status = RunStatus::kFailed;
    }
  }
  return result_;
}

void WarcIngestor::ReadInput(const std::string& input) {
  std::string open_error;
  std::unique_ptr<ByteSource> source;
  if (IsHttpUrl(input)) {
    UrlSourceOptions url_options;
    url_options.allow_private_addresses = options_.allow_private_addresses;
    url_options.user_agent = options_.user_agent;
    url_options.cancelled = options_.stop_requested;
    source = std::make_unique<UrlByteSource>(input, url_options);
  } else {
    source = FileByteSource::Open(input, &open_error);
  }
  if (!source) {
    ++result_.counts.feeds_failed;
    AddError({input, "", open_error});
    observer_.Error(open_error);
    return;
  }

  InputState state;
  const std::string key = WarcInputKey(input);
  state.track = store_ != nullptr && !key.empty();
  std::optional<WarcProgress> prior;
  if (state.track) {
    auto marks = WarcProgressStore::Create(store_->db());
    if (!marks) {
      result_.fatal_error = marks.error();
      return;
    }
    state.marks.emplace(std::move(*marks));
    auto loaded = state.marks->Load(key);
    if (!loaded) {
      result_.fatal_error = loaded.error();
      return;
    }
    if (!options_.from_start) prior = std::move(*loaded);
  }
  if (prior && prior->finished) {
    ++result_.inputs_already_read;
    observer_.Error(input + ": already read to the end (run " + std::to_string(prior->run_id) +
                    "); --from-start reads it again");
    return;
  }
  state.progress.input = key;
  state.progress.run_id = result_.run_id;

  // Where to start: right at the last committed record when the file lets
  // us seek to it, else at the beginning, passing over what was done.
  const bool resumable = prior && !prior->last_record_id.empty();
  WarcReaderOptions reader_options;
  reader_options.max_record_bytes = options_.max_record_bytes;
  bool seeked = false;
  if (resumable && prior->last_starts_member && source->Seek(prior->last_offset)) {
    reader_options.start_offset = prior->last_offset;
    reader_options.start_stream_offset = prior->last_stream_offset;
    seeked = true;
  }
  auto reader = std::make_unique<WarcReader>(*source, reader_options);
  bool passing = resumable;  // still before or at the last committed record
  if (resumable) state.progress = *prior, state.progress.run_id = result_.run_id;

  auto take_issues = [&] {
    for (WarcIssue& issue : reader->TakeIssues()) {
      ++result_.issues;
      observer_.Error(issue.message);
      AddError({input, "", std::move(issue.message)});
    }
  };
  auto start_over = [&](const std::string& why) {
    observer_.Error(input + ": " + why + "; reading it from the start");
    passing = false;
    state.progress = WarcProgress{};
    state.progress.input = key;
    state.progress.run_id = result_.run_id;
  };

  WarcRecord record;
  bool first = true;
  while (result_.fatal_error.empty() && !Stopped() && reader->Next(&record)) {
    take_issues();
    if (passing) {
      const std::string id = RecordId(record);
      if (seeked) {
        // The first record read must be the one committed last.
        if (id == prior->last_record_id && record.stream_offset == prior->last_stream_offset) {
          passing = false;
          first = false;
          continue;
        }
        start_over("the record at byte " + std::to_string(prior->last_offset) + " is not the one read last time");
        if (!source->Seek(0)) {
          ++result_.counts.feeds_failed;
          AddError({input, "", input + ": cannot go back to its start"});
          return;
        }
        reader = std::make_unique<WarcReader>(*source, WarcReaderOptions{options_.max_record_bytes, 0, 0});
        seeked = false;
        continue;
      }
      if (first && id != prior->first_record_id) {
        start_over("its first record is not the one read last time");
      } else if (record.stream_offset < prior->last_stream_offset) {
        first = false;
        continue;
      } else if (record.stream_offset == prior->last_stream_offset && id == prior->last_record_id) {
        passing = false;
        first = false;
        continue;
      } else {
        start_over("the record read last time is not where it was");
      }
    }
    if (first && state.progress.records == 0) state.progress.first_record_id = RecordId(record);
    first = false;
    HandleRecord(record, input);
    WarcProgress& p = state.progress;
    p.last_record_id = RecordId(record);
    p.last_offset = record.offset;
    p.last_stream_offset = record.stream_offset;
    p.last_starts_member = record.starts_member;
    ++p.records;
    ++state.pending;
    Flush(state, false);
  }
  take_issues();
  if (!source->error().empty()) {
    ++result_.counts.feeds_failed;
    AddError({input, "", source->error()});
    observer_.Error(source->error());
  } else if (result_.fatal_error.empty() && !Stopped()) {
    ++result_.counts.feeds_ok;
    state.progress.finished = true;
  }
  if (result_.fatal_error.empty()) Flush(state, true);
}

void WarcIngestor::Flush(InputState& state, bool force) {
  if (store_ == nullptr) return;
  const bool due = store_->BulkBatchDue() ||
                   (state.pending > 0 && SteadyClock::now() - state.last_flush >= options_.bulk.max_age);
  if (!force && !due) return;
  if (state.track) {
    if (auto r = state.marks->Save(state.progress); !r) {
      result_.fatal_error = r.error();
      return;
    }
  }
  if (auto r = store_->CommitBulk(); !r) {
    result_.fatal_error = r.error();
    return;
  }
  state.pending = 0;
  state.last_flush = SteadyClock::now();
}

void WarcIngestor::HandleRecord(const WarcRecord& record, const std::string& input) {
  ++result_.records;
  const bool page = record.type == "response" || record.type == "resource";
  if (page && options_.hosts && !options_.hosts->Matches(WarcTargetHost(record))) {
    Skip("host not listed");
    return;
  }
  WarcRecordArticle from = ArticleFromWarcRecord(record);
  if (!from.skipped.empty()) {
    Skip(from.skipped);
    return;
  }
  ArticleRecord& article = from.article;
  if (options_.only_crypto && !IsCryptoArticle(article, options_.outlets)) {
    Skip("not crypto");
    return;
  }
  ++result_.kept;

  if (store_ != nullptr) {
    std::optional<StoredArticleInfo> stored = store_->Find(article.canonical_url);
    if (stored && MatchesContentHash(stored->content_hash, article)) {
      if (article.fetched_at > stored->fetched_at) {
        if (auto r = store_->UpdateFetch(stored->id, article.url, article.fetched_at); !r) {
          result_.fatal_error = r.error();
          return;
        }
      }
      ++result_.counts.articles_unchanged;
      observer_.ArticleDone("unchanged", article.canonical_url, 0);
      return;
    }
    if (stored && !IsNewerContent(article.fetched_at, ContentHash(article), stored->fetched_at,
                                  stored->content_hash)) {
      Skip("older copy");
      return;
    }
  }

  std::vector<Figure> figures = extractor_.Extract(article.text);
  ArticleSentiment sentiment;
  SentimentToStore to_store;
  if (sentiment_) {
    sentiment = sentiment_.score({article.title, article.text, figures});
    to_store = {&sentiment, sentiment_.version};
  }
  if (store_ == nullptr) {
    on_article(WarcKeptArticle{article, figures, sentiment_ ? &sentiment : nullptr, input, record});
    ++result_.counts.articles_new;
    result_.counts.figures += static_cast<int64_t>(figures.size());
    observer_.ArticleDone("new", article.canonical_url, figures.size());
    return;
  }
  auto outcome = store_->UpsertArticle(article, figures, to_store, kExtractorVersion);
  if (!outcome) {
    // A bad article fails alone; a busy or broken database stops the run.
    if (outcome.error().kind == StoreErrorKind::kBadArticle) {
      ++result_.counts.articles_failed;
      AddError({input, article.canonical_url, outcome.error().message});
      observer_.Error(outcome.error().message);
      return;
    }
    result_.fatal_error = outcome.error().message;
    observer_.Error(outcome.error().message);
    return;
  }
  if (*outcome == UpsertOutcome::kUnchanged) {
    ++result_.counts.articles_unchanged;
    observer_.ArticleDone("unchanged", article.canonical_url, 0);
    return;
  }
  const bool is_new = *outcome == UpsertOutcome::kNew;
  ++(is_new ? result_.counts.articles_new : result_.counts.articles_updated);
  result_.counts.figures += static_cast<int64_t>(figures.size());
  observer_.ArticleDone(is_new ? "new" : "updated", article.canonical_url, figures.size());
}

std::string WarcRunResult::RecordsJson() const {
  nlohmann::ordered_json j;
  j["records"] = records;
  j["kept"] = kept;
  j["skipped"] = nlohmann::ordered_json::object();
  for (const auto& [reason, n] : skipped) j["skipped"][reason] = n;
  j["issues"] = issues;
  j["inputs_already_read"] = inputs_already_read;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string WarcRunResult::RecordsLine() const {
  std::string line = std::to_string(records) + " records, " + std::to_string(kept) + " kept";
  if (!skipped.empty()) {
    line += "; skipped:";
    bool first = true;
    for (const auto& [reason, n] : skipped) {
      line += (first ? " " : ", ") + std::to_string(n) + " " + reason;
      first = false;
    }
  }
  if (issues > 0) line += "; " + std::to_string(issues) + " input problems";
  if (inputs_already_read > 0) line += "; " + std::to_string(inputs_already_read) + " inputs already read";
  return line;
}

}  // namespace cn
