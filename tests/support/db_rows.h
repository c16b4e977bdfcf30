// Test helper: rows of a query on a database file as "a|b|c|" strings, and
// the queries that say whether two databases hold the same articles,
// figures and sentiment (ids, first_seen_at and updated_at aside).
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/store/sqlite_handle.h"

namespace cn::testing {

inline std::vector<std::string> DbRows(const std::string& db_path, const std::string& sql) {
  auto db = SqliteDb::Open(db_path, SQLITE_OPEN_READONLY);
  EXPECT_TRUE(db) << db.error();
  if (!db) return {};
  auto stmt = db->Prepare(sql);
  EXPECT_TRUE(stmt) << stmt.error();
  if (!stmt) return {};
  std::vector<std::string> rows;
  while (stmt->Step() == SQLITE_ROW) {
    std::string row;
    for (int c = 0; c < stmt->ColumnCount(); ++c) row += std::string(stmt->ColumnText(c)) + "|";
    rows.push_back(row);
  }
  return rows;
}

inline int64_t DbInt(const std::string& db_path, const std::string& sql) {
  auto db = SqliteDb::Open(db_path, SQLITE_OPEN_READONLY);
  if (!db) return -1;
  return db->QueryInt(sql).value_or(-1);
}

inline const char* kSameArticlesSql =
    "SELECT a.canonical_url, a.url, s.name, a.title, a.authors, a.published_at, a.modified_at, a.fetched_at, "
    "a.language, a.site_name, a.text, a.content_hash, a.extractor_version, a.sentiment_version FROM articles a "
    "JOIN sources s ON s.id = a.source_id ORDER BY a.canonical_url";
inline const char* kSameFiguresSql =
    "SELECT a.canonical_url, f.ordinal, f.kind, f.asset, f.value, f.value_high, f.unit, f.qualifier, f.direction, "
    "f.window, f.side, f.name, f.metric, f.start, f.\"end\", f.text, f.sentence FROM figures f "
    "JOIN articles a ON a.id = f.article_id ORDER BY a.canonical_url, f.ordinal";
inline const char* kSameSentimentSql =
    "SELECT a.canonical_url, coalesce(s.asset, ''), s.score, s.label, s.sentences FROM sentiment s "
    "JOIN articles a ON a.id = s.article_id ORDER BY a.canonical_url, coalesce(s.asset, '')";

// Both databases hold the same articles, figures and sentiment.
inline void ExpectSameContent(const std::string& a, const std::string& b) {
  EXPECT_EQ(DbRows(a, kSameArticlesSql), DbRows(b, kSameArticlesSql));
  EXPECT_EQ(DbRows(a, kSameFiguresSql), DbRows(b, kSameFiguresSql));
  EXPECT_EQ(DbRows(a, kSameSentimentSql), DbRows(b, kSameSentimentSql));
}

}  // namespace cn::testing
