#include "extractors/sentiment_article.h"

#include <algorithm>
#include <cmath>

#include "extractors/article_assets.h"
#include "extractors/sentence_splitter.h"
#include "extractors/sentiment_assets.h"
#include "extractors/sentiment_rules.h"
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
// A sentence of a crypto article without market talk, a figure or a change
// of an asset it names counts this much of its weight; what event terms say
// counts this much of its score.
constexpr double kOffMarketWeight = 0.1;
constexpr double kEventShare = 0.1;
// An article is about crypto when this share of its sentences (the headline
// counting twice) names an asset or crypto.
constexpr double kCryptoShare = 0.2;
// Pools: the prior is a pseudo-weight of neutral evidence; the band is the
// neutral zone of the pooled score. Fitted on dev articles with
// scripts/sentiment-calibrate (leave-one-outlet-out); the article's large
// prior makes its score grow with the amount of agreeing evidence, the
// asset's zero prior makes it the mean of the evidence about the asset.
constexpr double kArticlePrior = 12.0;
constexpr double kAssetPrior = 0.0;
constexpr double kArticleBand = 0.07;
constexpr double kAssetBand = 0.05;

constexpr size_t kKeySentences = 3;

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
    return weights + prior > 0 ? sum / (weights + prior) : 0.0;
  }
  // Strongest first.
  std::vector<SentimentEvidence> Strongest() && {
    std::stable_sort(evidence.begin(), evidence.end(), [](const SentimentEvidence& a, const SentimentEvidence& b) {
      return std::fabs(a.weight * a.score) > std::fabs(b.weight * b.score);
    });
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

ArticleSentiment PoolArticleSentiment(const ArticleInput& input, const SentenceReader& read_sentence) {
  auto market_score = [](const SentenceReading& r) { return SquashScore(r.raw - (1 - kEventShare) * r.raw_event); };
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
    if (IsLinkLine(std::string_view(text.matching).substr(s.begin, s.end - s.begin))) continue;
    EvidencePlace place = body_sentences++ < kLeadSentences ? EvidencePlace::kLead : EvidencePlace::kBody;
    units.push_back({&text, s, place, false});
  }

  // Which unit holds each figure (none for the title's own units).
  std::vector<size_t> unit_start_cp(units.size()), unit_end_cp(units.size());
  for (size_t u = 0; u < units.size(); ++u) {
    unit_start_cp[u] = units[u].source->CodePointAt(units[u].span.begin);
    unit_end_cp[u] = units[u].source->CodePointAt(units[u].span.end);
  }
  std::vector<int> figure_unit(input.figures.size(), -1);
  std::vector<bool> unit_has_figure(units.size(), false);
  for (size_t i = 0; i < input.figures.size(); ++i) {
    const Figure& f = input.figures[i];
    if (f.end <= f.start || f.start < 0) continue;
    // The text's units are in order: the last one starting at or before the figure.
    const size_t at = static_cast<size_t>(f.start);
    const size_t first_text_unit = !units.empty() && units.front().in_title ? 1 : 0;
    auto after = std::upper_bound(unit_start_cp.begin() + static_cast<std::ptrdiff_t>(first_text_unit),
                                  unit_start_cp.end(), at);
    if (after == unit_start_cp.begin() + static_cast<std::ptrdiff_t>(first_text_unit)) continue;
    const size_t u = static_cast<size_t>(after - unit_start_cp.begin()) - 1;
    if (at >= unit_end_cp[u]) continue;
    figure_unit[i] = static_cast<int>(u);
    unit_has_figure[u] = true;
  }

  // The article's own asset table (article_assets.h) reads the title as the
  // first line of the text; a title given apart is put in front for it.
  std::vector<AssetMention> title_mentions, text_mentions;
  if (units.empty() || !units.front().in_title) {
    text_mentions = ArticleAssets::Learn(text.matching).mentions();
  } else {
    const ArticleAssets table = ArticleAssets::Learn(title.matching + "\n" + text.matching);
    const size_t shift = title.matching.size() + 1;
    for (AssetMention m : table.mentions()) {
      if (m.end <= title.matching.size()) {
        title_mentions.push_back(std::move(m));
      } else if (m.begin >= shift) {
        m.begin -= shift;
        m.end -= shift;
        text_mentions.push_back(std::move(m));
      }
    }
  }

  Pool article_pool;
  std::vector<AssetPool> assets;
  auto asset_pool = [&](const std::string& ticker) -> AssetPool& {
    auto it = std::find_if(assets.begin(), assets.end(), [&](const AssetPool& a) { return a.ticker == ticker; });
    if (it != assets.end()) return *it;
    assets.push_back({ticker, {}, 0});
    return assets.back();
  };

  // Each unit's reading and mentions (relative to it); whether the article
  // is about crypto at all.
  std::vector<SentenceReading> readings(units.size());
  std::vector<std::vector<AssetMention>> unit_mentions(units.size());
  int crypto_units = 0;
  size_t next_text_mention = 0;  // units and mentions are both in text order
  for (size_t u = 0; u < units.size(); ++u) {
    const Unit& unit = units[u];
    readings[u] = read_sentence(unit.matching());
    auto take = [&](const AssetMention& m) {
      if (m.begin < unit.span.begin || m.end > unit.span.end) return;
      AssetMention local = m;
      local.begin -= unit.span.begin;
      local.end -= unit.span.begin;
      unit_mentions[u].push_back(std::move(local));
    };
    if (unit.in_title) {
      for (const AssetMention& m : title_mentions) take(m);
    } else {
      while (next_text_mention < text_mentions.size() && text_mentions[next_text_mention].begin < unit.span.begin)
        ++next_text_mention;
      for (size_t k = next_text_mention; k < text_mentions.size() && text_mentions[k].begin < unit.span.end; ++k)
        take(text_mentions[k]);
    }
    if (readings[u].crypto_words || !unit_mentions[u].empty()) crypto_units += unit.place == EvidencePlace::kHeadline ? 2 : 1;
  }
  // A passing word ("... does not represent Crypto Weekly's views") does not
  // make an article about crypto: a fair share of its sentences must name it.
  const bool about_crypto = crypto_units >= kCryptoShare * static_cast<double>(units.size() + 1);

  for (size_t u = 0; u < units.size(); ++u) {
    const Unit& unit = units[u];
    const std::string_view sentence = unit.matching();
    const double score = market_score(readings[u]);
    const std::vector<AssetMention>& local = unit_mentions[u];
    const bool on_market = about_crypto && (readings[u].market_words || unit_has_figure[u] ||
                                            (readings[u].change_words && !local.empty()));
    const double place_weight = PlaceWeight(unit.place) * (on_market ? 1.0 : kOffMarketWeight);
    // An article not about crypto has no stance on its market.
    if (score != 0 && about_crypto)
      article_pool.evidence.push_back(
          MakeEvidence(unit, unit.span, score, place_weight, on_market ? ToString(unit.place) : "no market talk"));
    if (local.empty()) continue;
    if (unit.place != EvidencePlace::kHeadline && IsBareList(sentence, local)) continue;

    // Assets of one group share a part: it is read once.
    ByteSpan last_part{1, 0};
    double last_part_score = 0;
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
      if (a.part.begin != last_part.begin || a.part.end != last_part.end) {
        last_part = a.part;
        last_part_score = market_score(read_sentence(sentence.substr(a.part.begin, a.part.end - a.part.begin)));
      }
      const double part_score = last_part_score;
      if (part_score != 0) {
        pool.pool.evidence.push_back(
            MakeEvidence(unit, part, part_score, weight, a.subject ? "subject clause" : "passing clause"));
      } else if (score != 0 && !a.turns) {
        // Its own part says nothing: the sentence speaks for it ("ETH is down
        // 1%, and so are BNB and XRP"), damped when other assets in it have
        // parts of their own — unless its part turns against the rest.
        pool.pool.evidence.push_back(MakeEvidence(unit, unit.span, score, weight * (a.alone ? 1.0 : kSharedWeight),
                                                  a.alone ? "sentence" : "shared sentence"));
      }
    }
  }

  // Figures with a direction: evidence for the market and for their asset.
  for (size_t i = 0; i < input.figures.size(); ++i) {
    const Figure& f = input.figures[i];
    int sign = FigureSign(f);
    if (sign == 0 || figure_unit[i] < 0 || !about_crypto) continue;
    const Unit* unit = &units[static_cast<size_t>(figure_unit[i])];
    SentimentEvidence e;
    e.kind = SentimentEvidence::Kind::kFigure;
    e.place = unit->place;
    e.start = static_cast<size_t>(f.start);
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
