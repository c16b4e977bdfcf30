// Extraction throughput: builds >= 10 MB of article-like text from the
// fixtures in fixtures/extract/ (or the .txt files of a directory given as
// argv[1]), varying the numbers so nothing is trivially repeated, then runs
// the whole extractor (normalise, sentences, every stage) on one core and
// prints MB/s and figures/s.
//
//   build/bench/extract_bench [DIR] [MEGABYTES]
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extractors/figure_extractor.h"
#include "extractors/text_normalizer.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::path(CRYPTONEWS_SOURCE_DIR) / "fixtures" / "extract";
  const size_t megabytes = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 16;
  std::vector<std::string> articles;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    articles.push_back(ss.str());
  }
  if (articles.empty()) {
    std::fprintf(stderr, "extract_bench: no .txt articles in %s\n", dir.c_str());
    return 2;
  }
  // Documents of article size, digits varied per copy.
  std::vector<std::string> docs;
  size_t total = 0;
  for (size_t n = 0; total < megabytes * 1000000; ++n) {
    std::string doc = articles[n % articles.size()];
    for (char& c : doc)
      if (c >= '1' && c <= '8' && (n & 1)) c = static_cast<char>(c + 1);
    total += doc.size();
    docs.push_back(std::move(doc));
  }

  const cn::FigureExtractor extractor;
  size_t figures = 0;
  auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  for (const std::string& doc : docs) {
    cn::DocumentContext context;
    figures += extractor.Extract(cn::NormalizeText(doc), context).size();
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // CPU time of this one thread: steadier than wall time on a shared machine.
  double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  std::printf("extract_bench: %zu documents, %.1f MB, %zu figures in %.2f s\n", docs.size(), total / 1e6,
              figures, seconds);
  std::printf("throughput: %.1f MB/s wall, %.1f MB/s per CPU second, %.0f figures/s, %.0f documents/s\n",
              total / 1e6 / seconds, total / 1e6 / cpu, figures / cpu, docs.size() / cpu);
  return 0;
}
