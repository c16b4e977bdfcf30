// MarketFigureStage: money amounts named by a market metric — liquidations
// (with long/short side), market cap, trading volume, open interest and ETF
// flows. The metric word nearest the amount decides the kind.
#include <algorithm>
#include <cctype>
#include <string>

#include "extractors/ascii.h"
#include "extractors/measured_thing.h"
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

// "liquidation level", "liquidation heatmap", "volume profile": the metric
// word names a place on the chart, so the amount is a price.
bool NamesAPriceLevel(const SentenceAnalysis& s, const CueHit& cue) {
  const cn_lower_span<24> after(s.text.substr(cue.end));
  std::string_view right = after.view();
  if (right.starts_with("s ")) right.remove_prefix(1);
  for (std::string_view w : {" level", " cluster", " zone", " price", " heatmap", " heat map", " map", " point",
                             " wall", " area", " profile", " band", " pocket", " magnet", " trigger"})
    if (right.starts_with(w)) return true;
  return false;
}

constexpr Cue kMetricCues[] = {Cue::kLiquidation, Cue::kMarketCap, Cue::kVolume, Cue::kOpenInterest,
                               Cue::kEtf, Cue::kInflow, Cue::kOutflow};
bool IsMetricCue(Cue c) { return std::find(std::begin(kMetricCues), std::end(kMetricCues), c) != std::end(kMetricCues); }

// Words that may stand between an amount and the metric it is an amount of:
// "$50,000 in Cardano short positions liquidated", "$1.2B worth of longs".
bool TiedAfter(const SentenceAnalysis& s, const Quantity& q, const CueHit& cue) {
  if (cue.begin < q.end || cue.begin - q.end > 48 || !s.SameClause(q.begin, cue.begin)) return false;
  const std::string_view between = s.text.substr(q.end, cue.begin - q.end);
  if (between.find_first_of(",;:()") != std::string_view::npos) return false;
  if (between.empty() || between == " ") return true;  // "$2 billion liquidation"
  const cn_lower_span<48> low(between);
  const std::string_view b = low.view();
  return b.starts_with(" in ") || b.starts_with(" of ") || b.starts_with(" worth of ") || b.starts_with(" in net ") ||
         b.starts_with(" were ") || b.starts_with(" was ") || b.starts_with(" got ") || b.starts_with(" has been ") ||
         b.starts_with(" have been ") || b.starts_with(" in total ");
}

// "liquidations reached nearly $2 billion", "open interest remains high at
// around $31.69 billion", "a market cap of $2.4 trillion": the metric comes
// before the amount in its clause, and nothing that is itself a figure's
// word (another amount, a price word) stands between.
bool TiedBefore(const SentenceAnalysis& s, const Quantity& q, const CueHit& cue, size_t reach) {
  if (cue.end > q.begin || q.begin - cue.end > reach || !s.SameClause(cue.begin, q.begin)) return false;
  for (const Quantity& other : s.quantities)
    if (&other != &q && !other.is_noise && other.begin >= cue.end && other.end <= q.begin) return false;
  for (const CueHit& h : s.cues)
    if (h.begin >= cue.end && h.end <= q.begin && (h.cue == Cue::kPriceLevel || IsMetricCue(h.cue))) return false;
  return true;
}

}  // namespace

std::vector<Figure> MarketFigureStage(const SentenceAnalysis& s, const Quantity& q) {
  if (q.type != QuantityType::kMoney || q.is_noise || q.value_high) return {};
  // The metric the amount is bound to: named right after it ("$X in
  // liquidations"), else before it with nothing in between that belongs to
  // another figure. Amounts under a million are only a metric's when bound
  // that closely (a "$124k" in a sentence about ETFs is a price); larger
  // ones may take a metric further away in their clause.
  const bool small = q.value < 1000000;
  const CueHit* cue = nullptr;
  for (const CueHit& h : s.cues)
    if (IsMetricCue(h.cue) && TiedAfter(s, q, h) && !NamesAPriceLevel(s, h)) {
      cue = &h;
      break;
    }
  if (cue == nullptr) {
    const CueHit* best = nullptr;
    for (const CueHit& h : s.cues)
      if (IsMetricCue(h.cue) && TiedBefore(s, q, h, small ? 60 : 90) && !NamesAPriceLevel(s, h)) best = &h;
    cue = best;
  }
  if (cue == nullptr && !small) {
    cue = s.NearestCue({Cue::kLiquidation, Cue::kMarketCap, Cue::kVolume, Cue::kOpenInterest, Cue::kEtf, Cue::kInflow,
                        Cue::kOutflow},
                       q, 90, true);
    if (cue == nullptr)
      cue = s.NearestCue({Cue::kLiquidation, Cue::kMarketCap, Cue::kVolume, Cue::kOpenInterest, Cue::kEtf}, q, 140,
                         false);
    if (cue != nullptr && NamesAPriceLevel(s, *cue)) cue = nullptr;
  }
  if (cue == nullptr) return {};
  // "the market capitalization of listed Bitcoin miners": a stock market figure.
  if (MeasuredBy(s, q) == MeasuredThing::kNoFigure) return {};
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
      // The latest sentence's lone asset first, then the article's.
      asset = s.memory->RecentAsset().empty() ? s.memory->main_asset : s.memory->RecentAsset();
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
