#include "pipeline/store/article_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "extractors/figure_extractor.h"
#include "extractors/sentiment.h"
#include "pipeline/store/ingest_lock.h"
#include "pipeline/store/schema_migrations.h"
#include "tests/support/store_fixtures.h"
#include "tests/support/temp_dir.h"

namespace cn {
namespace {

using testing::MakeArticle;
using testing::MakeLiquidation;
using testing::TempDir;

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A liquidation with every optional field of the figure contract set.
Figure LiquidationWithEveryField() {
  Figure f = MakeLiquidation(1.2e9, Side::kLong, 11, 24, "$1.2 billion");
  f.asset = "BTC";
  f.value_high = 1.3e9;
  f.qualifier = Qualifier::kApprox;
  f.direction = Direction::kDown;
  f.name = "rsi";
  f.metric = "price";
  return f;
}

int64_t Count(ArticleStore& store, const std::string& sql) {
  auto n = store.db().QueryInt(sql);
  EXPECT_TRUE(n.has_value()) << sql << ": " << (n ? "" : n.error());
  return n.value_or(-1);
}

TEST(SchemaTest, EveryMigrationFileIsEmbeddedInOrder) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(std::string(CRYPTONEWS_SOURCE_DIR) + "/schema"))
    if (e.path().extension() == ".sql") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  auto migrations = Migrations();
  ASSERT_EQ(files.size(), migrations.size());
  for (size_t i = 0; i < files.size(); ++i) {
    EXPECT_EQ(migrations[i].version, static_cast<int>(i + 1));
    EXPECT_EQ(files[i].filename().string(), migrations[i].name);
    EXPECT_EQ(ReadFile(files[i]), migrations[i].sql) << files[i];
  }
  EXPECT_EQ(CurrentSchemaVersion(), static_cast<int>(files.size()));
}

TEST(SchemaTest, EmptyDatabaseGetsEveryTableAndView) {
  TempDir dir;
  auto store = ArticleStore::Open(dir.File("a.db"));
  ASSERT_TRUE(store) << store.error();
  EXPECT_EQ(Count(*store, "PRAGMA user_version"), CurrentSchemaVersion());
  EXPECT_EQ(Count(*store, "PRAGMA foreign_keys"), 1);
  auto mode = store->db().Prepare("PRAGMA journal_mode");
  ASSERT_TRUE(mode);
  ASSERT_EQ(mode->Step(), SQLITE_ROW);
  EXPECT_EQ(mode->ColumnText(0), "wal");
  for (const char* table : {"sources", "articles", "figures", "sentiment", "runs", "fetch_state",
                            "articles_fts_pending", "articles_fts_state"}) {
    EXPECT_EQ(Count(*store, std::string("SELECT strict FROM pragma_table_list WHERE name = '") + table + "'"), 1)
        << table << " is not STRICT";
  }
  for (const char* view : {"figure_mentions", "liquidations", "price_mentions", "percent_moves", "daily_liquidations",
                           "daily_liquidations_by_asset",
                           "article_sentiment", "article_list", "articles_fts", "articles_not_indexed",
                           "sentiment_evidence"})
    EXPECT_EQ(Count(*store, std::string("SELECT count(*) FROM ") + view), 0) << view;
}

TEST(SchemaTest, ReopeningAppliesNothingTwice) {
  TempDir dir;
  { ASSERT_TRUE(ArticleStore::Open(dir.File("a.db"))); }
  auto again = ArticleStore::Open(dir.File("a.db"));
  ASSERT_TRUE(again) << again.error();
  EXPECT_EQ(Count(*again, "PRAGMA user_version"), CurrentSchemaVersion());
}

