// warc_bench: the WARC path's speed (docs/PERFORMANCE.md, "WARC input").
//
//   warc_bench make FILE PAGES [CRYPTO_PERCENT=10]
//       writes a CC-NEWS-like file: warcinfo, then per page a request, a
//       response (a 30-60 KB HTML page: navigation, scripts, an article) and
//       a metadata record, one gzip member each. CRYPTO_PERCENT of the pages
//       are crypto market reports, the rest general news. Deterministic.
//   warc_bench read FILE
//       `zcat FILE > /dev/null`, then WarcReader over the same file, in one
//       run: decoded MB per wall and CPU second for each, their ratio, and
//       the reader's peak RSS after a tenth of the records and at the end.
//   warc_bench e2e FILE [WARC OPTIONS...]
//       `cryptonews warc --db TMP FILE` as a child: MB/s of the file
//       (compressed and decoded), articles per wall and per CPU second of
//       the child, its peak RSS.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "bench/process_usage.h"
#include "pipeline/store/sqlite_handle.h"
#include "pipeline/warc/warc_reader.h"
#include "tests/support/generated_news_site.h"
#include "tests/support/warc_writer.h"

namespace {

using cn::bench::CpuSeconds;
using cn::bench::MaxRssKb;
using Clock = std::chrono::steady_clock;

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "warc_bench: %s\n", what.c_str());
  std::exit(1);
}

const char* kWords[] = {"council", "river", "market", "season", "school", "minister", "report", "weather", "match",
                        "city", "plan", "water", "road", "budget", "museum", "station", "farmers", "harbour",
                        "teachers", "election", "festival", "hospital", "bridge", "library", "energy", "summer",
                        "players", "court", "police", "village", "traffic", "housing", "garden", "doctors",
                        "train", "coast", "village", "workers", "prices", "storm", "exhibition", "tourists"};

std::string Sentence(std::mt19937& rng) {
  std::uniform_int_distribution<int> len(8, 22), word(0, sizeof kWords / sizeof *kWords - 1), num(2, 900);
  std::string s = "The";
  int n = len(rng);
  for (int i = 0; i < n; ++i) {
    s += " ";
    s += (i == n / 2) ? std::to_string(num(rng)) : kWords[word(rng)];
  }
  return s + ".";
}

// A page as news sites serve them: most bytes are not the article.
std::string Page(int i, bool crypto, std::mt19937& rng) {
  const std::string url = "https://site" + std::to_string(i % 50) + ".example/news/" + std::to_string(i);
  std::string html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>";
  std::string article;
  if (crypto) {
    std::string generated = cn::testing::GeneratedArticleHtml(i, "https://site" + std::to_string(i % 50) +
                                                                    ".example");
    size_t a = generated.find("<article>"), b = generated.find("</article>");
    article = generated.substr(a + 9, b - a - 9);
    size_t t = generated.find("<title>"), u = generated.find("</title>");
    html += generated.substr(t + 7, u - t - 7);  // "Bitcoin moves 7% in market report number 12"
  } else {
    html += Sentence(rng);
    article = "<h1>" + Sentence(rng) + "</h1>\n";
    for (int p = 0; p < 8; ++p) article += "<p>" + Sentence(rng) + " " + Sentence(rng) + " " + Sentence(rng) + "</p>\n";
  }
  html += "</title><link rel=\"canonical\" href=\"" + url + "\"><meta property=\"article:published_time\" "
          "content=\"2026-11-19T09:00:00Z\">";
  std::uniform_int_distribution<int> scripts(15, 35);
  const int n = scripts(rng);
  for (int s = 0; s < n; ++s) {
    html += "<script>window.cfg" + std::to_string(s) + "={id:" + std::to_string(rng()) +
            ",tags:['" + kWords[rng() % 40] + "','" + kWords[rng() % 40] + "'],track:function(e){return e+" +
            std::to_string(rng() % 1000) + ";}};</script>\n";
  }
  html += "</head><body><header><nav>";
  for (int k = 0; k < 40; ++k)
    html += "<a href=\"/section/" + std::to_string(k) + "\">" + std::string(kWords[(k + i) % 40]) + "</a> ";
  html += "</nav></header><main><article>" + article + "</article></main><aside>";
  for (int k = 0; k < 12; ++k) html += "<div class=\"teaser\"><a href=\"/n/" + std::to_string(rng()) + "\">" +
                                       Sentence(rng) + "</a></div>\n";
  html += "</aside><footer>Generated page for warc_bench.</footer></body></html>";
  return html;
}

void Make(const std::string& path, int pages, int crypto_percent) {
  std::ofstream out(path, std::ios::binary);
  if (!out) Fail(path + ": cannot be written");
  std::mt19937 rng(12345);
  out << cn::testing::GzipMember(
      cn::testing::WarcRecordBytes("warcinfo", "", "2026-11-20T00:00:00Z", "software: warc_bench\r\n"));
  for (int i = 0; i < pages; ++i) {
    const bool crypto = static_cast<int>(rng() % 100) < crypto_percent;
    const std::string url = "https://site" + std::to_string(i % 50) + ".example/news/" + std::to_string(i);
    const std::string date = cn::testing::GeneratedPublishedAt(i % 5000);
    out << cn::testing::GzipMember(cn::testing::WarcRecordBytes(
        "request", url, date, "GET /news/" + std::to_string(i) + " HTTP/1.1\r\nHost: example\r\n\r\n"));
    out << cn::testing::GzipMember(cn::testing::WarcResponse(url, date, Page(i, crypto, rng)));
    out << cn::testing::GzipMember(cn::testing::WarcRecordBytes("metadata", url, date, "fetchTimeMs: 87\r\n"));
  }
  std::printf("warc_bench: wrote %s: %d pages, %lld bytes\n", path.c_str(), pages,
              static_cast<long long>(std::filesystem::file_size(path)));
}

double ChildCpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_CHILDREN, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

long ChildMaxRssKb() {
  rusage u{};
  getrusage(RUSAGE_CHILDREN, &u);
  return u.ru_maxrss;
}

void Read(const std::string& path) {
  const double mb_file = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
  // zcat: the same decompression with nothing else done.
  auto z0 = Clock::now();
  const double zc0 = ChildCpuSeconds();
  if (std::system(("zcat '" + path + "' > /dev/null").c_str()) != 0) Fail("zcat failed");
  const double z_wall = std::chrono::duration<double>(Clock::now() - z0).count();
  const double z_cpu = ChildCpuSeconds() - zc0;

  std::string error;
  auto source = cn::FileByteSource::Open(path, &error);
  if (!source) Fail(error);
  cn::WarcReader reader(*source);
  cn::WarcRecord record;
  uint64_t records = 0, decoded = 0;
  long rss_tenth = 0;
  auto r0 = Clock::now();
  const double rc0 = CpuSeconds();
  while (reader.Next(&record)) {
    ++records;
    decoded = record.stream_offset + record.block.size();
    if (rss_tenth == 0 && reader.bytes_read() * 10 >= static_cast<uint64_t>(mb_file * 1e6)) rss_tenth = MaxRssKb();
  }
  const double r_wall = std::chrono::duration<double>(Clock::now() - r0).count();
  const double r_cpu = CpuSeconds() - rc0;
  if (!reader.TakeIssues().empty()) Fail("the file has problems");
  const double mb = static_cast<double>(decoded) / 1e6;
  std::printf("warc_bench read: %s, %.1f MB compressed, %.1f MB decoded, %llu records\n", path.c_str(), mb_file, mb,
              static_cast<unsigned long long>(records));
  std::printf("  zcat:       %.2f s wall, %.2f s CPU: %.0f MB/s decoded per wall s, %.0f per CPU s\n", z_wall, z_cpu,
              mb / z_wall, mb / z_cpu);
  std::printf("  WarcReader: %.2f s wall, %.2f s CPU: %.0f MB/s decoded per wall s, %.0f per CPU s\n", r_wall, r_cpu,
              mb / r_wall, mb / r_cpu);
  std::printf("  reader / zcat: %.2f per wall second, %.2f per CPU second\n", z_wall / r_wall, z_cpu / r_cpu);
  std::printf("  peak RSS: %ld KiB after a tenth of the file, %ld KiB at the end\n", rss_tenth, MaxRssKb());
}

void EndToEnd(const std::string& path, const std::vector<std::string>& extra) {
  const std::string db = (std::filesystem::temp_directory_path() / "cryptonews-warc-bench.db").string();
  for (const char* suffix : {"", "-wal", "-shm", ".lock"}) std::filesystem::remove(db + suffix);
  std::string cmd = std::string(CRYPTONEWS_BINARY) + " warc --quiet --db " + db;
  for (const std::string& e : extra) cmd += " " + e;
  cmd += " '" + path + "'";
  auto t0 = Clock::now();
  const double c0 = ChildCpuSeconds();
  const int rc = std::system(cmd.c_str());
  const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
  const double cpu = ChildCpuSeconds() - c0;
  if (rc != 0) Fail("cryptonews warc exited " + std::to_string(rc));
  auto handle = cn::SqliteDb::Open(db, SQLITE_OPEN_READONLY);
  if (!handle) Fail(handle.error());
  const int64_t articles = handle->QueryInt("SELECT articles_new FROM runs").value_or(0);
  const int64_t figures = handle->QueryInt("SELECT figures FROM runs").value_or(0);
  const int64_t records = handle->QueryInt("SELECT records ->> 'records' FROM runs").value_or(0);
  const double mb_file = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
  std::printf("warc_bench e2e: %s: %lld records, %lld articles stored, %lld figures\n", path.c_str(),
              static_cast<long long>(records), static_cast<long long>(articles), static_cast<long long>(figures));
  std::printf("  %.2f s wall, %.2f s CPU; %.1f MB/s of the file per wall s, %.1f per CPU s\n", wall, cpu,
              mb_file / wall, mb_file / cpu);
  std::printf("  %.0f records/s and %.0f articles/s per CPU second (%.0f and %.0f per wall second)\n",
              records / cpu, articles / cpu, records / wall, articles / wall);
  std::printf("  peak RSS of cryptonews: %ld KiB\n", ChildMaxRssKb());
  for (const char* suffix : {"", "-wal", "-shm", ".lock"}) std::filesystem::remove(db + suffix);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) Fail("usage: warc_bench make FILE PAGES [CRYPTO_PERCENT] | read FILE | e2e FILE [OPTIONS]");
  const std::string mode = argv[1], path = argv[2];
  if (mode == "make") {
    if (argc < 4) Fail("make needs FILE and PAGES");
    Make(path, std::atoi(argv[3]), argc > 4 ? std::atoi(argv[4]) : 10);
  } else if (mode == "read") {
    Read(path);
  } else if (mode == "e2e") {
    EndToEnd(path, std::vector<std::string>(argv + 3, argv + argc));
  } else {
    Fail("unknown mode " + mode);
  }
  return 0;
}
