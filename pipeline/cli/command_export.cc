#include "pipeline/cli/command_export.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

#include "extractors/figure.h"
#include "pipeline/cli/date_flag.h"
#include "pipeline/cli/exit_codes.h"
#include "pipeline/cli/whole_number.h"
#include "pipeline/cli/export_cursor.h"
#include "pipeline/cli/row_writer.h"
#include "pipeline/store/article_store.h"
#include "pipeline/store/read_only_db.h"

namespace cn {
namespace {

// The figure contract's fields first, then where the figure comes from, then
// the figure's stored id and the extractor version that produced it. A list
// filter (?4..?6) is a JSON array, or NULL for "any".
constexpr const char* kExportSql =
    "SELECT m.kind, m.asset, m.value, m.value_high, m.unit, m.qualifier, m.direction, m.window, m.side, m.name, "
    "m.role, m.metric, m.start, m.\"end\", m.text, m.sentence, m.url, m.title, m.source, m.published_at, "
    "m.article_id, m.figure_id, a.extractor_version "
    "FROM figure_mentions m JOIN articles a ON a.id = m.article_id "
    "WHERE (?1 IS NULL OR m.published_at >= ?1) AND (?2 IS NULL OR m.published_at < ?2) "
    "AND (?3 IS NULL OR m.kind IN (SELECT value FROM json_each(?3))) "
    "AND (?4 IS NULL OR m.asset IN (SELECT value FROM json_each(?4))) "
    "AND (?5 IS NULL OR m.source IN (SELECT value FROM json_each(?5))) "
    "AND (?6 IS NULL OR m.figure_id > ?6) AND (?7 IS NULL OR m.figure_id <= ?7) ";
constexpr const char* kByTime = "ORDER BY m.published_at, m.article_id, m.figure_id";
constexpr const char* kById = "ORDER BY m.figure_id";

// A JSON array of `values` ("" when there are none: no filter).
std::string JsonList(const std::vector<std::string>& values) {
  if (values.empty()) return "";
  return nlohmann::json(values).dump();
}

// The --kind choices, spelled as the figure contract spells them.
std::vector<std::string> KindNames() {
  std::vector<std::string> names;
  for (FigureKind kind : kAllFigureKinds) names.emplace_back(ToString(kind));
  return names;
}

}  // namespace

void ExportCommand::Setup(CLI::App& sub) {
  db_path_ = kDefaultDatabasePath;
  sub.add_option("--db", db_path_, "SQLite database file")->capture_default_str();
  sub.add_option("--format", format_, "Output format: jsonl or csv")
      ->check(CLI::IsMember({"jsonl", "csv"}))
      ->capture_default_str();
  sub.add_option("--since", since_, std::string("Only articles published at or after this: ") + kDateFlagForms);
  sub.add_option("--until", until_, "Only articles published before this (same forms as --since)");
  sub.add_option("--kind", kinds_, "Only figures of this kind (repeatable)")
      ->check(CLI::IsMember(KindNames()));
  sub.add_option("--asset", assets_, "Only figures about this asset, by ticker: BTC, ETH, ... (repeatable)");
  sub.add_option("--source", sources_, "Only articles of this source, by its name in sources.toml (repeatable)");
  sub.add_option("--after-id", after_id_, "Only figures stored after the figure with this id (figure_id)")
      ->transform(WholeNumber(0, int64_t{1} << 62));
  sub.add_option("--cursor", cursor_path_,
                 "Incremental export: only figures stored since the last export with this cursor file, "
                 "whose figure id is then updated (created if missing)");
  sub.footer(
      "One record per figure: the figure contract's fields (see 'cryptonews extract --help') plus\n"
      "sentence, url, title, source, published_at, article_id, figure_id and extractor_version.\n"
      "Articles without a known publication time are left out when --since or --until is given.\n"
      "Several --kind, --asset or --source values mean any of them.\n"
      "\n"
      "Polling: figure ids only grow (an updated or reprocessed article's figures get new ids),\n"
      "so 'export --cursor FILE' run again and again prints each stored figure once, ordered by\n"
      "figure_id. The cursor file holds the highest figure id stored when the export began; it\n"
      "is replaced atomically, and only after every row was written, so an export that fails\n"
      "leaves it as it was. --after-id N starts after figure N instead of the cursor's id.\n"
      "Exit codes: 0 ok, 2 bad arguments or an unreadable cursor file, 3 database error or\n"
      "output that could not be written.");
}

int ExportCommand::Run() {
  std::string since, until;
  if (!ReadDateFlag("export", "--since", since_, &since) || !ReadDateFlag("export", "--until", until_, &until))
    return kExitUsage;
  const bool incremental = after_id_ >= 0 || !cursor_path_.empty();
  int64_t after = after_id_;
  if (!cursor_path_.empty() && after < 0) {
    auto stored = ReadExportCursor(cursor_path_);
    if (!stored) {
      std::fprintf(stderr, "cryptonews export: %s\n", stored.error().c_str());
      return kExitUsage;
    }
    after = *stored;
  }
  std::vector<std::string> assets = assets_;
  // Tickers are stored upper case; "btc" means BTC.
  for (std::string& asset : assets)
    for (char& c : asset)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');

  auto db = ReadOnlyDatabase::Open(db_path_);
  if (!db) {
    std::fprintf(stderr, "cryptonews export: %s\n", db.error().c_str());
    return kExitFatal;
  }
  // The highest id stored now: a figure committed later gets a larger one
  // (writers take turns and ids are never reused), so the next export
  // starting above it misses nothing.
  int64_t high = 0;
  if (incremental) {
    auto max_id = db->db().QueryInt("SELECT coalesce(max(id), 0) FROM figures");
    if (!max_id) {
      std::fprintf(stderr, "cryptonews export: %s: %s\n", db_path_.c_str(), max_id.error().c_str());
      return kExitFatal;
    }
    high = *max_id;
  }
  auto stmt = db->db().Prepare(std::string(kExportSql) + (incremental ? kById : kByTime));
  if (!stmt) {
    std::fprintf(stderr, "cryptonews export: %s: %s\n", db_path_.c_str(), stmt.error().c_str());
    return kExitFatal;
  }
  const std::string kinds = JsonList(kinds_), asset_list = JsonList(assets), source_list = JsonList(sources_);
  stmt->BindTextOrNull(1, since).BindTextOrNull(2, until).BindTextOrNull(3, kinds);
  stmt->BindTextOrNull(4, asset_list).BindTextOrNull(5, source_list);
  if (incremental) stmt->Bind(6, after).Bind(7, high);
  RowFormat format;
  ParseRowFormat(format_, &format);
  auto rows = WriteAllRows(*stmt, format, stdout);
  if (!rows) {
    std::fprintf(stderr, "cryptonews export: %s: %s\n", db_path_.c_str(), rows.error().c_str());
    return kExitFatal;
  }
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::fprintf(stderr, "cryptonews export: could not write the output%s\n",
                 cursor_path_.empty() ? "" : "; the cursor file is left as it was");
    return kExitFatal;
  }
  if (!cursor_path_.empty()) {
    if (auto written = WriteExportCursor(cursor_path_, std::max(after, high)); !written) {
      std::fprintf(stderr, "cryptonews export: %s\n", written.error().c_str());
      return kExitFatal;
    }
  }
  return kExitOk;
}

}  // namespace cn