// A database created by an older binary: migrations applied one at a time,
// with data written at each step, must come out whole at the current version.
TEST(SchemaTest, EveryMigrationKeepsTheDataWrittenBeforeIt) {
  TempDir dir;
  std::string path = dir.File("old.db");
  {
    auto db = SqliteDb::Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->Exec("PRAGMA foreign_keys = ON"));
    ASSERT_TRUE(db->Exec(Migrations()[0].sql));
    ASSERT_TRUE(db->Exec("PRAGMA user_version = 1"));
    ASSERT_TRUE(db->Exec(
        "INSERT INTO sources(id, name, first_seen_at) VALUES (1, 'wire', 't');"
        "INSERT INTO articles(id, source_id, canonical_url, url, text, content_hash, extractor_version, "
        "first_seen_at, updated_at, fetched_at, published_at) VALUES (7, 1, 'https://x.example/a', "
        "'https://x.example/a', 'ETH fell 5%.', 'h', 1, 't', 't', 't', '2026-11-20T00:00:00Z');"
        "INSERT INTO figures(id, article_id, ordinal, kind, asset, value, unit, qualifier, direction, start, "
        "\"end\", text, sentence) VALUES (40, 7, 0, 'percent_change', 'ETH', 5, '%', 'exact', 'down', 8, 10, "
        "'5%', 0);"
        "INSERT INTO sentiment(article_id, asset, score, label) VALUES (7, NULL, -0.4, 'negative');"
        "INSERT INTO runs(id, command, started_at, status, articles_new) VALUES (3, 'ingest', 't', 'ok', 1);"));
  }
  auto store = ArticleStore::Open(path);
  ASSERT_TRUE(store) << store.error();
  EXPECT_EQ(Count(*store, "PRAGMA user_version"), CurrentSchemaVersion());
  EXPECT_EQ(Count(*store, "SELECT id FROM figures WHERE article_id = 7 AND text = '5%'"), 40);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM figure_mentions WHERE role IS NULL"), 1);  // added by 6
  EXPECT_EQ(Count(*store, "SELECT signed_percent FROM percent_moves WHERE metric = 'price'"), -5);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM article_sentiment WHERE label = 'negative'"), 1);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'fell'"), 1);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
  EXPECT_EQ(Count(*store, "SELECT articles_new FROM runs WHERE id = 3 AND command = 'ingest'"), 1);
  // Cascades still work on the rebuilt tables.
  ASSERT_TRUE(store->db().Exec("DELETE FROM articles"));
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM figures") + Count(*store, "SELECT count(*) FROM sentiment"), 0);
}

// Migration 6: a price's role is stored, checked, and shown by the views.
TEST(SchemaTest, PriceRoleIsStoredAndShownInThePriceView) {
  TempDir dir;
  auto store = ArticleStore::Open(dir.File("a.db"));
  ASSERT_TRUE(store) << store.error();
  Figure target;
  target.kind = FigureKind::kPrice;
  target.asset = "SOL";
  target.value = 250;
  target.role = PriceRole::kTarget;
  target.start = 10;
  target.end = 14;
  target.text = "$250";
  Figure move = target;
  move.kind = FigureKind::kPercentChange;
  move.role = PriceRole::kNone;
  move.unit = "%";
  move.text = "4%";
  auto r = store->UpsertArticle(MakeArticle("sol-target", "SOL eyes $250 after a 4% gain."), {target, move}, {}, 1);
  ASSERT_TRUE(r) << r.error().message;
  auto row = store->db().Prepare("SELECT role, price FROM price_mentions");
  ASSERT_TRUE(row);
  ASSERT_EQ(row->Step(), SQLITE_ROW);
  EXPECT_EQ(row->ColumnText(0), "target");
  EXPECT_EQ(row->Step(), SQLITE_DONE);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM figure_mentions WHERE kind = 'percent_change' AND role IS NULL"), 1);
  // Only the contract's roles are accepted.
  EXPECT_FALSE(store->db().Exec("UPDATE figures SET role = 'guess'"));
}

TEST(SchemaTest, NewerDatabaseIsRefused) {
  TempDir dir;
  std::string path = dir.File("new.db");
  {
    auto db = SqliteDb::Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->Exec("PRAGMA user_version = 999"));
  }
  auto store = ArticleStore::Open(path);
  ASSERT_FALSE(store);
  EXPECT_NE(store.error().find("newer"), std::string::npos) << store.error();
  EXPECT_NE(store.error().find(path), std::string::npos) << store.error();
}

TEST(SchemaTest, NonDatabaseFileIsRefusedWithItsName) {
  TempDir dir;
  std::string path = dir.Write("junk.db", std::string(4096, 'x'));
  auto store = ArticleStore::Open(path);
  ASSERT_FALSE(store);
  EXPECT_NE(store.error().find(path), std::string::npos) << store.error();
}

