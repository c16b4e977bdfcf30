#include "pipeline/store/store_error.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

namespace cn {
namespace {

TEST(StoreErrorTest, SqliteCodesMapToKinds) {
  EXPECT_EQ(StoreErrorKindOf(SQLITE_CONSTRAINT), StoreErrorKind::kBadArticle);
  EXPECT_EQ(StoreErrorKindOf(SQLITE_CONSTRAINT_CHECK), StoreErrorKind::kBadArticle);
  EXPECT_EQ(StoreErrorKindOf(SQLITE_TOOBIG), StoreErrorKind::kBadArticle);
  EXPECT_EQ(StoreErrorKindOf(SQLITE_MISMATCH), StoreErrorKind::kBadArticle);
  EXPECT_EQ(StoreErrorKindOf(SQLITE_BUSY), StoreErrorKind::kBusy);
  EXPECT_EQ(StoreErrorKindOf(SQLITE_BUSY_SNAPSHOT), StoreErrorKind::kBusy);
  EXPECT_EQ(StoreErrorKindOf(SQLITE_LOCKED), StoreErrorKind::kBusy);
  EXPECT_EQ(StoreErrorKindOf(SQLITE_FULL), StoreErrorKind::kDatabase);
  EXPECT_EQ(StoreErrorKindOf(SQLITE_IOERR_WRITE), StoreErrorKind::kDatabase);
  EXPECT_EQ(StoreErrorKindOf(SQLITE_CORRUPT), StoreErrorKind::kDatabase);
  EXPECT_EQ(ToString(StoreErrorKind::kBadArticle), "bad article");
  EXPECT_EQ(ToString(StoreErrorKind::kBusy), "busy");
  EXPECT_EQ(ToString(StoreErrorKind::kDatabase), "database");
}

}  // namespace
}  // namespace cn
