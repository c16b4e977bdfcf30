#include "pipeline/store/store_error.h"

#include <sqlite3.h>

namespace cn {

std::string_view ToString(StoreErrorKind kind) {
  switch (kind) {
    case StoreErrorKind::kBadArticle: return "bad article";
    case StoreErrorKind::kBusy: return "busy";
    case StoreErrorKind::kDatabase: break;
  }
  return "database";
}

StoreErrorKind StoreErrorKindOf(int sqlite_code) {
  switch (sqlite_code & 0xff) {
    case SQLITE_CONSTRAINT:
    case SQLITE_TOOBIG:
    case SQLITE_MISMATCH:
      return StoreErrorKind::kBadArticle;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return StoreErrorKind::kBusy;
    default:
      return StoreErrorKind::kDatabase;
  }
}

}  // namespace cn