TEST(ArticleStoreTest, RoundTripsEveryFigureFieldAndSentiment) {
  TempDir dir;
  auto store = ArticleStore::Open(dir.File("a.db"));
  ASSERT_TRUE(store) << store.error();
  ArticleRecord a = MakeArticle("btc-drop", "Longs lost $1.2 billion. Bitcoin sentiment soured.");
  Figure f = LiquidationWithEveryField();
  f.sentence = 0;
  Figure plain;  // every optional field empty → NULL
  plain.kind = FigureKind::kPercentChange;
  plain.value = 4.5;
  plain.unit = "%";
  plain.start = 30;
  plain.end = 34;
  plain.text = "4.5%";
  plain.sentence = 1;
  ArticleSentiment s;
  s.score = -0.5;
  s.label = SentimentLabel::kNegative;
  s.assets.push_back({"BTC", -0.7, SentimentLabel::kNegative, 2, {}});
  auto r = store->UpsertArticle(a, {f, plain}, {&s, 3}, 7);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, UpsertOutcome::kNew);

  auto row = store->db().Prepare(
      "SELECT url, title, source, published_at, kind, asset, value, value_high, unit, qualifier, direction, window, "
      "side, name, metric, start, \"end\", text, sentence FROM figure_mentions ORDER BY figure_id");
  ASSERT_TRUE(row);
  ASSERT_EQ(row->Step(), SQLITE_ROW);
  EXPECT_EQ(row->ColumnText(0), "https://news.example/btc-drop");
  EXPECT_EQ(row->ColumnText(1), "Story btc-drop");
  EXPECT_EQ(row->ColumnText(2), "testwire");
  EXPECT_EQ(row->ColumnText(3), "2026-11-20T08:30:00Z");
  EXPECT_EQ(row->ColumnText(4), "liquidation");
  EXPECT_EQ(row->ColumnText(5), "BTC");
  EXPECT_EQ(row->ColumnDouble(6), 1.2e9);
  EXPECT_EQ(row->ColumnDouble(7), 1.3e9);
  EXPECT_EQ(row->ColumnText(8), "USD");
  EXPECT_EQ(row->ColumnText(9), "approx");
  EXPECT_EQ(row->ColumnText(10), "down");
  EXPECT_EQ(row->ColumnText(11), "PT24H");
  EXPECT_EQ(row->ColumnText(12), "long");
  EXPECT_EQ(row->ColumnText(13), "rsi");
  EXPECT_EQ(row->ColumnText(14), "price");
  EXPECT_EQ(row->ColumnInt(15), 11);
  EXPECT_EQ(row->ColumnInt(16), 24);
  EXPECT_EQ(row->ColumnText(17), "$1.2 billion");
  EXPECT_EQ(row->ColumnInt(18), 0);
  ASSERT_EQ(row->Step(), SQLITE_ROW);
  EXPECT_EQ(row->ColumnText(4), "percent_change");
  for (int col : {5, 7, 10, 11, 12, 13, 14}) EXPECT_TRUE(row->ColumnIsNull(col)) << col;
  EXPECT_EQ(row->ColumnText(9), "exact");
  EXPECT_EQ(row->Step(), SQLITE_DONE);

  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles WHERE authors = '[\"A. Writer\",\"B. Editor\"]' "
                          "AND extractor_version = 7 AND sentiment_version = 3 AND language = 'en'"),
            1);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM sentiment WHERE asset IS NULL AND label = 'negative'"), 1);
  EXPECT_EQ(Count(*store, "SELECT sentences FROM article_sentiment WHERE asset = 'BTC'"), 2);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM liquidations WHERE usd = 1.2e9 AND side = 'long'"), 1);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM percent_moves WHERE signed_percent = 4.5"), 1);
  EXPECT_EQ(Count(*store, "SELECT long_usd FROM daily_liquidations_by_asset WHERE day = '2026-11-20' AND asset = 'BTC'"), 1200000000);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM daily_liquidations"), 0) << "a BTC figure is not market-wide";
  ASSERT_TRUE(store->UpdateSearchIndex());
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'soured'"), 1);
}

// The evidence behind the article's and each asset's sentiment is stored with
// offsets that find it again in the stored title or text (schema 0007).
TEST(ArticleStoreTest, SentimentEvidenceKeepsOffsetsIntoTitleAndText) {
  TempDir dir;
  auto store = ArticleStore::Open(dir.File("e.db"));
  ASSERT_TRUE(store) << store.error();
  ArticleRecord a = MakeArticle("eth-rally",
                                "Traders in Zürich piled into ether — the rally gathered pace.\n"
                                "Ether jumped 8% to $3,400, its best day in a month.\n"
                                "The conference on tokenisation opens in Zürich on Monday.");
  a.title = "Ether surges as bullish traders return";
  FigureExtractor extractor;
  std::vector<Figure> figures = extractor.Extract(a.text);
  const SentimentAnalyzer analyzer;
  ArticleSentiment s = analyzer.ScoreArticle({a.title, a.text, figures});
  ASSERT_FALSE(s.evidence.empty());
  auto r = store->UpsertArticle(a, figures, {&s, kSentimentVersion}, 7);
  ASSERT_TRUE(r) << r.error().message;

  EXPECT_GE(Count(*store, "SELECT count(*) FROM sentiment_evidence WHERE asset IS NULL"), 2);
  EXPECT_GE(Count(*store, "SELECT count(*) FROM sentiment_evidence WHERE asset = 'ETH'"), 2);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM sentiment_evidence WHERE place = 'headline' AND in_title = 1"),
            Count(*store, "SELECT count(*) FROM sentiment_evidence WHERE in_title = 1"));
  // Every stored piece is where its offsets say, in the title or the text.
  EXPECT_EQ(Count(*store,
                  "SELECT count(*) FROM sentiment_evidence e JOIN articles a ON a.id = e.article_id "
                  "WHERE substr(CASE e.in_title WHEN 1 THEN a.title ELSE a.text END, e.start + 1, e.\"end\" - e.start) "
                  "<> e.text"),
            0);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM sentiment_evidence WHERE in_title = 1"), 1 + 1);  // article + ETH
  // Reprocessing replaces the rows, evidence with them.
  auto again = store->UpsertArticle(a, figures, {&s, kSentimentVersion}, 8);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM sentiment_evidence WHERE in_title = 1"), 2);
}

