#include "pipeline/store/article_store.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <unordered_map>

#include "pipeline/store/schema_migrations.h"
#include "pipeline/store/wal_checkpointer.h"
#include "pipeline/web/date_time.h"

namespace cn {
namespace {

// The evidence kept with a sentiment row (schema 0007): the few pieces that
// weighed most, each with its offsets.
constexpr size_t kStoredEvidence = 3;

std::string EvidenceJson(const std::vector<SentimentEvidence>& evidence) {
  nlohmann::json list = nlohmann::json::array();
  for (size_t i = 0; i < evidence.size() && i < kStoredEvidence; ++i) {
    const SentimentEvidence& e = evidence[i];
    list.push_back({{"kind", ToString(e.kind)},
                    {"place", ToString(e.place)},
                    {"in_title", e.in_title ? 1 : 0},
                    {"start", e.start},
                    {"end", e.end},
                    {"score", e.score},
                    {"weight", e.weight},
                    {"text", e.text}});
  }
  return list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string AuthorsJson(const std::vector<std::string>& authors) {
  return nlohmann::json(authors).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// BEGIN IMMEDIATE / COMMIT / ROLLBACK, prepared once per connection (parsing
// them anew twice per article showed up in profiles), and the savepoint
// statements a write uses inside a bulk batch.
struct TransactionStatements {
  Statement begin, commit, rollback, savepoint, release, rollback_to;
};

// The batch of bulk mode: one transaction that several writes join.
struct BulkBatch {
  BulkPolicy policy;
  bool open = false;
  int writes = 0;
  std::chrono::steady_clock::time_point started;
};

// One write's transaction. Alone (batch == nullptr): BEGIN ... COMMIT, rolled
// back unless Commit() succeeded. In bulk mode: a savepoint inside the batch
// (which it opens if needed), released by Commit() and rolled back to
// otherwise, so a failed write undoes only itself. Either way an early
// return or error path never leaves the write half done.
class Transaction {
 public:
  Transaction(TransactionStatements& s, BulkBatch* batch) : s_(s), batch_(batch) {}
  ~Transaction() {
    if (!open_) return;
    if (batch_ == nullptr) {
      (void)s_.rollback.Run();
    } else {
      (void)s_.rollback_to.Run();
      (void)s_.release.Run();
    }
  }
  std::expected<void, std::string> Begin() {
    if (batch_ != nullptr) {
      if (!batch_->open) {
        if (auto r = s_.begin.Run(); !r) return r;
        batch_->open = true;
        batch_->writes = 0;
        batch_->started = std::chrono::steady_clock::now();
      }
      auto r = s_.savepoint.Run();
      open_ = r.has_value();
      return r;
    }
    auto r = s_.begin.Run();
    open_ = r.has_value();
    return r;
  }
  std::expected<void, std::string> Commit() {
    auto r = batch_ != nullptr ? s_.release.Run() : s_.commit.Run();
    if (r) {
      open_ = false;
      if (batch_ != nullptr) ++batch_->writes;
    }
    return r;
  }

 private:
  TransactionStatements& s_;
  BulkBatch* batch_;
  bool open_ = false;
};

}  // namespace

struct ArticleStore::Impl {
  SqliteDb db;
  Statement find_article, find_source, insert_source, insert_article, update_article, delete_figures,
      insert_figure, delete_sentiment, insert_sentiment, set_versions, index_pending, unqueue_pending,
      next_unindexed, index_unindexed, raise_index_mark;
  Statement update_fetch;  // prepared on first use (warc only)
  TransactionStatements tx;
  std::optional<BulkBatch> bulk;  // set in bulk mode
  std::unordered_map<std::string, int64_t> source_ids;
  int64_t queued_for_index = 0;  // articles written since the last UpdateSearchIndex
  // After `db` and the statements: stopped before the connection closes.
  std::unique_ptr<WalCheckpointer> checkpointer;

  std::expected<void, std::string> PrepareAll() {
    return PrepareStatements(db, {
        {&tx.begin, "BEGIN IMMEDIATE"},
        {&tx.commit, "COMMIT"},
        {&tx.rollback, "ROLLBACK"},
        {&tx.savepoint, "SAVEPOINT article_write"},
        {&tx.release, "RELEASE article_write"},
        {&tx.rollback_to, "ROLLBACK TO article_write"},
        {&find_article,
         "SELECT id, content_hash, extractor_version, fetched_at FROM articles WHERE canonical_url = ?1"},
        {&find_source, "SELECT id FROM sources WHERE name = ?1"},
        {&insert_source, "INSERT INTO sources(name, first_seen_at) VALUES (?1, ?2)"},
        {&insert_article,
         "INSERT INTO articles(source_id, canonical_url, url, title, authors, published_at, modified_at, "
         "fetched_at, language, site_name, text, content_hash, extractor_version, sentiment_version, "
         "first_seen_at, updated_at, text_truncated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
         "?13, ?14, ?15, ?15, ?16)"},
        {&update_article,
         "UPDATE articles SET source_id = ?1, url = ?3, title = ?4, authors = ?5, published_at = ?6, "
         "modified_at = ?7, fetched_at = ?8, language = ?9, site_name = ?10, text = ?11, content_hash = ?12, "
         "extractor_version = ?13, sentiment_version = ?14, updated_at = ?15, text_truncated = ?16 "
         "WHERE canonical_url = ?2"},
        {&delete_figures, "DELETE FROM figures WHERE article_id = ?1"},
        {&insert_figure,
         "INSERT INTO figures(article_id, ordinal, kind, asset, value, value_high, unit, qualifier, direction, "
         "window, side, name, metric, start, \"end\", text, sentence, role) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
         "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)"},
        {&delete_sentiment, "DELETE FROM sentiment WHERE article_id = ?1"},
        {&insert_sentiment,
         "INSERT INTO sentiment(article_id, asset, score, label, sentences, evidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"},
        {&index_pending,
         "INSERT INTO articles_fts(rowid, title, text) SELECT a.id, a.title, a.text FROM articles_fts_pending p "
         "JOIN articles a ON a.id = p.article_id ORDER BY p.article_id LIMIT ?1"},
        {&unqueue_pending,
         "DELETE FROM articles_fts_pending WHERE article_id IN "
         "(SELECT article_id FROM articles_fts_pending ORDER BY article_id LIMIT ?1)"},
        // New articles wait above articles_fts_state.indexed_through (schema 0005).
        {&next_unindexed,
         "SELECT indexed_through, (SELECT coalesce(max(id), 0) FROM articles) FROM articles_fts_state"},
        {&index_unindexed,
         "INSERT INTO articles_fts(rowid, title, text) SELECT id, title, text FROM articles WHERE id > ?1 AND "
         "id <= ?2 ORDER BY id"},
        {&raise_index_mark, "UPDATE articles_fts_state SET indexed_through = ?1"},
        {&set_versions,
         "UPDATE articles SET extractor_version = ?2, sentiment_version = coalesce(?3, sentiment_version), "
         "updated_at = ?4 WHERE id = ?1"},
    });
  }

  std::expected<int64_t, std::string> SourceId(const std::string& name, const std::string& now) {
    if (auto it = source_ids.find(name); it != source_ids.end()) return it->second;
    find_source.Bind(1, name);
    int64_t id = 0;
    if (find_source.Step() == SQLITE_ROW) id = find_source.ColumnInt(0);
    find_source.Reset();
    if (id == 0) {
      insert_source.Bind(1, name).Bind(2, now);
      if (auto r = insert_source.Run(); !r) return std::unexpected(r.error());
      insert_source.Reset();
      id = sqlite3_last_insert_rowid(db.get());
    }
    // Cached only after commit would be purer; a rolled-back insert is
    // handled by dropping the cache on any failed transaction.
    source_ids.emplace(name, id);
    return id;
  }

  std::expected<int64_t, std::string> InsertFigures(int64_t article_id, const std::vector<Figure>& figures) {
    // A parameter keeps its value from one row to the next (Run() resets
    // without clearing), so only what differs from the previous figure is
    // bound again: binding cost ~7 % of storing an article, and consecutive
    // figures mostly share kind, asset, unit, qualifier and the NULLs.
    // Views, not copies: every string (and the previous figure's, still
    // bound) outlives the Run() calls below.
    Statement& s = insert_figure;
    const Figure* prev = nullptr;
    int64_t ordinal = 0;
    s.Bind(1, article_id);
    for (const Figure& f : figures) {
      const bool all = prev == nullptr;
      s.Bind(2, ordinal++);
      if (all || f.kind != prev->kind) s.BindView(3, ToString(f.kind));
      if (all || f.asset != prev->asset) s.BindViewOrNull(4, f.asset);
      s.Bind(5, f.value);
      if (all || f.value_high != prev->value_high) s.Bind(6, f.value_high);
      if (all || f.unit != prev->unit) s.BindView(7, f.unit);
      if (all || f.qualifier != prev->qualifier) s.BindView(8, ToString(f.qualifier));
      if (all || f.direction != prev->direction) s.BindViewOrNull(9, ToString(f.direction));
      if (all || f.window != prev->window) s.BindViewOrNull(10, f.window);
      if (all || f.side != prev->side) s.BindViewOrNull(11, ToString(f.side));
      if (all || f.name != prev->name) s.BindViewOrNull(12, f.name);
      if (all || f.metric != prev->metric) s.BindViewOrNull(13, f.metric);
      s.Bind(14, f.start).Bind(15, f.end);
      if (all || f.text != prev->text) s.BindView(16, f.text);
      s.Bind(17, static_cast<int64_t>(f.sentence));
      if (all || f.role != prev->role) s.BindViewOrNull(18, ToString(f.role));
      if (auto r = s.Run(); !r) {
        s.Reset();
        return std::unexpected("figure " + std::to_string(ordinal - 1) + ": " + r.error());
      }
      prev = &f;
    }
    s.Reset();  // drops the views
    return ordinal;
  }

  std::expected<void, std::string> InsertSentiment(int64_t article_id, const ArticleSentiment& s) {
    std::string evidence = EvidenceJson(s.evidence);
    insert_sentiment.Bind(1, article_id).BindNull(2).Bind(3, s.score).Bind(4, ToString(s.label)).BindNull(5);
    insert_sentiment.Bind(6, std::string_view(evidence));
    if (auto r = insert_sentiment.Run(); !r) return r;
    for (const AssetSentiment& a : s.assets) {
      evidence = EvidenceJson(a.evidence);
      insert_sentiment.Bind(1, article_id).Bind(2, std::string_view(a.asset)).Bind(3, a.score);
      insert_sentiment.Bind(4, ToString(a.label)).Bind(5, static_cast<int64_t>(a.sentences));
      insert_sentiment.Bind(6, std::string_view(evidence));
      if (auto r = insert_sentiment.Run(); !r) return std::unexpected("sentiment for " + a.asset + ": " + r.error());
    }
    insert_sentiment.Reset();
    return {};
  }

  BulkBatch* Batch() { return bulk ? &*bulk : nullptr; }

  std::expected<void, std::string> ReplaceSentiment(int64_t article_id, SentimentToStore sentiment) {
    if (sentiment.sentiment == nullptr) return {};
    delete_sentiment.Bind(1, article_id);
    if (auto r = delete_sentiment.Run(); !r) return r;
    return InsertSentiment(article_id, *sentiment.sentiment);
  }
};

ArticleStore::ArticleStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ArticleStore::ArticleStore(ArticleStore&&) noexcept = default;
ArticleStore& ArticleStore::operator=(ArticleStore&&) noexcept = default;
ArticleStore::~ArticleStore() {
  // Best effort: what a batch holds is committed (it is whole articles);
  // a failure leaves the ids queued for the next Open.
  if (impl_ && impl_->bulk) (void)EndBulk();
  if (impl_ && impl_->queued_for_index > 0) (void)UpdateSearchIndex();
}

void ArticleStore::BeginBulk(BulkPolicy policy) {
  if (!impl_->bulk) impl_->bulk = BulkBatch{};
  impl_->bulk->policy = policy;
}

bool ArticleStore::BulkBatchDue() const {
  const std::optional<BulkBatch>& b = impl_->bulk;
  if (!b || !b->open) return false;
  return b->writes >= b->policy.max_writes || std::chrono::steady_clock::now() - b->started >= b->policy.max_age;
}

bool ArticleStore::InBulkBatch() const { return impl_->bulk && impl_->bulk->open; }

std::expected<void, std::string> ArticleStore::CommitBulk() {
  std::optional<BulkBatch>& b = impl_->bulk;
  if (b && b->open) {
    auto r = impl_->tx.commit.Run();
    if (!r) {
      // The batch is lost whole (nothing of it is in the file); say so.
      (void)impl_->tx.rollback.Run();
      b->open = false;
      impl_->source_ids.clear();
      return std::unexpected(impl_->db.path() + ": committing a batch of " + std::to_string(b->writes) +
                             " writes: " + r.error());
    }
    b->open = false;
  }
  if (impl_->queued_for_index >= kSearchIndexBatch) (void)UpdateSearchIndex();
  return {};
}

std::expected<void, std::string> ArticleStore::EndBulk() {
  auto r = CommitBulk();
  impl_->bulk.reset();
  return r;
}

SqliteDb& ArticleStore::db() { return impl_->db; }

std::optional<std::string> ArticleStore::CheckpointError() const { return impl_->checkpointer->error(); }

std::expected<ArticleStore, std::string> ArticleStore::Open(const std::string& path) {
  auto db = SqliteDb::Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (!db) return std::unexpected(db.error());
  // Before the pragmas below, which would turn another program's file to WAL.
  if (auto ours = CheckOwnDatabase(*db); !ours) return std::unexpected(ours.error());
  auto impl = std::make_unique<Impl>();
  impl->db = std::move(*db);
  // WAL: readers never block the writer; synchronous=NORMAL: a kill loses no
  // committed transaction (only a power cut may lose the last few). A 6 MB
  // page cache (default 2 MB) still holds the last kSearchIndexBatch
  // articles when they are indexed: 1.6 instead of 2.7 page reads per stored
  // article, for 4 MB more memory.
  for (const char* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL",
                             "PRAGMA cache_size = -6000"}) {
    if (auto r = impl->db.Exec(pragma); !r) return std::unexpected(path + ": " + r.error());
  }
  if (auto r = MigrateToCurrent(impl->db); !r) return std::unexpected(r.error());
  if (auto r = impl->PrepareAll(); !r) return std::unexpected(r.error());
  // Checkpoints on a thread of their own: copying pages into the database
  // file and waiting for fdatasync took about a quarter of the writer's time.
  auto checkpointer = WalCheckpointer::Start(impl->db);
  if (!checkpointer) return std::unexpected(checkpointer.error());
  impl->checkpointer = std::move(*checkpointer);
  ArticleStore store(std::move(impl));
  // Catch up what a killed run left queued for the full-text index.
  if (auto r = store.UpdateSearchIndex(); !r) return std::unexpected(r.error());
  return store;
}

std::expected<int64_t, std::string> ArticleStore::UpdateSearchIndex() {
  auto fail = [&](const std::string& what) {
    return std::unexpected(impl_->db.path() + ": full-text index: " + what);
  };
  const int64_t batch = kSearchIndexBatch;
  int64_t indexed = 0;
  for (;;) {
    Transaction tx(impl_->tx, nullptr);
    if (auto r = tx.Begin(); !r) return fail(r.error());
    // Articles changed after they were indexed, queued by the update trigger.
    // Same rows in both statements: lowest ids first, and this connection
    // holds the write lock.
    impl_->index_pending.Bind(1, batch);
    if (auto r = impl_->index_pending.Run(); !r) return fail(r.error());
    impl_->unqueue_pending.Bind(1, batch);
    if (auto r = impl_->unqueue_pending.Run(); !r) return fail(r.error());
    const int64_t unqueued = sqlite3_changes(impl_->db.get());
    // New articles: ids in (mark, mark + batch], then the mark. Bounding by
    // id, not by a count, reads no article page twice (ids are dense: a
    // gap only makes a batch smaller).
    Statement& range = impl_->next_unindexed;
    if (range.Step() != SQLITE_ROW) {
      range.Reset();
      return fail(impl_->db.ErrorMessage());
    }
    const int64_t mark = range.ColumnInt(0);
    const int64_t newest = range.ColumnInt(1);
    range.Reset();
    const int64_t new_mark = std::min(newest, mark + batch);
    int64_t fresh = 0;
    if (new_mark > mark) {
      impl_->index_unindexed.Bind(1, mark).Bind(2, new_mark);
      if (auto r = impl_->index_unindexed.Run(); !r) return fail(r.error());
      fresh = sqlite3_changes(impl_->db.get());
      impl_->raise_index_mark.Bind(1, new_mark);
      if (auto r = impl_->raise_index_mark.Run(); !r) return fail(r.error());
    }
    if (unqueued == 0 && new_mark <= mark) break;  // nothing to index: the empty transaction rolls back
    if (auto r = tx.Commit(); !r) return fail(r.error());
    indexed += unqueued + fresh;
    if (unqueued < batch && new_mark >= newest) break;
  }
  impl_->queued_for_index = 0;
  return indexed;
}

std::optional<StoredArticleInfo> ArticleStore::Find(const std::string& canonical_url) {
  Statement& s = impl_->find_article;
  s.Bind(1, canonical_url);
  std::optional<StoredArticleInfo> info;
  if (s.Step() == SQLITE_ROW)
    info = StoredArticleInfo{s.ColumnInt(0), std::string(s.ColumnText(1)), static_cast<int>(s.ColumnInt(2)),
                             std::string(s.ColumnText(3))};
  s.Reset();
  return info;
}

std::optional<int64_t> ArticleStore::StoredTextLength(int64_t id) {
  auto length = impl_->db.QueryInt("SELECT length(text) FROM articles WHERE id = " + std::to_string(id));
  if (!length) return std::nullopt;
  return *length;
}

std::expected<UpsertOutcome, StoreError> ArticleStore::UpsertArticle(const ArticleRecord& article,
                                                                     const std::vector<Figure>& figures,
                                                                     SentimentToStore sentiment,
                                                                     int extractor_version) {
  const std::string& key = article.canonical_url.empty() ? article.url : article.canonical_url;
  // Read at once: the rollback that follows sets SQLite's result code again.
  auto fail = [&](const std::string& what) {
    impl_->source_ids.clear();
    return std::unexpected(StoreError{StoreErrorKindOf(sqlite3_errcode(impl_->db.get())), key + ": " + what});
  };
  if (key.empty()) {
    const std::string title = article.title.empty() ? "" : " ('" + article.title.substr(0, 80) + "')";
    return std::unexpected(StoreError{StoreErrorKind::kBadArticle, "article without URL" + title});
  }
  Transaction tx(impl_->tx, impl_->Batch());
  if (auto r = tx.Begin(); !r) return fail(r.error());
  std::optional<StoredArticleInfo> existing = Find(key);
  if (existing && MatchesContentHash(existing->content_hash, article)) return UpsertOutcome::kUnchanged;
  const std::string hash = ContentHash(article);

  std::string now = NowUtc();
  auto source_id = impl_->SourceId(article.source, now);
  if (!source_id) return fail(source_id.error());
  Statement& s = existing ? impl_->update_article : impl_->insert_article;
  // The article's strings outlive the Run() below: bound as views (the text
  // is kilobytes).
  s.Bind(1, *source_id).Bind(2, key).BindView(3, article.url).BindView(4, article.title);
  s.Bind(5, AuthorsJson(article.authors)).BindTextOrNull(6, article.published_at);
  s.BindTextOrNull(7, article.modified_at).Bind(8, article.fetched_at.empty() ? now : article.fetched_at);
  s.BindTextOrNull(9, article.language).BindTextOrNull(10, article.site_name).BindView(11, article.text);
  s.Bind(12, hash).Bind(13, static_cast<int64_t>(extractor_version));
  if (sentiment.sentiment) s.Bind(14, static_cast<int64_t>(sentiment.version));
  else s.BindNull(14);
  s.Bind(15, now).Bind(16, static_cast<int64_t>(article.text_truncated ? 1 : 0));
  auto ran = s.Run();
  s.Reset();  // drops the views
  if (!ran) return fail(ran.error());

  int64_t article_id = existing ? existing->id : sqlite3_last_insert_rowid(impl_->db.get());
  if (existing) {
    impl_->delete_figures.Bind(1, article_id);
    if (auto r = impl_->delete_figures.Run(); !r) return fail(r.error());
    impl_->delete_sentiment.Bind(1, article_id);
    if (auto r = impl_->delete_sentiment.Run(); !r) return fail(r.error());
  }
  if (auto r = impl_->InsertFigures(article_id, figures); !r) return fail(r.error());
  if (sentiment.sentiment) {
    if (auto r = impl_->InsertSentiment(article_id, *sentiment.sentiment); !r) return fail(r.error());
  }
  if (auto r = tx.Commit(); !r) return fail(r.error());
  // The article is committed (or, in bulk mode, part of the batch); indexing
  // its text is separate work that a failure here only postpones (the id
  // stays queued). In bulk mode it waits for the batch's commit.
  if (++impl_->queued_for_index >= kSearchIndexBatch && !impl_->bulk) (void)UpdateSearchIndex();
  return existing ? UpsertOutcome::kUpdated : UpsertOutcome::kNew;
}

std::expected<std::vector<int64_t>, std::string> ArticleStore::ArticlesToReprocess(
    bool all, int extractor_version, std::optional<int> sentiment_version) {
  std::string sql = "SELECT id FROM articles";
  if (!all) {
    sql += " WHERE extractor_version IS NOT ?1";
    if (sentiment_version) sql += " OR sentiment_version IS NOT ?2";
  }
  sql += " ORDER BY id";
  auto stmt = impl_->db.Prepare(sql);
  if (!stmt) return std::unexpected(impl_->db.path() + ": " + stmt.error());
  if (!all) {
    stmt->Bind(1, static_cast<int64_t>(extractor_version));
    if (sentiment_version) stmt->Bind(2, static_cast<int64_t>(*sentiment_version));
  }
  std::vector<int64_t> ids;
  int rc;
  while ((rc = stmt->Step()) == SQLITE_ROW) ids.push_back(stmt->ColumnInt(0));
  if (rc != SQLITE_DONE) return std::unexpected(impl_->db.path() + ": " + impl_->db.ErrorMessage());
  return ids;
}

std::expected<StoredText, std::string> ArticleStore::LoadText(int64_t article_id) {
  auto stmt = impl_->db.Prepare(
      "SELECT id, canonical_url, title, text, extractor_version, sentiment_version FROM articles WHERE id = ?1");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->Bind(1, article_id);
  if (stmt->Step() != SQLITE_ROW) return std::unexpected("article " + std::to_string(article_id) + " not found");
  StoredText t{stmt->ColumnInt(0), std::string(stmt->ColumnText(1)), std::string(stmt->ColumnText(2)),
               std::string(stmt->ColumnText(3)), static_cast<int>(stmt->ColumnInt(4)), std::nullopt};
  if (!stmt->ColumnIsNull(5)) t.sentiment_version = static_cast<int>(stmt->ColumnInt(5));
  return t;
}

std::expected<int64_t, StoreError> ArticleStore::ReplaceDerived(int64_t article_id,
                                                                const std::vector<Figure>& figures,
                                                                int extractor_version,
                                                                SentimentToStore sentiment) {
  auto fail = [&](const std::string& what) {
    return std::unexpected(StoreError{StoreErrorKindOf(sqlite3_errcode(impl_->db.get())),
                                      "article " + std::to_string(article_id) + ": " + what});
  };
  Transaction tx(impl_->tx, impl_->Batch());
  if (auto r = tx.Begin(); !r) return fail(r.error());
  impl_->delete_figures.Bind(1, article_id);
  if (auto r = impl_->delete_figures.Run(); !r) return fail(r.error());
  auto written = impl_->InsertFigures(article_id, figures);
  if (!written) return fail(written.error());
  if (auto r = impl_->ReplaceSentiment(article_id, sentiment); !r) return fail(r.error());
  Statement& v = impl_->set_versions;
  v.Bind(1, article_id).Bind(2, static_cast<int64_t>(extractor_version));
  if (sentiment.sentiment) v.Bind(3, static_cast<int64_t>(sentiment.version));
  else v.BindNull(3);
  v.Bind(4, NowUtc());
  if (auto r = v.Run(); !r) return fail(r.error());
  v.Reset();
  if (auto r = tx.Commit(); !r) return fail(r.error());
  return *written;
}

std::expected<int64_t, std::string> ArticleStore::BeginRun(std::string_view command) {
  std::string now = NowUtc();
  auto mark = impl_->db.Prepare(
      "UPDATE runs SET status = 'interrupted', finished_at = coalesce(finished_at, ?1) WHERE status = 'running'");
  if (!mark) return std::unexpected(impl_->db.path() + ": " + mark.error());
  mark->Bind(1, now);
  if (auto r = mark->Run(); !r) return std::unexpected(impl_->db.path() + ": " + r.error());
  auto insert = impl_->db.Prepare("INSERT INTO runs(command, started_at, status) VALUES (?1, ?2, 'running')");
  if (!insert) return std::unexpected(impl_->db.path() + ": " + insert.error());
  insert->Bind(1, command).Bind(2, now);
  if (auto r = insert->Run(); !r) return std::unexpected(impl_->db.path() + ": " + r.error());
  return sqlite3_last_insert_rowid(impl_->db.get());
}

std::expected<void, std::string> ArticleStore::FinishRun(int64_t run_id, RunStatus status,
                                                         const RunCounts& c, const std::string& errors_json) {
  if (auto r = CommitBulk(); !r) return std::unexpected(r.error());
  if (auto r = UpdateSearchIndex(); !r) return std::unexpected(r.error());
  auto stmt = impl_->db.Prepare(
      "UPDATE runs SET finished_at = ?2, status = ?3, feeds_ok = ?4, feeds_failed = ?5, articles_new = ?6, "
      "articles_updated = ?7, articles_unchanged = ?8, articles_failed = ?9, figures = ?10, errors = ?11, "
      "refused_robots = ?12, refused_address = ?13, refused_redirect = ?14 WHERE id = ?1");
  if (!stmt) return std::unexpected(impl_->db.path() + ": " + stmt.error());
  stmt->Bind(1, run_id).Bind(2, NowUtc()).Bind(3, ToString(status)).Bind(4, c.feeds_ok).Bind(5, c.feeds_failed);
  stmt->Bind(6, c.articles_new).Bind(7, c.articles_updated).Bind(8, c.articles_unchanged);
  stmt->Bind(9, c.articles_failed).Bind(10, c.figures).Bind(11, errors_json);
  stmt->Bind(12, c.refused_robots).Bind(13, c.refused_address).Bind(14, c.refused_redirect);
  if (auto r = stmt->Run(); !r) return std::unexpected(impl_->db.path() + ": " + r.error());
  return {};
}

std::expected<void, std::string> ArticleStore::SetRunRecords(int64_t run_id, const std::string& records_json) {
  auto stmt = impl_->db.Prepare("UPDATE runs SET records = ?2 WHERE id = ?1");
  if (!stmt) return std::unexpected(impl_->db.path() + ": " + stmt.error());
  stmt->Bind(1, run_id).Bind(2, std::string_view(records_json));
  if (auto r = stmt->Run(); !r) return std::unexpected(impl_->db.path() + ": " + r.error());
  return {};
}

std::expected<void, std::string> ArticleStore::UpdateFetch(int64_t article_id, std::string_view url,
                                                          std::string_view fetched_at) {
  auto fail = [&](const std::string& what) {
    return std::unexpected(impl_->db.path() + ": article " + std::to_string(article_id) + ": " + what);
  };
  Transaction tx(impl_->tx, impl_->Batch());
  if (auto r = tx.Begin(); !r) return fail(r.error());
  if (impl_->update_fetch.get() == nullptr) {
    auto stmt = impl_->db.Prepare("UPDATE articles SET url = ?2, fetched_at = ?3, updated_at = ?4 WHERE id = ?1");
    if (!stmt) return fail(stmt.error());
    impl_->update_fetch = std::move(*stmt);
  }
  Statement& s = impl_->update_fetch;
  s.Bind(1, article_id).Bind(2, url).Bind(3, fetched_at).Bind(4, NowUtc());
  if (auto r = s.Run(); !r) return fail(r.error());
  if (auto r = tx.Commit(); !r) return fail(r.error());
  return {};
}

}  // namespace cn
