#include "extractors/sentiment.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "extractors/asset_lexicon.h"
#include "extractors/sentence_splitter.h"
#include "extractors/sentiment_lexicon.h"
#include "extractors/sentiment_rules.h"
#include "extractors/sentiment_tokens.h"
#include "extractors/text_normalizer.h"

namespace cn {
namespace {

// score = raw / sqrt(raw² + kSquash): bounded in (−1, 1), about linear near 0.
constexpr double kSquash = 4.0;
// A sentence is polar from |score| >= kPolarScore (raw ≈ 0.5: one mild
// evaluative word or a hedged change; a lone hedge-damped word stays neutral).
constexpr double kPolarScore = 0.24;
constexpr size_t kKeySentences = 3;

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

// Clauses of a sentence, split where it turns from one subject to another:
// at ';' and before "but", "while", "whereas", "however", "although",
// "though", "despite". Byte spans relative to `sentence`.
std::vector<ByteSpan> Clauses(std::string_view sentence) {
  static constexpr std::string_view kTurns[] = {" but ",      " while ",  " whereas ", " however",
                                                " although ", " though ", " despite "};
  std::vector<ByteSpan> clauses;
  size_t start = 0;
  for (size_t i = 0; i < sentence.size(); ++i) {
    size_t cut = std::string_view::npos;
    if (sentence[i] == ';') {
      cut = i + 1;
    } else if (sentence[i] == ' ') {
      for (std::string_view turn : kTurns) {
        if (sentence.size() - i < turn.size()) continue;
        bool match = true;
        for (size_t k = 0; k < turn.size() && match; ++k)
          match = std::tolower(static_cast<unsigned char>(sentence[i + k])) == turn[k];
        if (match) cut = i;
      }
    }
    if (cut != std::string_view::npos && cut > start) {
      clauses.push_back({start, cut});
      start = cut;
    }
  }
  clauses.push_back({start, sentence.size()});
  return clauses;
}

// Sum of the scores over the evaluative ones plus one: little evidence stays
// near neutral, and one strong sentence among many neutral ones still counts.
double Pool(double sum, int evaluative) { return sum / (evaluative + 1); }

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
  result.score = raw / std::sqrt(raw * raw + kSquash);
  result.label = LabelOf(result.score);
  return result;
}

ArticleSentiment SentimentAnalyzer::ScoreArticle(std::string_view utf8) const {
  NormalizedText text = NormalizeText(utf8);
  std::vector<ByteSpan> spans = SplitSentences(text.matching);
  std::vector<AssetMention> mentions = AssetLexicon::Default().FindMentions(text.matching);

  struct Scored {
    size_t index;
    SentenceSentiment sentiment;
  };
  std::vector<Scored> scored;
  scored.reserve(spans.size());
  double sum = 0;
  int evaluative = 0;
  for (size_t i = 0; i < spans.size(); ++i) {
    SentenceSentiment s = ScoreSentence(std::string_view(text.matching).substr(spans[i].begin, spans[i].end - spans[i].begin));
    scored.push_back({i, s});
    if (s.label != SentimentLabel::kNeutral) {
      sum += s.score;
      ++evaluative;
    }
  }

  ArticleSentiment article;
  article.score = Pool(sum, evaluative);
  article.label = LabelOf(article.score);

  // Each asset collects the sentences that mention it (once per sentence).
  // When one sentence speaks of several assets in different clauses
  // ("bitcoin fell while solana rallied"), each gets its own clause's score.
  struct AssetTally {
    std::string ticker;
    double sum = 0;
    int evaluative = 0;
    int sentences = 0;
    size_t last_sentence = static_cast<size_t>(-1);
  };
  std::vector<AssetTally> tallies;
  auto tally_for = [&](const std::string& ticker) -> AssetTally& {
    auto it = std::find_if(tallies.begin(), tallies.end(), [&](const AssetTally& t) { return t.ticker == ticker; });
    if (it != tallies.end()) return *it;
    tallies.push_back({ticker});
    return tallies.back();
  };
  size_t m = 0;
  for (size_t sentence = 0; sentence < spans.size(); ++sentence) {
    const ByteSpan& span = spans[sentence];
    while (m < mentions.size() && mentions[m].begin < span.begin) ++m;
    size_t first = m;
    while (m < mentions.size() && mentions[m].begin < span.end) ++m;
    if (first == m) continue;
    std::string_view sentence_text = std::string_view(text.matching).substr(span.begin, span.end - span.begin);
    std::vector<ByteSpan> clauses = Clauses(sentence_text);
    auto clause_of = [&](size_t byte) {
      size_t c = 0;
      while (c + 1 < clauses.size() && clauses[c].end <= byte - span.begin) ++c;
      return c;
    };
    // Split only when different assets sit in different clauses.
    bool split = false;
    for (size_t i = first + 1; i < m; ++i)
      split |= mentions[i].ticker != mentions[first].ticker &&
               clause_of(mentions[i].begin) != clause_of(mentions[first].begin);
    for (size_t i = first; i < m; ++i) {
      AssetTally& tally = tally_for(mentions[i].ticker);
      if (tally.last_sentence == sentence) continue;
      tally.last_sentence = sentence;
      ++tally.sentences;
      SentenceSentiment s = scored[sentence].sentiment;
      if (split) {
        const ByteSpan& clause = clauses[clause_of(mentions[i].begin)];
        s = ScoreSentence(sentence_text.substr(clause.begin, clause.end - clause.begin));
      }
      if (s.label != SentimentLabel::kNeutral) {
        tally.sum += s.score;
        ++tally.evaluative;
      }
    }
  }
  for (const AssetTally& t : tallies) {
    AssetSentiment a;
    a.asset = t.ticker;
    a.score = Pool(t.sum, t.evaluative);
    a.label = LabelOf(a.score);
    a.sentences = t.sentences;
    article.assets.push_back(std::move(a));
  }

  std::vector<Scored> polar;
  for (const Scored& s : scored)
    if (s.sentiment.label != SentimentLabel::kNeutral) polar.push_back(s);
  std::stable_sort(polar.begin(), polar.end(), [](const Scored& a, const Scored& b) {
    return std::fabs(a.sentiment.score) > std::fabs(b.sentiment.score);
  });
  if (polar.size() > kKeySentences) polar.resize(kKeySentences);
  for (const Scored& s : polar) {
    const ByteSpan& span = spans[s.index];
    WeightedSentence w;
    w.start = text.CodePointAt(span.begin);
    w.end = text.CodePointAt(span.end);
    w.text = std::string(text.OriginalSlice(w.start, w.end));
    w.score = s.sentiment.score;
    article.key_sentences.push_back(std::move(w));
  }
  return article;
}

}  // namespace cn
