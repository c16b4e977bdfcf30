#include "pipeline/cli/command_sentiment.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

#include "extractors/figure_extractor.h"
#include "extractors/sentiment.h"
#include "pipeline/cli/exit_codes.h"
#include "pipeline/cli/text_source.h"

namespace cn {

namespace {

constexpr const char* kHelpFooter = R"(
Output with --lines: one JSON object per input line, in order, one for one
(an empty line is neutral):
  {"label": "positive" | "negative" | "neutral", "score": -1 .. 1}

Output for an article (its first line is the headline): one JSON object
  score, label     the article's stance on the crypto market
  assets           per asset the article says something about in a full
                   sentence (not one named only in a list or as the quote
                   side of a pair): asset (ticker), score, label,
                   sentences (how many sentences are about it)
  key_sentences    the sentences that weigh most: start, end (code-point
                   offsets in the input, end exclusive), score, text
  version          sentiment rules version
With --explain, the article and each asset also carry "evidence": the
sentences, parts of sentences and figures that carried the score, strongest
first, each with kind (sentence | figure), place (headline | lead | body),
why (what set its weight: subject, passing, subject clause, shared
sentence, figure, ...), weight, score, start, end and text. The pooled score
is sum(weight * score) / (sum(weight) + prior); the label is neutral inside
a band around 0.

Sentence scores come from a lexicon of financial and crypto vocabulary with
rules for negation, intensifiers, hedges and changes of financial metrics
("profit rose" is positive, "costs rose" negative). Article and asset scores
weigh the headline and lead most, count a sentence for the assets it is
about, and count reported moves and flows (figures with a direction) as
evidence of their own.

Exit codes: 0 ok (also for empty input), 2 unreadable input or bad arguments.
)";

double Rounded(double x) { return std::round(x * 10000.0) / 10000.0; }

void WriteLine(const SentenceSentiment& s, std::string* out) {
  char buf[96];
  int n = std::snprintf(buf, sizeof buf, "{\"label\":\"%s\",\"score\":%.4f}\n", ToString(s.label).data(),
                        Rounded(s.score) == 0 ? 0.0 : Rounded(s.score));
  out->append(buf, static_cast<size_t>(n));
}

nlohmann::ordered_json EvidenceJson(const std::vector<SentimentEvidence>& evidence) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const SentimentEvidence& e : evidence) {
    nlohmann::ordered_json ej;
    ej["kind"] = ToString(e.kind);
    ej["place"] = ToString(e.place);
    ej["why"] = e.why;
    ej["weight"] = Rounded(e.weight);
    ej["score"] = Rounded(e.score);
    ej["start"] = e.start;
    ej["end"] = e.end;
    ej["text"] = e.text;
    list.push_back(std::move(ej));
  }
  return list;
}

}  // namespace

void SentimentCommand::Setup(CLI::App& sub) {
  sub.add_flag("--lines", lines_, "Score each input line on its own; print JSON Lines");
  sub.add_flag("--explain", explain_, "List the evidence behind the article's and each asset's score");
  sub.add_option("input", input_, "Text file (UTF-8), or - for standard input")->capture_default_str();
  sub.footer(kHelpFooter);
}

int SentimentCommand::Run() { return lines_ ? RunLines() : RunArticle(); }

int SentimentCommand::RunLines() {
  auto source = TextSource::Open(input_);
  if (!source) {
    std::fprintf(stderr, "cryptonews sentiment: %s\n", source.error().c_str());
    return kExitUsage;
  }
  static const SentimentAnalyzer analyzer;
  std::string piece, carry, out;
  auto flush_line = [&](std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    WriteLine(analyzer.ScoreSentence(line), &out);
  };
  while (source->Next(&piece)) {
    std::string_view rest(piece);
    size_t nl;
    while ((nl = rest.find('\n')) != std::string_view::npos) {
      if (carry.empty()) {
        flush_line(rest.substr(0, nl));
      } else {
        carry.append(rest.substr(0, nl));
        flush_line(carry);
        carry.clear();
      }
      rest.remove_prefix(nl + 1);
    }
    carry.append(rest);
    std::fwrite(out.data(), 1, out.size(), stdout);
    out.clear();
  }
  if (!carry.empty()) flush_line(carry);
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (!source->error().empty()) {
    std::fprintf(stderr, "cryptonews sentiment: %s\n", source->error().c_str());
    return kExitUsage;
  }
  return kExitOk;
}

int SentimentCommand::RunArticle() {
  auto source = TextSource::Open(input_);
  if (!source) {
    std::fprintf(stderr, "cryptonews sentiment: %s\n", source.error().c_str());
    return kExitUsage;
  }
  std::string text, piece;
  while (source->Next(&piece)) text += piece;
  if (!source->error().empty()) {
    std::fprintf(stderr, "cryptonews sentiment: %s\n", source->error().c_str());
    return kExitUsage;
  }
  static const SentimentAnalyzer analyzer;
  static const FigureExtractor extractor;
  std::vector<Figure> figures = extractor.Extract(text);
  ArticleSentiment article = analyzer.ScoreArticle(ArticleInput{{}, text, figures});

  nlohmann::ordered_json j;
  j["score"] = Rounded(article.score);
  j["label"] = ToString(article.label);
  j["assets"] = nlohmann::ordered_json::array();
  for (const AssetSentiment& a : article.assets) {
    nlohmann::ordered_json aj;
    aj["asset"] = a.asset;
    aj["score"] = Rounded(a.score);
    aj["label"] = ToString(a.label);
    aj["sentences"] = a.sentences;
    if (explain_) aj["evidence"] = EvidenceJson(a.evidence);
    j["assets"].push_back(std::move(aj));
  }
  j["key_sentences"] = nlohmann::ordered_json::array();
  for (const WeightedSentence& s : article.key_sentences) {
    nlohmann::ordered_json sj;
    sj["start"] = s.start;
    sj["end"] = s.end;
    sj["score"] = Rounded(s.score);
    sj["text"] = s.text;
    j["key_sentences"].push_back(std::move(sj));
  }
  if (explain_) j["evidence"] = EvidenceJson(article.evidence);
  j["version"] = kSentimentVersion;
  std::string dumped = j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  std::printf("%s\n", dumped.c_str());
  return kExitOk;
}

}  // namespace cn
