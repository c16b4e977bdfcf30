#include "extractors/sentiment.h"

#include "extractors/sentiment_article.h"
#include "extractors/sentiment_lexicon.h"
#include "extractors/sentiment_rules.h"
#include "extractors/sentiment_tokens.h"

namespace cn {
namespace {

// A sentence is polar from |score| >= kPolarScore (raw ≈ 0.5: one mild
// evaluative word or a hedged change; a lone hedge-damped word stays neutral).
constexpr double kPolarScore = 0.24;

SentimentLabel LabelOf(double score) {
  if (score >= kPolarScore) return SentimentLabel::kPositive;
  if (score <= -kPolarScore) return SentimentLabel::kNegative;
  return SentimentLabel::kNeutral;
}

// Per-thread buffers so that scoring a sentence does not allocate.
struct ThreadState {
  explicit ThreadState(const SentimentLexicon& lex) : lexicon(&lex), tokenizer(lex) {}
  const SentimentLexicon* lexicon;
  SentimentTokenizer tokenizer;
  std::vector<uint8_t> flags;
};

}  // namespace

std::string_view ToString(SentimentLabel label) {
  switch (label) {
    case SentimentLabel::kNegative:
      return "negative";
    case SentimentLabel::kPositive:
      return "positive";
    case SentimentLabel::kNeutral:
      break;
  }
  return "neutral";
}

std::string_view ToString(SentimentEvidence::Kind kind) {
  return kind == SentimentEvidence::Kind::kFigure ? "figure" : "sentence";
}

std::string_view ToString(EvidencePlace place) {
  switch (place) {
    case EvidencePlace::kHeadline:
      return "headline";
    case EvidencePlace::kLead:
      return "lead";
    case EvidencePlace::kBody:
      break;
  }
  return "body";
}

struct SentimentAnalyzer::Impl {
  const SentimentLexicon& lexicon = SentimentLexicon::Default();

  ThreadState& State() const {
    thread_local std::unique_ptr<ThreadState> state;
    if (!state || state->lexicon != &lexicon) state = std::make_unique<ThreadState>(lexicon);
    return *state;
  }
};

SentimentAnalyzer::SentimentAnalyzer() : impl_(std::make_unique<Impl>()) {}
SentimentAnalyzer::~SentimentAnalyzer() = default;

SentenceSentiment SentimentAnalyzer::ScoreSentence(std::string_view utf8) const {
  ThreadState& state = impl_->State();
  double raw = ScoreUnits(state.tokenizer.Tokenize(utf8), &state.flags);
  SentenceSentiment result;
  result.score = SquashScore(raw);
  result.label = LabelOf(result.score);
  return result;
}

ArticleSentiment SentimentAnalyzer::ScoreArticle(const ArticleInput& article) const {
  return PoolArticleSentiment(article, [this](std::string_view sentence) {
    ThreadState& state = impl_->State();
    const std::vector<SentimentUnit>& units = state.tokenizer.Tokenize(sentence);
    RuleScore rules = ScoreUnitsWithEvents(units, &state.flags);
    SentenceReading reading{rules.total, rules.event, false, false, false};
    for (const SentimentUnit& u : units) {
      if (u.kind != UnitKind::kWord || u.term == nullptr) continue;
      reading.crypto_words |= u.term->crypto;
      reading.market_words |= u.term->market;
      reading.change_words |= u.term->direction != 0;
    }
    return reading;
  });
}

}  // namespace cn
