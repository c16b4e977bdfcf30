#include "pipeline/cli/command_extract.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <utility>

#include "extractors/figure_extractor.h"
#include "extractors/text_normalizer.h"
#include "pipeline/article/article_parser.h"
#include "pipeline/cli/exit_codes.h"
#include "pipeline/cli/figure_writer.h"
#include "pipeline/cli/page_file.h"
#include "pipeline/cli/text_source.h"

namespace cn {

namespace {

constexpr const char* kFieldHelp = R"(
Each record is one figure mention with these fields (docs/FIGURES.md in the
source tree describes every kind, qualifier, window and role, with examples):
  kind        price, price_range, price_change, percent_change, liquidation,
              market_cap, volume, open_interest, etf_flow, indicator
  asset       canonical ticker (BTC, ETH, SOL, ...); null when market-wide
  value       the figure fully expanded ($1.95 billion -> 1950000000; 30% -> 30)
  value_high  upper end of a range ($63,000-$65,000 -> 65000), else null
  unit        USD (also for $), other ISO 4217 codes where stated, %, index
  qualifier   exact, approx (nearly, about, ~), over (more than, above),
              under (below, less than, up to)
  direction   up / down for changes and flows (fell, losses, outflows -> down)
  window      ISO 8601 duration the figure covers: PT1H, PT24H, P7D, P30D, YTD
  side        liquidations: long, short, or null for a total
  name        indicators: rsi, fear_greed, dominance
  role        prices and price ranges: current (where it is now), level
              (support, resistance, zones, averages), target (forecasts,
              destinations), past (earlier prices, highs, entry prices);
              null when unsure
  metric      percent_change: what moved (price, market_cap, volume,
              open_interest, liquidations, etf_flow, other)
  start, end  code-point offsets of the evidence in the input (end exclusive)
  text        the evidence exactly as it stands in the input

With --html the input is a saved web page (.html or .html.gz): its main
article text is extracted first (as `cryptonews article` shows it) and the
offsets refer to that text.

Exit codes: 0 ok (also for empty input), 2 unreadable input or bad arguments.
Invalid UTF-8 is replaced with U+FFFD and reported once on stderr.
)";

}  // namespace

void ExtractCommand::Setup(CLI::App& sub) {
  sub.add_option("--format", format_, "Output format: jsonl, json, csv or table")
      ->check(CLI::IsMember({"jsonl", "json", "csv", "table"}))
      ->capture_default_str();
  sub.add_option("input", input_, "Article text file (UTF-8), or - for standard input")
      ->capture_default_str();
  sub.add_flag("--html", html_, "Input is a saved HTML page: extract from its main article text");
  sub.footer(kFieldHelp);
}

int ExtractCommand::Run() {
  OutputFormat format;
  if (!ParseOutputFormat(format_, &format)) {
    std::fprintf(stderr, "cryptonews extract: unknown --format '%s'\n", format_.c_str());
    return kExitUsage;
  }
  // --html: the page is turned into its article text, extracted as one piece.
  std::string article_text;
  if (html_) {
    auto page = ReadPageFile(input_);
    if (!page) {
      std::fprintf(stderr, "cryptonews extract: %s\n", page.error().c_str());
      return kExitUsage;
    }
    auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    article_text = ParseArticle(*page, "", input_, now).text;
  }
  auto source = TextSource::Open(html_ ? std::string("/dev/null") : input_);
  if (!source) {
    std::fprintf(stderr, "cryptonews extract: %s\n", source.error().c_str());
    return kExitUsage;
  }

  static const FigureExtractor extractor;
  FigureWriter writer(stdout, format);
  DocumentContext context;
  std::string piece;
  int64_t base_code_points = 0;
  size_t base_bytes = 0;
  bool warned_utf8 = false;
  bool html_pending = html_;
  auto next_piece = [&]() {
    if (!html_) return source->Next(&piece);
    piece = std::move(article_text);
    return std::exchange(html_pending, false) && !piece.empty();
  };
  while (next_piece()) {
    NormalizedText text = NormalizeText(piece);
    if (text.invalid_sequences > 0 && !warned_utf8) {
      std::fprintf(stderr,
                   "cryptonews extract: warning: %s: invalid UTF-8 at byte offset %zu; "
                   "replaced with U+FFFD\n",
                   source->name().c_str(), base_bytes + text.first_invalid_byte);
      warned_utf8 = true;
    }
    for (Figure& f : extractor.Extract(text, context)) {
      f.start += base_code_points;
      f.end += base_code_points;
      writer.Write(f);
    }
    base_code_points += static_cast<int64_t>(text.CodePoints());
    base_bytes += piece.size();
  }
  writer.Finish();
  if (!source->error().empty()) {
    std::fprintf(stderr, "cryptonews extract: %s\n", source->error().c_str());
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace cn