// Consecutive figures that share some fields and differ in others (the
// store binds only what changed from the previous figure) are stored exactly
// as each figure alone in an article of its own.
TEST(ArticleStoreTest, FiguresSharingOrChangingAnyFieldStoreLikeFiguresAlone) {
  TempDir dir;
  auto store = ArticleStore::Open(dir.File("a.db"));
  ASSERT_TRUE(store);
  const Figure full = LiquidationWithEveryField();
  Figure empty;  // every optional field empty → NULL
  empty.kind = FigureKind::kPercentChange;
  empty.unit = "%";
  empty.text = "4.5%";
  Figure other_asset = full;
  other_asset.asset = "ETH";
  Figure other_text = full;
  other_text.text = "$1.3 billion";
  other_text.window = "";
  const std::vector<Figure> sequence = {full, empty, full, full, other_asset, empty, other_text, empty};
  ASSERT_TRUE(store->UpsertArticle(MakeArticle("together", "t"), sequence, {}, 1));
  for (size_t i = 0; i < sequence.size(); ++i)
    ASSERT_TRUE(store->UpsertArticle(MakeArticle("alone" + std::to_string(i), "t"), {sequence[i]}, {}, 1));
  const std::string columns =
      "quote(kind)||quote(asset)||quote(value)||quote(value_high)||quote(unit)||quote(qualifier)||"
      "quote(direction)||quote(window)||quote(side)||quote(name)||quote(metric)||quote(start)||quote(\"end\")||"
      "quote(text)||quote(sentence)";
  auto together = store->db().Prepare("SELECT " + columns + " FROM figure_mentions WHERE url LIKE '%/together' "
                                      "ORDER BY figure_id");
  ASSERT_TRUE(together);
  for (size_t i = 0; i < sequence.size(); ++i) {
    ASSERT_EQ(together->Step(), SQLITE_ROW) << i;
    auto alone = store->db().Prepare("SELECT " + columns + " FROM figure_mentions WHERE url LIKE '%/alone" +
                                     std::to_string(i) + "'");
    ASSERT_TRUE(alone);
    ASSERT_EQ(alone->Step(), SQLITE_ROW) << i;
    EXPECT_EQ(together->ColumnText(0), alone->ColumnText(0)) << "figure " << i;
  }
  EXPECT_EQ(together->Step(), SQLITE_DONE);
}

TEST(ArticleStoreTest, SameArticleTwiceWritesNothing) {
  TempDir dir;
  auto store = ArticleStore::Open(dir.File("a.db"));
  ASSERT_TRUE(store);
  ArticleRecord a = MakeArticle("x", "Shorts lost $5 million.");
  std::vector<Figure> figs = {MakeLiquidation(5e6, Side::kShort, 12, 22, "$5 million")};
  ASSERT_EQ(store->UpsertArticle(a, figs, {}, 1).value(), UpsertOutcome::kNew);
  int64_t changes_before = sqlite3_total_changes(store->db().get());
  auto again = store->UpsertArticle(a, figs, {}, 1);
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, UpsertOutcome::kUnchanged);
  EXPECT_EQ(sqlite3_total_changes(store->db().get()), changes_before);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles"), 1);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM figures"), 1);
}

TEST(ArticleStoreTest, ChangedTextReplacesFiguresAndIndex) {
  TempDir dir;
  auto store = ArticleStore::Open(dir.File("a.db"));
  ASSERT_TRUE(store);
  ArticleRecord a = MakeArticle("x", "Shorts lost $5 million in a squeeze.");
  ASSERT_TRUE(store->UpsertArticle(a, {MakeLiquidation(5e6, Side::kShort, 12, 22, "$5 million"),
                                       MakeLiquidation(6e6, Side::kNone, 0, 1, "S")},
                                   {}, 1));
  a.text = "Longs lost $9 million after the update.";
  auto r = store->UpsertArticle(a, {MakeLiquidation(9e6, Side::kLong, 11, 21, "$9 million")}, {}, 1);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, UpsertOutcome::kUpdated);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles"), 1);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM figures"), 1);
  EXPECT_EQ(Count(*store, "SELECT value FROM figures"), 9000000);
  ASSERT_TRUE(store->UpdateSearchIndex());
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'squeeze'"), 0);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'update'"), 1);
}

