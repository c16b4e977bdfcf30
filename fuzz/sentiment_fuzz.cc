// Fuzzes sentiment scoring: any bytes in, no crash; sentence, article and
// asset scores stay in [-1, 1] (and are numbers), and every key sentence and
// piece of evidence has a non-empty span, a positive weight and a bounded score.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "extractors/sentiment.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const cn::SentimentAnalyzer analyzer;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto in_range = [](double x) { return std::isfinite(x) && x >= -1 && x <= 1; };
  if (!in_range(analyzer.ScoreSentence(input).score)) std::abort();
  cn::ArticleSentiment article = analyzer.ScoreArticle(input);
  if (!in_range(article.score)) std::abort();
  auto check_evidence = [&](const std::vector<cn::SentimentEvidence>& evidence) {
    for (const auto& e : evidence)
      if (!in_range(e.score) || !(e.weight > 0) || e.end <= e.start) std::abort();
  };
  check_evidence(article.evidence);
  for (const auto& a : article.assets) {
    if (!in_range(a.score) || a.sentences <= 0) std::abort();
    check_evidence(a.evidence);
  }
  for (const auto& s : article.key_sentences)
    if (!in_range(s.score) || s.end <= s.start || s.text.empty()) std::abort();
  return 0;
}
