// StoreError: why a write to the article store failed, as a kind the caller
// can act on plus a message for people.
//
// - kBadArticle: this article cannot be stored (no URL, a value that breaks a
//   CHECK or a type, a string too big); the next article may well succeed.
// - kBusy: another connection held the database past the busy timeout.
// - kDatabase: anything else (disk full, I/O error, corrupt file, a failed
//   COMMIT): the database itself is in trouble.
//
// The kind is decided where the failure happens (the store passes SQLite's
// result code to StoreErrorKindOf at once), so callers never inspect
// SQLITE_* codes.
#pragma once

#include <string>
#include <string_view>

namespace cn {

enum class StoreErrorKind { kBadArticle, kBusy, kDatabase };

struct StoreError {
  StoreErrorKind kind = StoreErrorKind::kDatabase;
  std::string message;  // names the article (its URL or id) or the database file
};

// "bad article", "busy", "database".
std::string_view ToString(StoreErrorKind kind);

// The kind for an SQLite result code (primary or extended): CONSTRAINT,
// TOOBIG and MISMATCH are the article's fault, BUSY and LOCKED are busy, the
// rest is the database's.
StoreErrorKind StoreErrorKindOf(int sqlite_code);

}  // namespace cn