TEST(ArticleStoreTest, BadFigureRollsBackTheWholeArticle) {
  TempDir dir;
  auto store = ArticleStore::Open(dir.File("a.db"));
  ASSERT_TRUE(store);
  Figure bad = MakeLiquidation(1, Side::kNone, 0, 1, "x");
  bad.kind = static_cast<FigureKind>(99);  // "?" fails the kind CHECK constraint
  auto r = store->UpsertArticle(MakeArticle("bad", "x"), {MakeLiquidation(1, Side::kNone, 0, 1, "x"), bad}, {}, 1);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("https://news.example/bad"), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().kind, StoreErrorKind::kBadArticle) << "a CHECK constraint is the article's fault";
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles"), 0);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM figures"), 0);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM sources"), 0);
  // The store stays usable after the failure.
  EXPECT_TRUE(store->UpsertArticle(MakeArticle("good", "y"), {}, {}, 1));
}

TEST(ArticleStoreTest, ArticleWithoutUrlIsABadArticleAndWritesNothing) {
  TempDir dir;
  auto store = ArticleStore::Open(dir.File("a.db"));
  ASSERT_TRUE(store);
  ArticleRecord nameless = MakeArticle("nameless", "x");
  nameless.url.clear();
  nameless.canonical_url.clear();
  auto r = store->UpsertArticle(nameless, {}, {}, 1);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, StoreErrorKind::kBadArticle);
  EXPECT_NE(r.error().message.find("article without URL ('Story nameless')"), std::string::npos)
      << r.error().message;
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles"), 0);
}

TEST(ArticleStoreTest, WriteWhileAnotherConnectionHoldsTheDatabaseIsBusy) {
  TempDir dir;
  auto store = ArticleStore::Open(dir.File("a.db"));
  ASSERT_TRUE(store);
  auto other = SqliteDb::Open(dir.File("a.db"), SQLITE_OPEN_READWRITE);
  ASSERT_TRUE(other);
  ASSERT_TRUE(other->Exec("PRAGMA busy_timeout = 0; BEGIN IMMEDIATE"));
  ASSERT_TRUE(store->db().Exec("PRAGMA busy_timeout = 0"));
  auto r = store->UpsertArticle(MakeArticle("a", "x"), {}, {}, 1);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, StoreErrorKind::kBusy) << r.error().message;
  ASSERT_TRUE(other->Exec("ROLLBACK"));
  EXPECT_TRUE(store->UpsertArticle(MakeArticle("a", "x"), {}, {}, 1)) << "usable once the other writer is done";
}

TEST(ArticleStoreTest, ReprocessSelectsOnlyOtherVersionsAndReplacesAtomically) {
  TempDir dir;
  auto store = ArticleStore::Open(dir.File("a.db"));
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->UpsertArticle(MakeArticle("old", "a"), {MakeLiquidation(1, Side::kNone, 0, 1, "a")}, {}, 1));
  ASSERT_TRUE(store->UpsertArticle(MakeArticle("new", "b"), {}, {}, 2));
  auto ids = store->ArticlesToReprocess(false, 2, std::nullopt);
  ASSERT_TRUE(ids);
  ASSERT_EQ(ids->size(), 1u);
  auto text = store->LoadText(ids->front());
  ASSERT_TRUE(text);
  EXPECT_EQ(text->canonical_url, "https://news.example/old");
  auto written = store->ReplaceDerived(text->id, {}, 2, {});
  ASSERT_TRUE(written) << written.error().message;
  EXPECT_EQ(*written, 0);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM figures"), 0);
  EXPECT_TRUE(store->ArticlesToReprocess(false, 2, std::nullopt)->empty());
  EXPECT_EQ(store->ArticlesToReprocess(true, 2, std::nullopt)->size(), 2u);
  // A sentiment version now counts: both articles were never scored.
  EXPECT_EQ(store->ArticlesToReprocess(false, 2, 1)->size(), 2u);
}

TEST(ArticleStoreTest, RunsLeftRunningAreMarkedInterrupted) {
  TempDir dir;
  auto store = ArticleStore::Open(dir.File("a.db"));
  ASSERT_TRUE(store);
  auto killed = store->BeginRun("ingest");
  ASSERT_TRUE(killed);
  auto next = store->BeginRun("ingest");
  ASSERT_TRUE(next);
  RunCounts c;
  c.articles_new = 3;
  c.figures = 7;
  ASSERT_TRUE(store->FinishRun(*next, RunStatus::kPartial, c, R"([{"source":"s","url":"u","error":"e"}])"));
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM runs WHERE status = 'interrupted' AND id = " + std::to_string(*killed)),
            1);
  EXPECT_EQ(Count(*store, "SELECT figures FROM runs WHERE status = 'partial' AND finished_at IS NOT NULL"), 7);
  EXPECT_EQ(Count(*store, "SELECT json_array_length(errors) FROM runs WHERE id = " + std::to_string(*next)), 1);
}

