#include "pipeline/cli/command_export.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>

#include "pipeline/cli/date_flag.h"
#include "pipeline/cli/exit_codes.h"
#include "pipeline/cli/row_writer.h"
#include "pipeline/store/article_store.h"
#include "pipeline/store/read_only_db.h"

namespace cn {
namespace {

// The figure contract's fields first, then where the figure comes from.
constexpr const char* kExportSql =
    "SELECT kind, asset, value, value_high, unit, qualifier, direction, window, side, name, metric, start, \"end\", "
    "text, sentence, url, title, source, published_at, article_id FROM figure_mentions "
    "WHERE (?1 IS NULL OR published_at >= ?1) AND (?2 IS NULL OR kind = ?2) AND (?3 IS NULL OR published_at < ?3) "
    "ORDER BY published_at, article_id, figure_id";

}  // namespace

void ExportCommand::Setup(CLI::App& sub) {
  db_path_ = kDefaultDatabasePath;
  sub.add_option("--db", db_path_, "SQLite database file")->capture_default_str();
  sub.add_option("--format", format_, "Output format: jsonl or csv")
      ->check(CLI::IsMember({"jsonl", "csv"}))
      ->capture_default_str();
  sub.add_option("--since", since_, std::string("Only articles published at or after this: ") + kDateFlagForms);
  sub.add_option("--until", until_, "Only articles published before this (same forms as --since)");
  sub.add_option("--kind", kind_, "Only figures of this kind")
      ->check(CLI::IsMember({"price", "price_range", "price_change", "percent_change", "liquidation", "market_cap",
                             "volume", "open_interest", "etf_flow", "indicator"}));
  sub.footer(
      "One record per figure: the figure contract's fields (see 'cryptonews extract --help') plus\n"
      "sentence, url, title, source, published_at and article_id. Articles without a known\n"
      "publication time are left out when --since or --until is given.\n"
      "Exit codes: 0 ok, 2 bad arguments, 3 database error.");
}

int ExportCommand::Run() {
  std::string since, until;
  if (!ReadDateFlag("export", "--since", since_, &since) || !ReadDateFlag("export", "--until", until_, &until))
    return kExitUsage;
  auto db = ReadOnlyDatabase::Open(db_path_);
  if (!db) {
    std::fprintf(stderr, "cryptonews export: %s\n", db.error().c_str());
    return kExitFatal;
  }
  auto stmt = db->db().Prepare(kExportSql);
  if (!stmt) {
    std::fprintf(stderr, "cryptonews export: %s: %s\n", db_path_.c_str(), stmt.error().c_str());
    return kExitFatal;
  }
  stmt->BindTextOrNull(1, since).BindTextOrNull(2, kind_).BindTextOrNull(3, until);
  RowFormat format;
  ParseRowFormat(format_, &format);
  auto rows = WriteAllRows(*stmt, format, stdout);
  if (!rows) {
    std::fprintf(stderr, "cryptonews export: %s: %s\n", db_path_.c_str(), rows.error().c_str());
    return kExitFatal;
  }
  return kExitOk;
}

}  // namespace cn
