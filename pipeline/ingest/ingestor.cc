#include "pipeline/ingest/ingestor.h"

#include <nlohmann/json.hpp>

#include "extractors/version.h"
#include "pipeline/ingest/article_bounds.h"
#include "pipeline/web/utf8_text.h"

namespace cn {

Ingestor::Ingestor(ArticleStore& store, const FigureExtractor& extractor, SentimentScorer sentiment,
                   IngestObserver& observer, IngestOptions options)
    : store_(store),
      extractor_(extractor),
      sentiment_(std::move(sentiment)),
      observer_(observer),
      options_(std::move(options)) {}

IngestResult Ingestor::Run(ArticleFeed& feed) {
  result_ = {};
  seen_ = 0;
  failures_ = false;
  auto run_id = store_.BeginRun("ingest");
  if (!run_id) {
    result_.fatal_error = run_id.error();
    result_.status = RunStatus::kFailed;
    return result_;
  }
  result_.run_id = *run_id;
  feed.Run(*this);

  const RunCounts& c = result_.counts;
  if (auto e = store_.CheckpointError()) AddError({"", store_.db().path(), *e});
  if (!result_.fatal_error.empty()) {
    result_.status = RunStatus::kFailed;
  } else if (StopRequested()) {
    result_.status = RunStatus::kInterrupted;
  } else if (NothingWorked(c)) {
    result_.status = RunStatus::kFailed;
    result_.nothing_worked = true;
  } else if (c.feeds_failed > 0 || c.articles_failed > 0 || failures_) {
    result_.status = RunStatus::kPartial;
  } else {
    result_.status = RunStatus::kOk;
  }
  if (!result_.fatal_error.empty()) result_.errors.push_back({"", store_.db().path(), result_.fatal_error});
  if (auto r = store_.FinishRun(result_.run_id, result_.status, c, ErrorsJson(result_.errors)); !r) {
    if (result_.fatal_error.empty()) result_.fatal_error = r.error();
    result_.status = RunStatus::kFailed;
    result_.nothing_worked = false;
  }
  return result_;
}

bool NothingWorked(const RunCounts& c) {
  const int64_t stored = c.articles_new + c.articles_updated + c.articles_unchanged;
  if (stored > 0) return false;
  return (c.feeds_ok == 0 && c.feeds_failed > 0) || c.articles_failed > 0;
}

bool Ingestor::StopRequested() const { return options_.stop_requested && options_.stop_requested(); }

ArticleAck Ingestor::OnArticle(ArticleRecord&& article) {
  if (!result_.fatal_error.empty() || StopRequested()) return {false, false};
  if (options_.max_articles > 0 && seen_ >= options_.max_articles) return {false, false};
  ++seen_;
  const bool more = options_.max_articles == 0 || seen_ < options_.max_articles;
  if (article.canonical_url.empty()) article.canonical_url = article.url;
  // Before the hash: a page over the cap is stored, and compared, cut.
  if (TruncateArticleText(article.text, options_.max_text_bytes)) article.text_truncated = true;
  if (!options_.since.empty() && !article.published_at.empty() && article.published_at < options_.since) {
    ++result_.skipped_old;
    observer_.ArticleDone("too old", article.canonical_url, 0);
    return {false, more};
  }

  std::optional<StoredArticleInfo> stored = store_.Find(article.canonical_url);
  if (stored && MatchesContentHash(stored->content_hash, article)) {
    ++result_.counts.articles_unchanged;
    observer_.ArticleDone("unchanged", article.canonical_url, 0);
    return {true, more};
  }
  if (stored) {
    // A refetch that kept a fraction of the text is far more often a broken
    // page (a paywall stub, a teaser, a half-served body) than an edit.
    std::optional<int64_t> stored_chars = store_.StoredTextLength(stored->id);
    const int64_t chars = static_cast<int64_t>(utf8::CodePointCount(article.text));
    if (stored_chars && *stored_chars >= kShrinkCheckMinChars &&
        static_cast<double>(chars) < kMinRefetchTextRatio * static_cast<double>(*stored_chars)) {
      OnArticleFailed({article.source, article.canonical_url,
                       "the page now has " + std::to_string(chars) + " characters of text where " +
                           std::to_string(*stored_chars) + " are stored; the stored article is kept"});
      return {false, more};
    }
  }

  std::vector<Figure> figures = extractor_.Extract(article.text);
  if (size_t dropped = CapFigures(figures, options_.max_figures); dropped > 0)
    RecordError({article.source, article.canonical_url,
                 "only the first " + std::to_string(options_.max_figures) + " figures are stored; " +
                     std::to_string(dropped) + " more dropped"});
  ArticleSentiment sentiment;
  SentimentToStore to_store;
  if (sentiment_) {
    sentiment = sentiment_.score({article.title, article.text, figures});
    to_store = {&sentiment, sentiment_.version};
  }
  auto outcome = store_.UpsertArticle(article, figures, to_store, kExtractorVersion);
  if (!outcome) {
    // A bad article is this article's problem; a busy or broken database
    // (disk full, I/O error, corrupt file) stops the run.
    if (outcome.error().kind == StoreErrorKind::kBadArticle) {
      // The store's message names the article; the error entry has the URL
      // in its own field, so it is not said twice.
      std::string message = outcome.error().message;
      if (message.starts_with(article.canonical_url + ": ")) message.erase(0, article.canonical_url.size() + 2);
      OnArticleFailed({article.source, article.canonical_url, message});
      return {false, more};
    }
    result_.fatal_error = outcome.error().message;
    observer_.Error(outcome.error().message);
    return {false, false};
  }
  if (*outcome == UpsertOutcome::kUnchanged) {
    ++result_.counts.articles_unchanged;
    observer_.ArticleDone("unchanged", article.canonical_url, 0);
  } else {
    bool is_new = *outcome == UpsertOutcome::kNew;
    ++(is_new ? result_.counts.articles_new : result_.counts.articles_updated);
    result_.counts.figures += static_cast<int64_t>(figures.size());
    observer_.ArticleDone(is_new ? "new" : "updated", article.canonical_url, figures.size());
  }
  return {true, more};
}

void Ingestor::AddError(FeedError error) {
  failures_ = true;
  RecordError(std::move(error));
}

void Ingestor::RecordError(FeedError error) { AddBoundedError(&result_.errors, std::move(error)); }

void AddBoundedError(std::vector<FeedError>* errors, FeedError error) {
  if (errors->size() < kMaxRunErrors) errors->push_back(std::move(error));
  else if (errors->size() == kMaxRunErrors) errors->push_back({"", "", "(further errors not recorded)"});
}

void Ingestor::OnArticleFailed(const FeedError& error) {
  ++result_.counts.articles_failed;
  AddError(error);
  observer_.ArticleFailed(error.url + ": " + error.error);
}

void Ingestor::OnArticleRefused(const FeedError& error, SkipReason reason) {
  RunCounts& c = result_.counts;
  FeedError entry = error;
  entry.error = std::string("refused (") + RefusalLabel(reason) + "): " + error.error;
  if (reason == SkipReason::kRobots) {
    ++c.refused_robots;
    RecordError(std::move(entry));  // the site's own wish: listed, but the run stays ok
  } else {
    ++(reason == SkipReason::kUnsafeRedirect ? c.refused_redirect : c.refused_address);
    AddError(std::move(entry));
  }
  observer_.Refused(reason, error.url, error.error);
}

void Ingestor::OnArticleNotModified(std::string_view, std::string_view url) {
  ++result_.counts.articles_unchanged;
  observer_.ArticleDone("unchanged", url, 0);
}

void Ingestor::OnSourceDone(const SourceOutcome& outcome) {
  result_.counts.feeds_ok += outcome.feeds_ok;
  result_.counts.feeds_failed += outcome.feeds_failed;
  for (const FeedError& error : outcome.errors) {
    AddError(error);
    observer_.Error(outcome.source + ": " + error.error);
  }
}

void Ingestor::OnSource(std::string_view source) { observer_.SetSource(source); }

std::string ErrorsJson(const std::vector<FeedError>& errors) {
  nlohmann::json array = nlohmann::json::array();
  for (const FeedError& e : errors) array.push_back({{"source", e.source}, {"url", e.url}, {"error", e.error}});
  return array.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The refusal class a reason is counted under (the run's three refusal
// counters), as the run's errors name it; SkipReasonName (page_fetcher.h)
// names the reason itself.
const char* RefusalLabel(SkipReason reason) {
  switch (reason) {
    case SkipReason::kRobots:
      return "robots.txt";
    case SkipReason::kUnsafeRedirect:
      return "unsafe redirect";
    default:
      return "address policy";
  }
}

std::string SummaryLine(const RunCounts& c) {
  std::string refused;
  if (c.refused_robots + c.refused_address + c.refused_redirect > 0)
    refused = "; refused: " + std::to_string(c.refused_robots) + " robots.txt, " + std::to_string(c.refused_address) +
              " address policy, " + std::to_string(c.refused_redirect) + " unsafe redirect";
  return std::to_string(c.articles_new) + " new, " + std::to_string(c.articles_updated) + " updated, " +
         std::to_string(c.articles_unchanged) + " unchanged, " + std::to_string(c.articles_failed) +
         " failed articles; " + std::to_string(c.figures) + " figures; feeds: " + std::to_string(c.feeds_ok) +
         " ok, " + std::to_string(c.feeds_failed) + " failed" + refused;
}

}  // namespace cn
