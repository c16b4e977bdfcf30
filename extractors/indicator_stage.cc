// IndicatorStage: RSI and Fear & Greed values stated as bare numbers
// ("RSI at 28.4", "Fear & Greed Index ... a score of 60", "dropped below 30").
#include <string>

#include "extractors/ascii.h"
#include "extractors/qualifier.h"
#include "extractors/stages.h"

namespace cn {
namespace {

// RSI and Fear & Greed both run from 0 to 100.
constexpr double kMaxIndicatorValue = 100;
// The reading follows its indicator within a short clause ("RSI ... sits
// at 28.4", "Fear & Greed Index ... a score of 60").
constexpr size_t kIndicatorReach = 60;
// "A score of 60" without the index named is Fear & Greed when the index
// was named at most this many sentences before.
constexpr int kFearGreedSentencesBack = 2;
// "score of" stands among the few words right before the number.
constexpr size_t kScoreOfLookBack = 24;
// Room for the longest threshold verb tested after the number
// (" is considered", 14 bytes).
constexpr size_t kThresholdVerbWindow = 16;
// A market word qualifies the indicator when it stands right before it,
// at most a short word between ("crypto RSI", "market average RSI").
constexpr size_t kMarketWordGap = 12;
// A coin owns the indicator when named a few words before it
// ("Bitcoin's 14-day RSI").
constexpr size_t kOwnerGap = 30;

bool Precedes(std::string_view text, size_t pos, std::string_view phrase) {
  size_t from = pos > kScoreOfLookBack ? pos - kScoreOfLookBack : 0;
  return ascii::LowerSpan<kScoreOfLookBack>(text.substr(from, pos - from)).view().find(phrase) != std::string_view::npos;
}

}  // namespace

std::vector<Figure> IndicatorStage(const SentenceAnalysis& s, const Quantity& q) {
  if (q.type != QuantityType::kPlain || q.is_noise || q.value_high || q.value > kMaxIndicatorValue || q.has_magnitude)
    return {};
  // The number must follow its indicator closely, in the same clause.
  const CueHit* cue = s.NearestCue({Cue::kRsi, Cue::kFearGreed}, q, kIndicatorReach, true, 0);
  std::string name;
  if (cue != nullptr && cue->end <= q.begin) {
    name = cue->cue == Cue::kRsi ? "rsi" : "fear_greed";
  } else if (s.memory != nullptr && Precedes(s.text, q.begin, "score of") &&
             s.memory->sentences_since_fear_greed <= kFearGreedSentencesBack) {
    name = "fear_greed";  // "It is now sitting at a score of 60" after naming the index
  } else {
    return {};
  }
  // Another number between the indicator and this one ("RSI of 14 days at 30")
  // means this is not the indicator's value.
  if (cue != nullptr) {
    for (const Quantity& other : s.quantities)
      if (other.begin > cue->end && other.end <= q.begin) return {};
  }
  // "An RSI below 40 indicates oversold": a threshold, no reading.
  if (const Qualifier bound = QualifierBefore(s.lower, q.begin);
      bound == Qualifier::kOver || bound == Qualifier::kUnder) {
    const ascii::LowerSpan<kThresholdVerbWindow> after(s.text.substr(q.end));
    for (std::string_view w : {" indicates", " means", " signals", " suggests", " is considered", " typically",
                               " is seen as", " usually"})
      if (after.view().starts_with(w)) return {};
  }
  Figure f = MakeFigure(FigureKind::kIndicator, s, q);
  f.name = name;
  f.unit = "index";
  f.window.clear();
  // The asset: a mention right before the indicator ("Bitcoin's RSI"), none for
  // market averages ("average crypto RSI"), else the article's asset.
  size_t anchor = cue != nullptr ? cue->begin : q.begin;
  bool market = false;
  for (const CueHit& rsi : s.cues) {
    if (rsi.cue != Cue::kRsi || rsi.begin > q.begin || !s.SameClause(rsi.begin, q.begin)) continue;
    for (const CueHit& h : s.cues)
      if ((h.cue == Cue::kMarketWide || h.cue == Cue::kCryptoWord) && h.end <= rsi.begin && rsi.begin - h.end <= kMarketWordGap)
        market = true;
  }
  for (const CueHit& h : s.cues)
    if ((h.cue == Cue::kMarketWide || h.cue == Cue::kGroup || h.cue == Cue::kCryptoWord) && h.end <= anchor &&
        anchor - h.end <= kMarketWordGap)
      market = true;
  f.asset.clear();
  if (name != "fear_greed" && !market) {
    for (const AssetMention& m : s.assets)
      if (m.end <= anchor && anchor - m.end <= kOwnerGap && s.SameClause(m.begin, anchor)) f.asset = m.ticker;
    if (f.asset.empty() && s.memory != nullptr) f.asset = s.memory->main_asset;
  }
  return SingleFigure(std::move(f));
}

}  // namespace cn
