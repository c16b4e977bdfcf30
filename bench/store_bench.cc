// store_bench: the SQLite store alone — figures/s and articles/s through
// ArticleStore::UpsertArticle (one transaction per article, FTS5 indexed in batches, time included),
// and peak memory at 20% and 100% of the articles, to show it stays flat.
// With BULK > 0 the store runs in bulk mode (article_store.h: BULK articles
// or 250 ms per transaction, as `cryptonews warc`), and the issue's
// yardstick (bench/yardstick.h) is measured in the same run so the rate can
// be read as a fraction of it.
//
// Usage: store_bench [ARTICLES=20000] [FIGURES_PER_ARTICLE=20] [BULK=0]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "bench/process_usage.h"
#include "bench/yardstick.h"
#include "pipeline/store/article_store.h"

using cn::bench::CpuSeconds;
using cn::bench::MaxRssKb;

int main(int argc, char** argv) {
  const int articles = argc > 1 ? std::atoi(argv[1]) : 20000;
  const int per_article = argc > 2 ? std::atoi(argv[2]) : 20;
  const int bulk = argc > 3 ? std::atoi(argv[3]) : 0;
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "cryptonews-store-bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto store = cn::ArticleStore::Open((dir / "bench.db").string());
  if (!store) {
    std::fprintf(stderr, "store_bench: %s\n", store.error().c_str());
    return 1;
  }

  std::string body;
  for (int i = 0; i < 40; ++i) body += "Bitcoin fell 4% to $81,000 as longs lost $120 million in liquidations. ";
  std::vector<cn::Figure> figures(per_article);
  for (int i = 0; i < per_article; ++i) {
    cn::Figure& f = figures[i];
    f.kind = i % 2 ? cn::FigureKind::kLiquidation : cn::FigureKind::kPrice;
    f.asset = "BTC";
    f.value = 81000 + i;
    f.side = i % 2 ? cn::Side::kLong : cn::Side::kNone;
    f.start = i * 10;
    f.end = i * 10 + 7;
    f.text = "$81,000";
    f.sentence = i;
  }

  std::pair<double, double> yardstick;
  if (bulk > 0) {
    yardstick = cn::bench::MeasureYardstick((dir / "yardstick.db").string(), articles * 2);
    store->BeginBulk({bulk, std::chrono::milliseconds(250)});
  }
  long rss_at_fifth = 0;
  auto start = std::chrono::steady_clock::now();
  double cpu_start = CpuSeconds();
  for (int n = 0; n < articles; ++n) {
    cn::ArticleRecord a;
    a.source = "bench-" + std::to_string(n % 8);
    a.url = a.canonical_url = "https://bench.example/article/" + std::to_string(n);
    a.title = "Bench article " + std::to_string(n);
    a.published_at = "2026-11-20T08:30:00Z";
    a.fetched_at = "2026-11-25T19:00:00Z";
    a.text = body + std::to_string(n);
    auto r = store->UpsertArticle(a, figures, {}, 1);
    if (!r) {
      std::fprintf(stderr, "store_bench: %s\n", r.error().message.c_str());
      return 1;
    }
    if (bulk > 0 && store->BulkBatchDue()) {
      if (auto c = store->CommitBulk(); !c) {
        std::fprintf(stderr, "store_bench: %s\n", c.error().c_str());
        return 1;
      }
    }
    if (n + 1 == articles / 5) rss_at_fifth = MaxRssKb();
  }
  if (bulk > 0) {
    if (auto c = store->EndBulk(); !c) {
      std::fprintf(stderr, "store_bench: %s\n", c.error().c_str());
      return 1;
    }
  }
  // The full-text index lags by up to kSearchIndexBatch articles: the time
  // to catch it up counts.
  if (auto r = store->UpdateSearchIndex(); !r) {
    std::fprintf(stderr, "store_bench: %s\n", r.error().c_str());
    return 1;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double cpu = CpuSeconds() - cpu_start;
  std::printf("store_bench: %d articles x %d figures (%zu text bytes each) in %.2f s\n", articles, per_article,
              body.size(), secs);
  const double figures_per_s = static_cast<double>(articles) * per_article / secs;
  std::printf("  %.0f articles/s, %.0f figures/s (%s, FTS5 in batches)\n", articles / secs, figures_per_s,
              bulk > 0 ? ("bulk: " + std::to_string(bulk) + " articles or 250 ms per transaction").c_str()
                       : "one transaction per article");
  std::printf("  per CPU second (user+sys, robust on a shared machine): %.0f articles, %.0f figures\n",
              articles / cpu, static_cast<double>(articles) * per_article / cpu);
  std::printf("  peak RSS: %ld KiB after %d articles, %ld KiB after %d\n", rss_at_fifth, articles / 5, MaxRssKb(),
              articles);
  if (bulk > 0) {
    const double figures_per_cpu = static_cast<double>(articles) * per_article / cpu;
    std::printf("  yardstick in the same run: %.0f rows/s wall, %.0f per CPU s; figures/s over yardstick rows/s: "
                "%.2f wall, %.2f CPU (target 0.41)\n",
                yardstick.first, yardstick.second, figures_per_s / yardstick.first, figures_per_cpu / yardstick.second);
  }
  std::filesystem::remove_all(dir);
  return 0;
}
