// Sentiment throughput on one core: scores a generated corpus of financial
// and crypto sentences (built here from templates, so no data file is
// needed) several times over and prints sentences per second; then scores
// the same sentences as articles (a headline and 30 lines each, the whole
// article pool: asset table, clause parts, evidence) and prints articles and
// sentences per second.
//
// Usage: sentiment_bench [ROUNDS]   (default 50 rounds of 8,000 sentences)
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "extractors/sentiment.h"

namespace {

std::vector<std::string> MakeCorpus() {
  const char* subjects[] = {"Net sales", "Operating profit", "The company's operating loss", "Costs",
                            "Bitcoin", "Ether", "Order intake", "Net debt"};
  const char* moves[] = {"rose", "fell", "widened", "narrowed", "was", "surged", "declined", "stood at"};
  const char* amounts[] = {"to EUR 48.2 mn from EUR 41.9 mn", "by 4.5 % year-on-year",
                           "to $61,800 on Thursday", "at EUR 3.1 million compared with EUR 2.7 million"};
  const char* tails[] = {".", ", according to the interim report.", " as liquidations mounted.",
                         ", the company said in a statement released on Tuesday."};
  const char* fillers[] = {"The new plant will be located in Tampere and employ about 120 people.",
                           "Analysts are not bullish on the token despite the upgrade.",
                           "The agreement covers up to 30 sites in three countries.",
                           "Spot ETFs saw net outflows of $310 million, the largest since March.",
                           "The Crypto Fear & Greed Index dropped into extreme fear."};
  std::vector<std::string> corpus;
  for (const char* s : subjects)
    for (const char* m : moves)
      for (const char* a : amounts)
        for (const char* t : tails) corpus.push_back(std::string(s) + " " + m + " " + a + t);
  // Mix in fixed sentences: neutral and crypto phrasing.
  size_t n = corpus.size();
  for (size_t i = 0; i < n; ++i) corpus.push_back(fillers[i % 5]);
  while (corpus.size() < 8000) corpus.push_back(corpus[corpus.size() % n]);
  return corpus;
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = argc > 1 ? std::atoi(argv[1]) : 50;
  if (rounds <= 0) rounds = 1;
  std::vector<std::string> corpus = MakeCorpus();
  cn::SentimentAnalyzer analyzer;
  size_t bytes = 0;
  for (const auto& s : corpus) bytes += s.size();

  double checksum = 0;
  for (const auto& s : corpus) checksum += analyzer.ScoreSentence(s).score;  // warm-up
  std::clock_t cpu_start = std::clock();
  auto start = std::chrono::steady_clock::now();
  for (int r = 0; r < rounds; ++r)
    for (const auto& s : corpus) checksum += analyzer.ScoreSentence(s).score;
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  double sentences = static_cast<double>(corpus.size()) * rounds;
  std::printf("sentences: %.0f (%zu distinct, avg %.0f bytes)\n", sentences, corpus.size(),
              static_cast<double>(bytes) / corpus.size());
  std::printf("time: %.3f s\nthroughput: %.0f sentences/s, %.1f MB/s\n", seconds, sentences / seconds,
              bytes * rounds / seconds / 1e6);
  // CPU time excludes the time other processes held the core (shared machines).
  std::printf("cpu time: %.3f s\nthroughput (cpu): %.0f sentences/s\n", cpu_seconds, sentences / cpu_seconds);
  std::printf("checksum: %.4f\n", checksum);

  // Articles: a headline line and 30 sentence lines each, from the corpus.
  constexpr size_t kLines = 30;
  std::vector<std::string> articles;
  for (size_t i = 0; i + kLines < corpus.size(); i += kLines + 1) {
    std::string a = corpus[i] + "\n\n";
    for (size_t k = 1; k <= kLines; ++k) a += corpus[i + k] + "\n";
    articles.push_back(std::move(a));
  }
  int article_rounds = rounds / 10 > 0 ? rounds / 10 : 1;
  cpu_start = std::clock();
  start = std::chrono::steady_clock::now();
  for (int r = 0; r < article_rounds; ++r)
    for (const auto& a : articles) checksum += analyzer.ScoreArticle(a).score;
  seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  double scored = static_cast<double>(articles.size()) * article_rounds;
  std::printf("articles: %.0f (%zu distinct, %zu lines each)\n", scored, articles.size(), kLines + 1);
  std::printf("article throughput: %.0f articles/s, %.0f sentences/s (cpu: %.0f articles/s)\n", scored / seconds,
              scored * (kLines + 1) / seconds, scored / cpu_seconds);
  std::printf("checksum: %.4f\n", checksum);
  return 0;
}
