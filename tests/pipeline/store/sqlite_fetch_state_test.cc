#include "pipeline/store/sqlite_fetch_state.h"

#include <gtest/gtest.h>

#include "pipeline/store/article_store.h"
#include "tests/support/temp_dir.h"

namespace cn {
namespace {

using testing::TempDir;

class SqliteFetchStateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = ArticleStore::Open(dir_.File("s.db"));
    ASSERT_TRUE(store) << store.error();
    store_.emplace(std::move(*store));
    auto state = SqliteFetchStateStore::Create(store_->db());
    ASSERT_TRUE(state) << state.error();
    state_ = std::move(*state);
  }
  int64_t Rows(const std::string& where) {
    return store_->db().QueryInt("SELECT count(*) FROM fetch_state WHERE " + where).value_or(-1);
  }
  static FetchState WithEtag(const std::string& etag) {
    FetchState s;
    s.etag = etag;
    s.last_status = 200;
    s.fetched_at = "2026-11-25T19:00:00Z";
    return s;
  }

  TempDir dir_;
  std::optional<ArticleStore> store_;
  std::unique_ptr<SqliteFetchStateStore> state_;
};

TEST_F(SqliteFetchStateTest, ValidatorsWaitForCommitButAreVisibleToGet) {
  state_->Put("https://x.example/a", WithEtag("\"v1\""));
  EXPECT_EQ(Rows("1"), 0);
  ASSERT_TRUE(state_->Get("https://x.example/a"));
  EXPECT_EQ(state_->Get("https://x.example/a")->etag, "\"v1\"");
  state_->Commit("https://x.example/a");
  EXPECT_EQ(Rows("url = 'https://x.example/a' AND etag = '\"v1\"' AND last_status = 200"), 1);
  EXPECT_EQ(state_->pending(), 0u);
  // Read back from the table.
  auto again = SqliteFetchStateStore::Create(store_->db());
  ASSERT_TRUE(again);
  auto got = (*again)->Get("https://x.example/a");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->etag, "\"v1\"");
  EXPECT_EQ(got->fetched_at, "2026-11-25T19:00:00Z");
  EXPECT_FALSE((*again)->Get("https://x.example/never"));
}

TEST_F(SqliteFetchStateTest, FailuresCountRunsKeepValidatorsAndResetOnSuccess) {
  const std::string url = "https://x.example/f";
  EXPECT_EQ(state_->Failures(url), 0);
  state_->Put(url, WithEtag("\"good\""));
  state_->Commit(url);
  FetchState failed = WithEtag("\"good\"");  // the Fetcher carries the old validators along
  failed.last_status = 503;
  failed.last_error = url + ": HTTP 503";
  state_->Put(url, failed);
  state_->Put(url, failed);
  EXPECT_EQ(state_->Failures(url), 2);
  EXPECT_EQ(Rows("url = '" + url + "' AND etag = '\"good\"' AND last_status = 503 AND last_error LIKE '%503'"), 1);
  FetchState http_error;  // an HTTP error status without a message counts too
  http_error.last_status = 404;
  state_->Put(url, http_error);
  EXPECT_EQ(state_->Failures(url), 3);
  state_->Put(url, WithEtag("\"new\""));
  state_->Commit(url);
  EXPECT_EQ(state_->Failures(url), 0);
  EXPECT_EQ(Rows("url = '" + url + "' AND etag = '\"new\"' AND last_error IS NULL"), 1);
  state_->ForgetValidators(url);
  EXPECT_EQ(Rows("url = '" + url + "' AND etag IS NULL AND last_modified IS NULL AND last_status = 200"), 1);
}

TEST_F(SqliteFetchStateTest, DiscardedValidatorsAreNeverWritten) {
  state_->Put("https://x.example/b", WithEtag("\"v2\""));
  state_->Discard("https://x.example/b");
  ASSERT_TRUE(state_->CommitAll());
  EXPECT_EQ(Rows("1"), 0);
  EXPECT_FALSE(state_->Get("https://x.example/b"));
}

TEST_F(SqliteFetchStateTest, ErrorsWithoutValidatorsAreWrittenAtOnce) {
  FetchState failed;
  failed.last_status = 503;
  failed.last_error = "https://x.example/c: HTTP 503";
  state_->Put("https://x.example/c", failed);
  EXPECT_EQ(Rows("url = 'https://x.example/c' AND etag IS NULL AND last_status = 503"), 1);
}

TEST_F(SqliteFetchStateTest, CommitAllWritesFeedsAtTheEnd) {
  state_->Put("https://x.example/feed.xml", WithEtag("\"f\""));
  state_->Put("https://x.example/sitemap.xml", WithEtag("\"s\""));
  ASSERT_TRUE(state_->CommitAll());
  EXPECT_EQ(Rows("etag IS NOT NULL"), 2);
  state_->Put("https://x.example/feed.xml", WithEtag("\"f2\""));
  ASSERT_TRUE(state_->CommitAll());
  EXPECT_EQ(Rows("url = 'https://x.example/feed.xml' AND etag = '\"f2\"'"), 1);
}

}  // namespace
}  // namespace cn
