// ingest_bench: `cryptonews ingest` end to end — crawl a generated site on a
// loopback server (politeness off), parse, extract, score, store — in
// articles/s, plus the ingest process's peak memory for two site sizes, to
// show memory stays flat as the article count grows. The binary runs as a
// child process, so its getrusage numbers are its own, not the server's.
//
// Usage: ingest_bench [ARTICLES=5000] [CRYPTONEWS_BINARY]
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tests/support/generated_news_site.h"

extern char** environ;

namespace {

struct ChildRun {
  int exit_code = -1;
  double seconds = 0;
  double cpu_seconds = 0;
  long max_rss_kb = 0;
};

ChildRun RunIngest(const std::string& binary, const std::vector<std::string>& args) {
  std::vector<std::string> storage = {binary};
  storage.insert(storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  ChildRun run;
  auto start = std::chrono::steady_clock::now();
  pid_t pid = -1;
  if (posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) return run;
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.max_rss_kb = usage.ru_maxrss;
  run.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                    static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  return run;
}

ChildRun Bench(const std::string& binary, int articles, const std::filesystem::path& dir) {
  cn::testing::GeneratedNewsSite site(articles);
  std::filesystem::path sources = dir / ("sources-" + std::to_string(articles) + ".toml");
  std::ofstream(sources) << site.SourcesToml();
  std::string db = (dir / ("bench-" + std::to_string(articles) + ".db")).string();
  ChildRun run = RunIngest(binary, {"ingest", "--sources", sources.string(), "--db", db, "--allow-private",
                                    "--politeness-ms", "0", "--quiet"});
  std::printf("ingest_bench: %d articles: exit %d, %.2f s wall, %.2f s CPU (ingest process), peak RSS %ld KiB\n",
              articles, run.exit_code, run.seconds, run.cpu_seconds, run.max_rss_kb);
  std::printf("  %.0f articles/s end to end (wall), %.0f articles per CPU second\n", articles / run.seconds,
              articles / run.cpu_seconds);
  return run;
}

}  // namespace

int main(int argc, char** argv) {
  const int articles = argc > 1 ? std::atoi(argv[1]) : 5000;
  const std::string binary = argc > 2 ? argv[2] : "build/cryptonews";
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "cryptonews-ingest-bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  ChildRun small = Bench(binary, articles / 5, dir);
  ChildRun large = Bench(binary, articles, dir);
  std::printf("  peak RSS %ld KiB at %d articles vs %ld KiB at %d (%.2fx for %dx the articles)\n", small.max_rss_kb,
              articles / 5, large.max_rss_kb, articles, static_cast<double>(large.max_rss_kb) / small.max_rss_kb, 5);
  std::filesystem::remove_all(dir);
  return small.exit_code == 0 && large.exit_code == 0 ? 0 : 1;
}
