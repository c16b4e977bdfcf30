#include "pipeline/cli/command_query.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>

#include "pipeline/cli/exit_codes.h"
#include "pipeline/cli/whole_number.h"
#include "pipeline/cli/row_writer.h"
#include "pipeline/store/article_store.h"
#include "pipeline/store/read_only_db.h"
#include "pipeline/store/reports.h"

namespace cn {
namespace {

constexpr int kDefaultReportRows = 50;

std::string ReportList() {
  std::string text = "Reports:\n";
  for (const Report& r : Reports()) {
    std::string name(r.name);
    text += "  " + name + std::string(name.size() < 22 ? 22 - name.size() : 1, ' ') + std::string(r.summary) + "\n";
  }
  return text;
}

// Points at the flag that changes a limit the message reports.
std::string WithHint(const std::string& message) {
  if (message.find("time limit") != std::string::npos) return message + " (--timeout SECONDS to change, 0 = none)";
  if (message.find("memory limit") != std::string::npos) return message + " (--max-memory MIB to change, 0 = none)";
  return message;
}

}  // namespace

// Bounds of --limit and --timeout (seconds): generous, but numbers a person means.
constexpr int64_t kMaxReportLimit = 10000000;
constexpr int64_t kMaxQueryTimeoutSeconds = 7 * 24 * 3600;

void QueryCommand::Setup(CLI::App& sub) {
  db_path_ = kDefaultDatabasePath;
  sub.add_option("report", report_, "Name of the report to run (see --list)");
  sub.add_option("--sql", sql_, "Run this SQL instead; the database is opened read-only, so writes fail");
  sub.add_option("--db", db_path_, "SQLite database file")->capture_default_str();
  sub.add_option("--format", format_, "Output format: table, csv or jsonl")
      ->check(CLI::IsMember({"table", "csv", "jsonl"}))
      ->capture_default_str();
  sub.add_option("--limit", limit_, "Most rows printed: a named report prints 50 unless given; --sql prints all unless given")
      ->transform(WholeNumber(1, kMaxReportLimit));
  sub.add_flag("--list", list_, "List the named reports and exit");
  sub.add_flag("--all-metrics", all_metrics_,
               "biggest-moves: rank moves of every metric (market cap, volume, open interest, ...), not only price");
  sub.add_option("--timeout", timeout_seconds_, "Stop the query after this many seconds (0 = no limit)")
      ->transform(WholeNumber(0, kMaxQueryTimeoutSeconds))
      ->capture_default_str();
  sub.add_option("--max-memory", max_memory_mib_, "Stop the query when SQLite needs more than this many MiB (0 = no limit)")
      ->transform(WholeNumber(0, int64_t{1} << 30))
      ->capture_default_str();
  sub.footer(ReportList() +
             "\nViews for --sql (docs/SCHEMA.md): figure_mentions, liquidations, price_mentions, percent_moves,\n"
             "daily_liquidations, daily_liquidations_by_asset, article_sentiment, article_list; tables\n"
             "articles, figures, sentiment, runs, sources, fetch_state; full-text search: articles_fts MATCH 'term'.\n"
             "--sql takes exactly one statement, and only reading is allowed (SELECT, WITH, informational\n"
             "PRAGMAs): writes, ATTACH, VACUUM INTO and transactions are refused before anything runs.\n"
             "CSV is RFC 4180 (CRLF records, quoted where needed); NULL and infinities are empty fields\n"
             "(JSON null), blobs lowercase hex: docs/SCHEMA.md \"Output formats\".\n"
             "Exit codes: 0 ok, 2 bad arguments or unknown report, 3 database or SQL error (also a refused\n"
             "statement, or the time or memory limit reached).");
}

int QueryCommand::Run() {
  if (list_) {
    std::fputs(ReportList().c_str(), stdout);
    return kExitOk;
  }
  if (report_.empty() == sql_.empty()) {
    std::fprintf(stderr, "cryptonews query: give either a report name or --sql \"...\" (not both)\n%s",
                 ReportList().c_str());
    return kExitUsage;
  }
  const Report* report = nullptr;
  if (!report_.empty() && (report = FindReport(report_)) == nullptr) {
    std::fprintf(stderr, "cryptonews query: unknown report '%s'\n%s", report_.c_str(), ReportList().c_str());
    return kExitUsage;
  }
  if (all_metrics_ && (report == nullptr || !report->takes_all_metrics)) {
    std::fprintf(stderr, "cryptonews query: --all-metrics applies to biggest-moves only\n");
    return kExitUsage;
  }
  RowFormat format;
  ParseRowFormat(format_, &format);

  ReadOnlyLimits limits;
  limits.timeout = std::chrono::seconds(timeout_seconds_);
  limits.memory_bytes = max_memory_mib_ << 20;
  auto db = ReadOnlyDatabase::Open(db_path_, limits);
  if (!db) {
    std::fprintf(stderr, "cryptonews query: %s\n", db.error().c_str());
    return kExitFatal;
  }
  auto stmt = db->PrepareSingle(report ? report->sql : sql_);
  if (!stmt) {
    std::fprintf(stderr, "cryptonews query: %s: %s\n", db_path_.c_str(), WithHint(stmt.error()).c_str());
    return kExitFatal;
  }
  if (report) {
    stmt->Bind(1, static_cast<int64_t>(limit_ > 0 ? limit_ : kDefaultReportRows));
    if (report->takes_all_metrics) stmt->Bind(2, int64_t{all_metrics_ ? 1 : 0});
  }
  // A named report binds the limit into its SQL; --sql stops printing there.
  const size_t max_rows = report || limit_ == 0 ? SIZE_MAX : static_cast<size_t>(limit_);
  auto rows = WriteAllRows(*stmt, format, stdout, max_rows);
  if (!rows) {
    std::fprintf(stderr, "cryptonews query: %s: %s\n", db_path_.c_str(), WithHint(db->DescribeFailure()).c_str());
    return kExitFatal;
  }
  return kExitOk;
}

}  // namespace cn
