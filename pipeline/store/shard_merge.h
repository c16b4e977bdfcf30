// MergeShard: one shard database (a `cryptonews warc` output, or any
// cryptonews database) merged into the store's, in one transaction.
//
//   - articles are matched by canonical URL; of two versions the newer
//     content wins (IsNewerContent: later fetched_at, then the larger
//     content hash), with its figures and sentiment; the same content
//     fetched later only moves fetched_at and url forward. So merging
//     shards in any order, or a shard twice, gives the same database, and
//     the same as one `warc` run over all their inputs.
//   - sources are carried over by name; runs are carried over once (each
//     keeps an origin "<shard file>:<run id>:<started_at>", unique), so a
//     second merge of the same shard adds nothing.
//   - columns are matched by name, so a shard of an older schema merges
//     (columns it lacks take their defaults); a shard of a newer schema, or
//     a file that is not a cryptonews database, is refused before anything
//     is written.
//
// The shard is attached and only read. The caller holds the
// target's ingest lock. Errors name the shard.
#pragma once

#include <cstdint>
#include <expected>
#include <string>

#include "pipeline/store/article_store.h"

namespace cn {

struct ShardMergeCounts {
  int64_t articles_new = 0;
  int64_t articles_updated = 0;    // replaced by the shard's newer content
  int64_t articles_unchanged = 0;  // same or older content
  int64_t figures = 0;             // figure rows written
  int64_t runs = 0;                // run rows carried over
};

// Whether `path` can be merged: a cryptonews database of this schema
// version or an older one. The error names the file.
std::expected<void, std::string> CheckMergeableShard(const std::string& path);

std::expected<ShardMergeCounts, std::string> MergeShard(ArticleStore& store, const std::string& shard_path);

}  // namespace cn
