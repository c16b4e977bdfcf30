// MarketFigureStage: money amounts named by a market metric — liquidations
// (with long/short side), market cap, trading volume, open interest and ETF
// flows. The metric word nearest the amount decides the kind.
#include <algorithm>
#include <cctype>
#include <string>

#include "extractors/ascii.h"
#include "extractors/qualifier.h"
#include "extractors/stages.h"

namespace cn {
namespace {

Side SideNear(const SentenceAnalysis& s, const Quantity& q) {
  const CueHit* side = s.NearestCue({Cue::kLong, Cue::kShort}, q, 45, true);
  // Across a clause break: "totaled $420 million, with longs making up
  // $355 million" gives the total no side.
  if (side == nullptr) {
    side = s.NearestCue({Cue::kLong, Cue::kShort}, q, 25, false);
    // After the amount, only without a comma between ("$105 million - were
    // long positions" keeps it; "$420 million, with longs" does not).
    if (side != nullptr && side->begin >= q.end &&
        s.text.substr(q.end, side->begin - q.end).find(',') != std::string_view::npos)
      side = s.NearestCue({Cue::kLong, Cue::kShort}, q, 25, false, 0);
  }
  if (side == nullptr) return Side::kNone;
  // "long and short positions": both named, so it is a total.
  for (const CueHit& h : s.cues) {
    if (&h == side || (h.cue != Cue::kLong && h.cue != Cue::kShort) || h.cue == side->cue) continue;
    size_t gap = h.begin > side->end ? h.begin - side->end : side->begin - h.end;
    if (gap <= 5) return Side::kNone;
  }
  // "bulls"/"bears" only count when liquidations are the topic of the clause.
  std::string word = cn_ascii_lower_copy(s.text.substr(side->begin, side->end - side->begin));
  if ((word == "bulls" || word == "bears") && s.NearestCue({Cue::kLiquidation}, q, 60, true) == nullptr)
    return Side::kNone;
  return side->cue == Cue::kLong ? Side::kLong : Side::kShort;
}

}  // namespace

std::vector<Figure> MarketFigureStage(const SentenceAnalysis& s, const Quantity& q) {
  if (q.type != QuantityType::kMoney || q.is_noise || q.value_high) return {};
  // Metric amounts are large; a small amount next to "volume" is a price.
  if (q.value < 100000) return {};
  const CueHit* cue = s.NearestCue({Cue::kLiquidation, Cue::kMarketCap, Cue::kVolume, Cue::kOpenInterest,
                                    Cue::kEtf, Cue::kInflow, Cue::kOutflow},
                                   q, 90, true);
  if (cue == nullptr) {
    cue = s.NearestCue({Cue::kLiquidation, Cue::kMarketCap, Cue::kVolume, Cue::kOpenInterest, Cue::kEtf},
                       q, 140, false);
  }
  if (cue == nullptr) return {};
  // A change of a metric by an amount ("market cap dropped by $30 billion")
  // is not a figure of the contract.
  if (ByAmountBefore(s.text, q.begin) && cue->cue != Cue::kLiquidation) return {};

  FigureKind kind;
  switch (cue->cue) {
    case Cue::kLiquidation: kind = FigureKind::kLiquidation; break;
    case Cue::kMarketCap: kind = FigureKind::kMarketCap; break;
    case Cue::kVolume: kind = FigureKind::kVolume; break;
    case Cue::kOpenInterest: kind = FigureKind::kOpenInterest; break;
    default: kind = FigureKind::kEtfFlow; break;
  }
  if (kind == FigureKind::kEtfFlow && !s.HasCue(Cue::kEtf)) return {};  // "inflows" alone: exchange flows

  Figure f = MakeFigure(kind, s, q);
  bool market_wide = false;
  for (const CueHit& h : s.cues) {
    size_t d = h.end <= cue->begin ? cue->begin - h.end : (h.begin >= cue->end ? h.begin - cue->end : 0);
    size_t dq = SentenceAnalysis::Distance(h.begin, h.end, q);
    if (h.cue == Cue::kMarketWide && (d <= 30 || dq <= 30)) market_wide = true;
    // "crypto liquidations", "crypto market cap": the word right before the metric.
    if (h.cue == Cue::kCryptoWord && h.end <= cue->begin && d <= 12) market_wide = true;
  }
  // Several coins named in the clause ("bitcoin, ether and other majors"):
  // the amount is theirs together, so market-wide.
  const AssetMention* attached = nullptr;  // "BTC ($166 million)"
  for (const AssetMention& m : s.assets)
    if (m.end <= q.begin && q.begin - m.end <= 3) attached = &m;
  if (attached == nullptr) {
    std::string first;
    for (const AssetMention& m : s.assets) {
      if (!s.SameClause(m.begin, q.begin)) continue;
      if (first.empty()) first = m.ticker;
      else if (m.ticker != first) market_wide = true;
    }
  }
  // The asset: a mention tied to the amount or the metric word in this clause.
  std::string asset;
  if (!market_wide) {
    size_t best = SIZE_MAX;
    // Mentions in the amount's own clause first ("…, while ETH positions lost
    // $130 million"); the metric word's clause only when that has none.
    bool own_clause = std::any_of(s.assets.begin(), s.assets.end(),
                                  [&](const AssetMention& m) { return s.SameClause(m.begin, q.begin); });
    for (const AssetMention& m : s.assets) {
      if (own_clause ? !s.SameClause(m.begin, q.begin)
                     : (!s.SameClause(m.begin, q.begin) && !s.SameClause(m.begin, cue->begin)))
        continue;
      size_t d = std::min(SentenceAnalysis::Distance(m.begin, m.end, q),
                          m.end <= cue->begin ? cue->begin - m.end : (m.begin >= cue->end ? m.begin - cue->end : 0));
      if (d < best && d <= 60) best = d, asset = m.ticker;
    }
    if (asset.empty() && kind != FigureKind::kLiquidation) {
      // "XAUT is the largest ... with nearly $1.5 billion market
      // capitalization": the sentence's subject, however far before.
      if (auto subject = s.SubjectAssetIndex(q, false)) asset = s.assets[*subject].ticker;
    }
    if (asset.empty() && kind != FigureKind::kLiquidation && s.memory != nullptr) {
      // "Its market cap", "the daily trading volume": the article's asset.
      if (kind != FigureKind::kEtfFlow || !s.memory->main_asset.empty()) asset = s.memory->main_asset;
    }
  }
  if (attached != nullptr && !market_wide) asset = attached->ticker;
  f.asset = asset;

  if (kind == FigureKind::kLiquidation) {
    f.side = SideNear(s, q);
  }
  if (kind == FigureKind::kEtfFlow) {
    const CueHit* flow = s.NearestCue({Cue::kInflow, Cue::kOutflow, Cue::kUp, Cue::kDown}, q, 60, true);
    if (flow != nullptr)
      f.direction = (flow->cue == Cue::kInflow || flow->cue == Cue::kUp) ? Direction::kUp : Direction::kDown;
  }
  if (kind == FigureKind::kMarketCap) f.window.clear();
  if (kind == FigureKind::kOpenInterest) {
    // Open interest is a level; a window only when stated right next to it.
  }
  if (kind == FigureKind::kVolume) {
    // "daily trading volume", "24-hour volume": the window qualifies the metric.
    for (const WindowHit& w : s.windows)
      if (w.end <= cue->begin && cue->begin - w.end <= 12) f.window = w.duration;
  }
  return SingleFigure(std::move(f));
}

}  // namespace cn
