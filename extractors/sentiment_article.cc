#include "extractors/sentiment_article.h"

#include <algorithm>
#include <cmath>

#include "extractors/asset_lexicon.h"
#include "extractors/sentence_splitter.h"
#include "extractors/sentiment_assets.h"
#include "extractors/text_normalizer.h"

namespace cn {
namespace {

// Weights of places: the headline says what the article is about, the lead
// what it reports first.
constexpr double kHeadlineWeight = 3.0;
constexpr double kLeadWeight = 2.0;
constexpr double kBodyWeight = 1.0;
constexpr size_t kLeadSentences = 2;
// An asset named in another asset's clause ("faster than ETH").
constexpr double kPassingWeight = 0.4;
// An asset whose own part of a sentence says nothing takes the sentence's
// score, damped ("ETH is down 1%, and so are BNB and XRP").
constexpr double kSharedWeight = 0.5;
// A move or flow with a direction: as strong as a plainly worded sentence.
constexpr double kFigureScore = 0.5;
// Pools: the prior is a pseudo-weight of neutral evidence; the band is the
// neutral zone of the pooled score.
constexpr double kArticlePrior = 1.0;
constexpr double kAssetPrior = 1.0;
constexpr double kArticleBand = 0.1;
constexpr double kAssetBand = 0.1;

constexpr size_t kKeySentences = 3;
constexpr size_t kEvidenceKept = 12;  // per asset and for the article

double PlaceWeight(EvidencePlace place) {
  switch (place) {
    case EvidencePlace::kHeadline:
      return kHeadlineWeight;
    case EvidencePlace::kLead:
      return kLeadWeight;
    case EvidencePlace::kBody:
      break;
  }
  return kBodyWeight;
}

SentimentLabel Band(double score, double band) {
  if (score >= band) return SentimentLabel::kPositive;
  if (score <= -band) return SentimentLabel::kNegative;
  return SentimentLabel::kNeutral;
}

// +1 / −1 when a figure reports a move or flow a reader takes as good or bad
// news for its asset (or the market), 0 otherwise.
int FigureSign(const Figure& f) {
  int direction = f.direction == Direction::kUp ? 1 : f.direction == Direction::kDown ? -1 : 0;
  switch (f.kind) {
    case FigureKind::kPercentChange:
      if (!f.metric.empty() && f.metric != "price" && f.metric != "market_cap" && f.metric != "etf_flow") return 0;
      return direction;
    case FigureKind::kPriceChange:
    case FigureKind::kEtfFlow:
      return direction;
    case FigureKind::kLiquidation:
      return f.side == Side::kLong ? -1 : f.side == Side::kShort ? 1 : 0;
    default:
      return 0;
  }
}

// A headline or a sentence of the body.
struct Unit {
  const NormalizedText* source;  // the title's or the text's
  ByteSpan span;                 // in source->matching
  EvidencePlace place;
  bool in_title;
  std::string_view matching() const { return std::string_view(source->matching).substr(span.begin, span.end - span.begin); }
};

SentimentEvidence MakeEvidence(const Unit& unit, ByteSpan span, double score, double weight, std::string_view why) {
  SentimentEvidence e;
  e.kind = SentimentEvidence::Kind::kSentence;
  e.place = unit.place;
  e.in_title = unit.in_title;
  e.start = unit.source->CodePointAt(span.begin);
  e.end = unit.source->CodePointAt(span.end);
  e.text = std::string(unit.source->OriginalSlice(e.start, e.end));
  e.score = score;
  e.weight = weight;
  e.why = why;
  return e;
}

struct Pool {
  std::vector<SentimentEvidence> evidence;
  double Score(double prior) const {
    double sum = 0, weights = 0;
    for (const SentimentEvidence& e : evidence) {
      sum += e.weight * e.score;
      weights += e.weight;
    }
    return sum / (weights + prior);
  }
  // Strongest first; only the first few are kept.
  std::vector<SentimentEvidence> Strongest() && {
    std::stable_sort(evidence.begin(), evidence.end(), [](const SentimentEvidence& a, const SentimentEvidence& b) {
      return std::fabs(a.weight * a.score) > std::fabs(b.weight * b.score);
    });
    if (evidence.size() > kEvidenceKept) evidence.resize(kEvidenceKept);
    return std::move(evidence);
  }
};

struct AssetPool {
  std::string ticker;
  Pool pool;
  int sentences = 0;
};

}  // namespace

SentimentLabel ArticleLabel(double score) { return Band(score, kArticleBand); }
SentimentLabel AssetLabel(double score) { return Band(score, kAssetBand); }

ArticleSentiment PoolArticleSentiment(const ArticleInput& input, const SentenceScoreFn& score_sentence) {
  const AssetLexicon& lexicon = AssetLexicon::Default();
  NormalizedText title = NormalizeText(input.title);
  NormalizedText text = NormalizeText(input.text);

  // The units in reading order: headline, lead, body.
  std::vector<Unit> units;
  size_t body_from = 0;  // bytes of text.matching before it belong to the headline
  if (!title.matching.empty()) {
    std::string_view t = title.matching;
    size_t b = t.find_first_not_of(" \t\r\n"), e = t.find_last_not_of(" \t\r\n");
    if (b != std::string_view::npos) units.push_back({&title, {b, e + 1}, EvidencePlace::kHeadline, true});
  } else {
    // No title given: the first line is the headline when more text follows.
    std::string_view t = text.matching;
    size_t b = t.find_first_not_of(" \t\r\n");
    size_t nl = b == std::string_view::npos ? std::string_view::npos : t.find('\n', b);
    if (nl != std::string_view::npos && t.find_first_not_of(" \t\r\n", nl) != std::string_view::npos) {
      size_t e = t.find_last_not_of(" \t\r", nl - 1);
      units.push_back({&text, {b, e + 1}, EvidencePlace::kHeadline, false});
      body_from = nl + 1;
    }
  }
  size_t body_sentences = 0;
  for (const ByteSpan& span : SplitSentences(std::string_view(text.matching).substr(body_from))) {
    ByteSpan s{span.begin + body_from, span.end + body_from};
    EvidencePlace place = body_sentences++ < kLeadSentences ? EvidencePlace::kLead : EvidencePlace::kBody;
    units.push_back({&text, s, place, false});
  }

  std::vector<AssetMention> title_mentions = lexicon.FindMentions(title.matching);
  std::vector<AssetMention> text_mentions = lexicon.FindMentions(text.matching);

  Pool article_pool;
  std::vector<AssetPool> assets;
  auto asset_pool = [&](const std::string& ticker) -> AssetPool& {
    auto it = std::find_if(assets.begin(), assets.end(), [&](const AssetPool& a) { return a.ticker == ticker; });
    if (it != assets.end()) return *it;
    assets.push_back({ticker, {}, 0});
    return assets.back();
  };

  std::vector<AssetMention> local;
  for (const Unit& unit : units) {
    const std::string_view sentence = unit.matching();
    const double score = score_sentence(sentence);
    const double place_weight = PlaceWeight(unit.place);
    if (score != 0)
      article_pool.evidence.push_back(MakeEvidence(unit, unit.span, score, place_weight, ToString(unit.place)));

    // This unit's mentions, relative to it.
    const std::vector<AssetMention>& all = unit.in_title ? title_mentions : text_mentions;
    local.clear();
    for (const AssetMention& m : all)
      if (m.begin >= unit.span.begin && m.end <= unit.span.end)
        local.push_back({m.begin - unit.span.begin, m.end - unit.span.begin, m.ticker, m.by_name});
    if (local.empty()) continue;
    if (unit.place != EvidencePlace::kHeadline && IsBareList(sentence, local)) continue;

    for (const SentenceAsset& a : AssetsOfSentence(sentence, local)) {
      AssetPool& pool = asset_pool(a.ticker);
      ++pool.sentences;
      double weight = place_weight * (a.subject ? 1.0 : kPassingWeight);
      const bool whole = a.part.begin == 0 && a.part.end == sentence.size();
      if (whole) {
        if (score != 0)
          pool.pool.evidence.push_back(MakeEvidence(unit, unit.span, score, weight, a.subject ? "subject" : "passing"));
        continue;
      }
      const ByteSpan part{unit.span.begin + a.part.begin, unit.span.begin + a.part.end};
      double part_score = score_sentence(sentence.substr(a.part.begin, a.part.end - a.part.begin));
      if (part_score != 0) {
        pool.pool.evidence.push_back(
            MakeEvidence(unit, part, part_score, weight, a.subject ? "subject clause" : "passing clause"));
      } else if (score != 0) {
        // Its own part says nothing: the sentence speaks for it, damped when
        // other assets in it have parts of their own.
        pool.pool.evidence.push_back(MakeEvidence(unit, unit.span, score, weight * (a.alone ? 1.0 : kSharedWeight),
                                                  a.alone ? "sentence" : "shared sentence"));
      }
    }
  }

  // Figures with a direction: evidence for the market and for their asset.
  for (const Figure& f : input.figures) {
    int sign = FigureSign(f);
    if (sign == 0 || f.end <= f.start) continue;
    size_t begin = static_cast<size_t>(f.start);
    const Unit* unit = nullptr;
    for (const Unit& u : units)
      if (!u.in_title && text.CodePointAt(u.span.begin) <= begin && begin < text.CodePointAt(u.span.end)) unit = &u;
    if (unit == nullptr) continue;
    SentimentEvidence e;
    e.kind = SentimentEvidence::Kind::kFigure;
    e.place = unit->place;
    e.start = begin;
    e.end = static_cast<size_t>(f.end);
    e.text = f.text;
    e.score = sign * kFigureScore;
    e.weight = PlaceWeight(unit->place);
    e.why = "figure";
    article_pool.evidence.push_back(e);
    if (f.asset.empty()) continue;
    auto it = std::find_if(assets.begin(), assets.end(), [&](const AssetPool& a) { return a.ticker == f.asset; });
    if (it != assets.end()) it->pool.evidence.push_back(std::move(e));
  }

  ArticleSentiment article;
  article.score = article_pool.Score(kArticlePrior);
  article.label = ArticleLabel(article.score);
  for (AssetPool& a : assets) {
    AssetSentiment s;
    s.asset = a.ticker;
    s.score = a.pool.Score(kAssetPrior);
    s.label = AssetLabel(s.score);
    s.sentences = a.sentences;
    s.evidence = std::move(a.pool).Strongest();
    article.assets.push_back(std::move(s));
  }
  article.evidence = std::move(article_pool).Strongest();
  for (const SentimentEvidence& e : article.evidence) {
    if (article.key_sentences.size() == kKeySentences) break;
    if (e.kind != SentimentEvidence::Kind::kSentence) continue;
    article.key_sentences.push_back({e.start, e.end, e.text, e.score, e.in_title});
  }
  return article;
}

}  // namespace cn