TEST(ArticleStoreTest, DeletingAnArticleCascades) {
  TempDir dir;
  auto store = ArticleStore::Open(dir.File("a.db"));
  ASSERT_TRUE(store);
  ArticleSentiment s;
  ASSERT_TRUE(store->UpsertArticle(MakeArticle("x", "t"), {MakeLiquidation(1, Side::kNone, 0, 1, "t")}, {&s, 1}, 1));
  ASSERT_TRUE(store->db().Exec("DELETE FROM articles"));
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM figures"), 0);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM sentiment"), 0);
  auto check = store->db().Prepare("PRAGMA integrity_check");
  ASSERT_TRUE(check);
  ASSERT_EQ(check->Step(), SQLITE_ROW);
  EXPECT_EQ(check->ColumnText(0), "ok");
}

// The full-text index after UpdateSearchIndex: nothing queued, and FTS5's
// own check that the index matches the articles table.
void ExpectSearchIndexComplete(ArticleStore& store) {
  ASSERT_TRUE(store.UpdateSearchIndex());
  EXPECT_EQ(Count(store, "SELECT count(*) FROM articles_not_indexed"), 0);
  EXPECT_TRUE(store.db().Exec("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')"));
  auto check = store.db().Prepare("PRAGMA integrity_check");
  ASSERT_TRUE(check);
  ASSERT_EQ(check->Step(), SQLITE_ROW);
  EXPECT_EQ(check->ColumnText(0), "ok");
}

TEST(SearchIndexTest, ArticlesAreQueuedInTheirTransactionAndIndexedInBatches) {
  TempDir dir;
  auto store = ArticleStore::Open(dir.File("a.db"));
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->UpsertArticle(MakeArticle("a", "Ether whales accumulated."), {}, {}, 1));
  ASSERT_TRUE(store->UpsertArticle(MakeArticle("b", "Solana validators upgraded."), {}, {}, 1));
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_not_indexed"), 2);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'whales'"), 0);
  EXPECT_EQ(store->UpdateSearchIndex().value_or(-1), 2);
  EXPECT_EQ(store->UpdateSearchIndex().value_or(-1), 0);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'whales'"), 1);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'validators'"), 1);
  ExpectSearchIndexComplete(*store);
}

TEST(SearchIndexTest, EveryBatchOfArticlesIsIndexedWithoutAnExplicitCall) {
  TempDir dir;
  auto store = ArticleStore::Open(dir.File("a.db"));
  ASSERT_TRUE(store);
  for (int i = 0; i < kSearchIndexBatch + 3; ++i)
    ASSERT_TRUE(store->UpsertArticle(MakeArticle("n" + std::to_string(i), "Marker text."), {}, {}, 1));
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_not_indexed"), 3);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'marker'"), kSearchIndexBatch);
  ExpectSearchIndexComplete(*store);
}

TEST(SearchIndexTest, OpenCatchesUpWhatAKilledWriterLeftQueued) {
  TempDir dir;
  std::string path = dir.File("a.db");
  { ASSERT_TRUE(ArticleStore::Open(path)); }
  {
    // A writer that committed an article and died before indexing it: the
    // insert trigger queued it.
    auto raw = SqliteDb::Open(path, SQLITE_OPEN_READWRITE);
    ASSERT_TRUE(raw);
    ASSERT_TRUE(raw->Exec(
        "INSERT INTO sources(id, name, first_seen_at) VALUES (1, 'wire', 't');"
        "INSERT INTO articles(source_id, canonical_url, url, text, content_hash, extractor_version, first_seen_at, "
        "updated_at, fetched_at) VALUES (1, 'https://x.example/q', 'https://x.example/q', 'Dogecoin rallied.', "
        "'h', 1, 't', 't', 't')"));
  }
  auto store = ArticleStore::Open(path);
  ASSERT_TRUE(store);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_not_indexed"), 0);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'dogecoin'"), 1);
  ExpectSearchIndexComplete(*store);
}

TEST(SearchIndexTest, StoringAnArticleWritesNothingForTheIndexInItsTransaction) {
  TempDir dir;
  auto store = ArticleStore::Open(dir.File("a.db"));
  ASSERT_TRUE(store);
  // No trigger on INSERT (it cost a statement journal and a trigger program
  // per article); new articles wait above the mark instead.
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'articles' "
                          "AND sql LIKE '%AFTER INSERT%'"),
            0);
  ASSERT_TRUE(store->UpsertArticle(MakeArticle("a", "Ether whales accumulated."), {}, {}, 1));
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_fts_pending"), 0);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_not_indexed"), 1);
  EXPECT_EQ(store->UpdateSearchIndex().value_or(-1), 1);
  EXPECT_EQ(Count(*store, "SELECT indexed_through FROM articles_fts_state"),
            Count(*store, "SELECT max(id) FROM articles"));
  ExpectSearchIndexComplete(*store);
}

