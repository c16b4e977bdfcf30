// Throughput of ParseArticle (charset -> libxml2 tree -> metadata + main
// text) on one core, in MB of HTML per second.
//
//   article_bench [DIR] [SECONDS]
//
// DIR holds pages (*.html, *.htm, *.html.gz; gzip is undone before timing);
// default fixtures/articles/ of the source tree. Runs whole passes over the
// pages until SECONDS (default 3) of CPU time have been spent and prints the
// rate per CPU second (the figure that matters on a shared machine) and per
// wall-clock second.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bench/process_usage.h"
#include "pipeline/article/article_parser.h"
#include "pipeline/cli/page_file.h"

using cn::bench::CpuSeconds;

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::string dir = argc > 1 ? argv[1] : std::string(CRYPTONEWS_SOURCE_DIR) + "/fixtures/articles";
  double seconds = argc > 2 ? std::atof(argv[2]) : 3.0;

  std::vector<std::string> pages;
  size_t total_bytes = 0;
  std::error_code ec;
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (name.ends_with(".html") || name.ends_with(".htm") || name.ends_with(".html.gz"))
      paths.push_back(entry.path());
  }
  if (ec) {
    std::fprintf(stderr, "article_bench: %s: %s\n", dir.c_str(), ec.message().c_str());
    return 2;
  }
  std::sort(paths.begin(), paths.end());
  for (const fs::path& p : paths) {
    auto bytes = cn::ReadPageFile(p.string());
    if (!bytes) {
      std::fprintf(stderr, "article_bench: %s\n", bytes.error().c_str());
      return 2;
    }
    total_bytes += bytes->size();
    pages.push_back(std::move(*bytes));
  }
  if (pages.empty()) {
    std::fprintf(stderr, "article_bench: %s: no .html or .html.gz pages\n", dir.c_str());
    return 2;
  }

  auto fetch_time = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  size_t text_bytes = 0;
  int passes = 0;
  auto start = std::chrono::steady_clock::now();
  double cpu_start = CpuSeconds();
  double cpu = 0;
  do {
    for (const std::string& page : pages)
      text_bytes += cn::ParseArticle(page, "", "https://example.com/a", fetch_time).text.size();
    ++passes;
    cpu = CpuSeconds() - cpu_start;
  } while (cpu < seconds);
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  double mb = static_cast<double>(total_bytes) * passes / 1e6;
  std::printf("pages %zu, %.2f MB of HTML per pass, %d passes, %.2f s CPU, %.2f s wall\n",
              pages.size(), total_bytes / 1e6, passes, cpu, wall);
  std::printf("ParseArticle: %.1f MB/s per CPU second (%.1f MB/s wall), %.0f pages/s, "
              "text out %zu bytes per pass\n",
              mb / cpu, mb / wall, pages.size() * passes / cpu,
              text_bytes / static_cast<size_t>(passes));
  return 0;
}
