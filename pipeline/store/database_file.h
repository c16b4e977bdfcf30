// CheckWritableDatabaseFile: may a writer (ingest, reprocess) use the file at
// `path`? Asked before the ingest lock is taken or anything is created, so a
// refusal leaves the directory as it was.
//
// Yes when the file does not exist yet (it will be created), is empty, or is
// a cryptonews database (schema_migrations.h's CheckOwnDatabase). No, with a
// message naming the path, when it is a directory, not an SQLite file, or
// another program's database. The check reads the file as it stands
// (SQLite's immutable mode: no locks, no -wal or -shm created); a database
// whose tables exist only in a write-ahead log passes here and is checked
// again by ArticleStore::Open over a normal connection.
//
// Thread-safe (no shared state).
#pragma once

#include <expected>
#include <string>

namespace cn {

std::expected<void, std::string> CheckWritableDatabaseFile(const std::string& path);

}  // namespace cn