TEST(SearchIndexTest, AnIdFreedByDeletingTheNewestArticleIsIndexedWhenReused) {
  TempDir dir;
  auto store = ArticleStore::Open(dir.File("a.db"));
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->UpsertArticle(MakeArticle("old", "Litecoin halved."), {}, {}, 1));
  ASSERT_TRUE(store->UpsertArticle(MakeArticle("newest", "Monero delisted."), {}, {}, 1));
  ASSERT_TRUE(store->UpdateSearchIndex());
  const int64_t freed = Count(*store, "SELECT max(id) FROM articles");
  ASSERT_TRUE(store->db().Exec("DELETE FROM articles WHERE canonical_url LIKE '%/newest'"));
  ASSERT_TRUE(store->UpsertArticle(MakeArticle("reuser", "Stellar anchors expanded."), {}, {}, 1));
  ASSERT_EQ(Count(*store, "SELECT id FROM articles WHERE canonical_url LIKE '%/reuser'"), freed);
  ExpectSearchIndexComplete(*store);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'stellar'"), 1);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'monero'"), 0);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'litecoin'"), 1);
}

TEST(SearchIndexTest, ArticlesQueuedBeforeSchema5AreIndexedAfterTheMigration) {
  TempDir dir;
  std::string path = dir.File("v4.db");
  {
    auto db = SqliteDb::Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(db);
    for (int v = 0; v < 4; ++v) ASSERT_TRUE(db->Exec(Migrations()[v].sql));
    ASSERT_TRUE(db->Exec("PRAGMA user_version = 4"));
    const char* insert =
        "INSERT INTO articles(source_id, canonical_url, url, text, content_hash, extractor_version, first_seen_at, "
        "updated_at, fetched_at) VALUES (1, ?1, ?1, ?2, 'h', 1, 't', 't', 't')";
    ASSERT_TRUE(db->Exec("INSERT INTO sources(id, name, first_seen_at) VALUES (1, 'wire', 't')"));
    auto stmt = db->Prepare(insert);
    ASSERT_TRUE(stmt);
    stmt->Bind(1, std::string_view("https://x.example/indexed")).Bind(2, std::string_view("Avalanche subnets grew."));
    ASSERT_TRUE(stmt->Run());
    // Schema 4's writer indexed the queue: do the same for the first article.
    ASSERT_TRUE(db->Exec("INSERT INTO articles_fts(rowid, title, text) SELECT id, title, text FROM articles;"
                         "DELETE FROM articles_fts_pending"));
    stmt->Bind(1, std::string_view("https://x.example/queued")).Bind(2, std::string_view("Chainlink oracles lagged."));
    ASSERT_TRUE(stmt->Run());
  }
  auto store = ArticleStore::Open(path);  // migrates, then catches up
  ASSERT_TRUE(store) << store.error();
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'avalanche'"), 1);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'chainlink'"), 1);
  ExpectSearchIndexComplete(*store);
}

// The index tokenized with unicode61 alone, so "liquidation" missed
// "liquidations". Migration 12 rebuilds it with the porter stemmer, both
// for articles indexed before it and for those still waiting above the mark.
TEST(SearchIndexTest, StemmingFindsOtherFormsOfAWordAfterTheMigrationRebuildsTheIndex) {
  TempDir dir;
  std::string path = dir.File("v11.db");
  {
    auto db = SqliteDb::Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(db);
    for (int v = 0; v < 11; ++v) ASSERT_TRUE(db->Exec(Migrations()[v].sql)) << Migrations()[v].name;
    ASSERT_TRUE(db->Exec("PRAGMA user_version = 11"));
    ASSERT_TRUE(db->Exec("INSERT INTO sources(id, name, first_seen_at) VALUES (1, 'wire', 't')"));
    auto stmt = db->Prepare(
        "INSERT INTO articles(source_id, canonical_url, url, text, content_hash, extractor_version, first_seen_at, "
        "updated_at, fetched_at) VALUES (1, ?1, ?1, ?2, 'h', 1, 't', 't', 't')");
    ASSERT_TRUE(stmt);
    stmt->Bind(1, std::string_view("https://x.example/indexed")).Bind(2, std::string_view("Longs faced liquidations."));
    ASSERT_TRUE(stmt->Run());
    stmt->Reset();
    // Schema 11's writer indexed the first article and raised the mark.
    ASSERT_TRUE(db->Exec("INSERT INTO articles_fts(rowid, title, text) SELECT id, title, text FROM articles;"
                         "UPDATE articles_fts_state SET indexed_through = (SELECT max(id) FROM articles)"));
    stmt->Bind(1, std::string_view("https://x.example/waiting")).Bind(2, std::string_view("Shorts were liquidated."));
    ASSERT_TRUE(stmt->Run());
  }
  auto store = ArticleStore::Open(path);
  ASSERT_TRUE(store) << store.error();
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'liquidation'"), 2);
  ExpectSearchIndexComplete(*store);
  // New and changed articles keep the index in step, stemmed.
  ASSERT_TRUE(store->UpsertArticle(MakeArticle("new", "Traders were squeezed."), {}, {}, 1));
  ASSERT_TRUE(store->UpdateSearchIndex());
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'squeeze'"), 1);
  ASSERT_TRUE(store->UpsertArticle(MakeArticle("new", "Traders were stopped out."), {}, {}, 1));
  ASSERT_TRUE(store->UpdateSearchIndex());
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'squeeze'"), 0);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'stop'"), 1);
  ExpectSearchIndexComplete(*store);
}

