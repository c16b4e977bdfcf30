#include "pipeline/store/reports.h"

#include <array>

namespace cn {
namespace {

constexpr std::array<Report, 6> kReports = {{
    // One row per (day, asset); the market-wide row (asset NULL) holds only
    // figures that name no asset, so per-asset figures never add into it.
    {"liquidations-per-day",
     "USD liquidated per day and asset (empty asset = market-wide figures only): total (no side), long, short",
     "SELECT day, asset, total_usd, long_usd, short_usd, mentions, articles FROM daily_liquidations_by_asset "
     "ORDER BY day DESC, asset IS NOT NULL, asset LIMIT ?1"},
    // Per asset: the newest statement of the current price (role 'current');
    // only when an asset has none, the newest price of unknown role. Levels,
    // targets and past prices are never a latest price. Within one article
    // the last such mention wins.
    {"latest-prices",
     "the latest current price of each asset (role current; else the latest of unknown role; never a level, "
     "target or past price)",
     "SELECT asset, price, unit, qualifier, published_at, source, url, role FROM ("
     "  SELECT *, row_number() OVER (PARTITION BY asset"
     "    ORDER BY role IS NULL, published_at DESC NULLS LAST, figure_id DESC) AS n"
     "  FROM price_mentions WHERE kind = 'price' AND asset IS NOT NULL AND (role = 'current' OR role IS NULL)) "
     "WHERE n = 1 ORDER BY asset LIMIT ?1"},
    // Price moves only (percent_moves shows a move of no stated metric as
    // 'price'); --all-metrics adds market cap, volume, open interest, ...
    {"biggest-moves", "the largest percentage price moves, up or down (--all-metrics: every metric)",
     "SELECT published_at, asset, metric, signed_percent, window, source, text, url FROM percent_moves "
     "WHERE ?2 = 1 OR metric = 'price' "
     "ORDER BY abs(signed_percent) DESC, published_at DESC LIMIT ?1",
     /*takes_all_metrics=*/true},
    {"articles-per-source", "articles, figures and latest publication per source",
     "SELECT source, count(*) AS articles, sum(figures) AS figures, max(published_at) AS latest "
     "FROM article_list GROUP BY source ORDER BY articles DESC, source LIMIT ?1"},
    {"asset-sentiment", "average sentiment score per asset, with positive/negative article counts",
     "SELECT asset, round(avg(score), 3) AS avg_score, count(*) AS articles, "
     "sum(label = 'positive') AS positive, sum(label = 'negative') AS negative "
     "FROM article_sentiment WHERE asset IS NOT NULL GROUP BY asset ORDER BY articles DESC, asset LIMIT ?1"},
    {"recent-runs", "the latest ingest and reprocess runs with their counts",
     "SELECT id, command, started_at, finished_at, status, feeds_ok, feeds_failed, articles_new, "
     "articles_updated, articles_unchanged, articles_failed, figures, json_array_length(errors) AS errors "
     "FROM runs ORDER BY id DESC LIMIT ?1"},
}};

}  // namespace

std::span<const Report> Reports() { return kReports; }

const Report* FindReport(std::string_view name) {
  for (const Report& r : kReports)
    if (r.name == name) return &r;
  return nullptr;
}

}  // namespace cn
