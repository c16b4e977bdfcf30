// WarcProgressStore: how far each WARC input has been read (table
// warc_inputs, schema 0006), so a killed or stopped `cryptonews warc` run
// resumes after the last record whose articles were committed, and a
// finished input is not read again.
//
// Save() writes on the store's connection: called while a bulk batch is open
// (article_store.h), the mark commits with that batch's articles or not at
// all, which is what makes resuming exact. Errors name the database.
//
// Lifetimes: `db` must outlive the store. Single-threaded.
#pragma once

#include <cstdint>
#include <expected>
#include <optional>
#include <string>

#include "pipeline/store/sqlite_handle.h"

namespace cn {

struct WarcProgress {
  std::string input;            // absolute path or URL
  std::string first_record_id;  // WARC-Record-ID of the input's first record
  std::string last_record_id;   // the last record handled; "" = none yet
  uint64_t last_offset = 0;         // its file byte (warc_reader.h: WarcRecord::offset)
  uint64_t last_stream_offset = 0;  // its decoded-stream byte
  bool last_starts_member = false;  // a reader may be started at last_offset
  int64_t records = 0;              // records handled so far
  bool finished = false;            // read to the end
  int64_t run_id = 0;
};

class WarcProgressStore {
 public:
  static std::expected<WarcProgressStore, std::string> Create(SqliteDb& db);

  std::expected<std::optional<WarcProgress>, std::string> Load(const std::string& input);
  std::expected<void, std::string> Save(const WarcProgress& progress);
  // Forgets an input, so it is read from the start again.
  std::expected<void, std::string> Forget(const std::string& input);

 private:
  explicit WarcProgressStore(SqliteDb& db) : db_(&db) {}
  SqliteDb* db_;
  Statement load_, save_, forget_;
};

}  // namespace cn