// sqlite-utils (Debian's package, installed by scripts/install-deps.sh)
// finds a table's FTS index by its content="articles" declaration; the
// single-quoted form of schema 1 was not recognised ("no FTS table").
TEST(SearchIndexTest, SqliteUtilsSearchFindsStemmedWords) {
  constexpr const char* kSqliteUtils = "/usr/bin/sqlite-utils";
  if (!std::filesystem::exists(kSqliteUtils))
    GTEST_SKIP() << kSqliteUtils << " is missing: install Debian's sqlite-utils (scripts/install-deps.sh)";
  TempDir dir;
  std::string path = dir.File("news.db");
  {
    auto store = ArticleStore::Open(path);
    ASSERT_TRUE(store) << store.error();
    ASSERT_TRUE(store->UpsertArticle(MakeArticle("liq", "Bitcoin liquidations topped $1 billion."), {}, {}, 1));
    ASSERT_TRUE(store->UpsertArticle(MakeArticle("calm", "Ether traded sideways."), {}, {}, 1));
    ASSERT_TRUE(store->UpdateSearchIndex());
  }
  std::string command = std::string(kSqliteUtils) + " search " + path + " articles liquidation -c canonical_url --csv 2>&1";
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  ASSERT_NE(p, nullptr);
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int status = pclose(p);
  EXPECT_EQ(status, 0) << out;
  EXPECT_NE(out.find("https://news.example/liq"), std::string::npos) << out;
  EXPECT_EQ(out.find("https://news.example/calm"), std::string::npos) << out;
}

TEST(SearchIndexTest, UpdatesAndDeletesKeepTheIndexExactWhetherIndexedOrQueued) {
  TempDir dir;
  auto store = ArticleStore::Open(dir.File("a.db"));
  ASSERT_TRUE(store);
  ArticleRecord indexed = MakeArticle("indexed", "Cardano forked smoothly.");
  ArticleRecord queued = MakeArticle("queued", "Polkadot parachains paused.");
  ASSERT_TRUE(store->UpsertArticle(indexed, {}, {}, 1));
  ASSERT_TRUE(store->UpdateSearchIndex());
  ASSERT_TRUE(store->UpsertArticle(queued, {}, {}, 1));
  // Changed while indexed (removed from the index at once, queued again)
  // and changed while still queued (stays queued once).
  indexed.text = "Cardano stalled.";
  queued.text = "Polkadot resumed.";
  ASSERT_EQ(store->UpsertArticle(indexed, {}, {}, 1).value(), UpsertOutcome::kUpdated);
  ASSERT_EQ(store->UpsertArticle(queued, {}, {}, 1).value(), UpsertOutcome::kUpdated);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'forked'"), 0);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_not_indexed"), 2);
  ExpectSearchIndexComplete(*store);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'stalled OR resumed'"), 2);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'paused OR forked'"), 0);

  // Deleting an indexed article and a queued one.
  ASSERT_TRUE(store->UpsertArticle(MakeArticle("late", "Tron burned fees."), {}, {}, 1));
  ASSERT_TRUE(store->db().Exec("DELETE FROM articles WHERE canonical_url LIKE '%/indexed' OR canonical_url LIKE '%/late'"));
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_not_indexed"), 0);
  ExpectSearchIndexComplete(*store);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'cardano OR tron'"), 0);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'polkadot'"), 1);
}

TEST(IngestLockTest, SecondHolderIsBusyUntilTheFirstLetsGo) {
  TempDir dir;
  std::string db = dir.File("a.db");
  {
    auto first = IngestLock::Acquire(db);
    ASSERT_TRUE(first) << first.error().message;
    auto second = IngestLock::Acquire(db);
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().error, IngestLock::Error::kBusy);
    EXPECT_NE(second.error().message.find("another ingest"), std::string::npos);
  }
  EXPECT_TRUE(IngestLock::Acquire(db));
}

TEST(IngestLockTest, UnwritableDirectoryIsAnIoError) {
  auto lock = IngestLock::Acquire("/nonexistent-dir/x.db");
  ASSERT_FALSE(lock);
  EXPECT_EQ(lock.error().error, IngestLock::Error::kIo);
  EXPECT_NE(lock.error().message.find("/nonexistent-dir/x.db.lock"), std::string::npos);
}

}  // namespace
}  // namespace cn
