// MarketFigureStage: money amounts named by a market metric — liquidations
// (with long/short side), market cap, trading volume, open interest and ETF
// flows. The metric word nearest the amount decides the kind.
#include <algorithm>
#include <string>

#include "extractors/ascii.h"
#include "extractors/measured_thing.h"
#include "extractors/phrase_prefix_set.h"
#include "extractors/qualifier.h"
#include "extractors/stages.h"

namespace cn {
namespace {

// Distances are in bytes of the sentence; a word with its space is five or
// six bytes on average.

// Amounts under a million dollars are a metric's only when bound closely to
// its word: a "$124k" in a sentence about ETFs is a price.
constexpr double kSmallAmount = 1000000;
// How far before the amount, in its clause, a metric word may stand: about
// ten words for a small amount, fifteen for a large one; a large amount may
// take a metric from another clause up to about 25 words away.
constexpr size_t kSmallAmountMetricReach = 60;
constexpr size_t kLargeAmountMetricReach = 90;
constexpr size_t kLargeAmountOtherClauseReach = 140;
// The words TiedAfter accepts between an amount and its metric ("$1.2B worth
// of Bitcoin long positions") fit in about eight words.
constexpr size_t kTiedAfterReach = 48;
// A long/short word in the amount's clause within about eight words; across
// a clause break only within a few ("$105 million - were long positions").
constexpr size_t kSideReach = 45;
constexpr size_t kSideOtherClauseReach = 25;
// "long and short": the two side words with " and " or " & " between.
constexpr size_t kBothSidesGap = 5;
// "bulls"/"bears" are sides only with a liquidation word within ten words.
constexpr size_t kBullsBearsLiquidationReach = 60;
// "Longs lost $1.1 billion": the side word a few words before the amount.
constexpr size_t kSideSubjectReach = 24;
// A market-wide word within about five words of the metric or the amount;
// "crypto" right before the metric word ("crypto liquidations").
constexpr size_t kMarketWideReach = 30;
constexpr size_t kCryptoWordGap = 12;
// A coin named between the amount and its metric word ("$48 million in XRP
// liquidations") within about seven words; any coin within ten.
constexpr size_t kCoinBeforeMetricGap = 40;
constexpr size_t kAssetReach = 60;
// "BTC ($166 million)": the ticker, a space and the parenthesis.
constexpr size_t kAttachedGap = 3;
// "Name (TICKER) - $N": ") - " between the coin and its amount.
constexpr size_t kListItemGap = 4;
// A metric word right after a coin ("Bitcoin shorts", "ETH-margined").
constexpr size_t kMetricAfterCoinGap = 2;
// An inflow/outflow or up/down word within ten words gives an ETF flow its
// direction.
constexpr size_t kFlowDirectionReach = 60;
// "24-hour volume", "daily trading volume": the window one word before.
constexpr size_t kVolumeWindowGap = 12;

// Windows read for phrase tests, each holding the longest phrase tested:
constexpr size_t kPrepositionLookBack = 5;    // " for " before a coin
constexpr size_t kPlacedWordLookBack = 9;     // " above ", " below ", " near ", " beneath " before the amount
constexpr size_t kChartWordWindow = 24;       // "s" and " heat map" after a metric word
constexpr size_t kNonFigureNounWindow = 20;   // " acquisition", " in funding" after the amount
constexpr size_t kPriceWordWindow = 14;       // " resistance" and the byte after it
constexpr size_t kChangeGapWindow = 12;       // " from the " between the amount and the metric

Side SideNear(const SentenceAnalysis& s, const Quantity& q) {
  const CueHit* side = s.NearestCue({Cue::kLong, Cue::kShort}, q, kSideReach, true);
  // Across a clause break: "totaled $420 million, with longs making up
  // $355 million" gives the total no side.
  if (side == nullptr) {
    side = s.NearestCue({Cue::kLong, Cue::kShort}, q, kSideOtherClauseReach, false);
    // After the amount, only without a comma between ("$105 million - were
    // long positions" keeps it; "$420 million, with longs" does not).
    if (side != nullptr && side->begin >= q.end &&
        s.text.substr(q.end, side->begin - q.end).find(',') != std::string_view::npos)
      side = s.NearestCue({Cue::kLong, Cue::kShort}, q, kSideOtherClauseReach, false, 0);
    // Never across ';': "... $153 million in BTC shorts; $499 million in
    // crypto positions liquidated" gives the second no side.
    if (side != nullptr) {
      const size_t a = std::min(side->end, q.begin), b = std::max(side->begin, q.end);
      if (b > a && s.text.substr(a, b - a).find(';') != std::string_view::npos) side = nullptr;
    }
  }
  if (side == nullptr) return Side::kNone;
  // "long and short positions": both named, so it is a total.
  for (const CueHit& h : s.cues) {
    if (&h == side || (h.cue != Cue::kLong && h.cue != Cue::kShort) || h.cue == side->cue) continue;
    size_t gap = h.begin > side->end ? h.begin - side->end : side->begin - h.end;
    if (gap <= kBothSidesGap) return Side::kNone;
  }
  // "bulls"/"bears" only count when liquidations are the topic of the clause.
  const std::string_view word = s.lower.substr(side->begin, side->end - side->begin);
  if ((word == "bulls" || word == "bears") && s.NearestCue({Cue::kLiquidation}, q, kBullsBearsLiquidationReach, true) == nullptr)
    return Side::kNone;
  return side->cue == Cue::kLong ? Side::kLong : Side::kShort;
}

// "liquidation level", "liquidation heatmap", "volume profile": the metric
// word names a place on the chart, so the amount is a price.
bool NamesAPriceLevel(const SentenceAnalysis& s, const CueHit& cue) {
  static const PhrasePrefixSet kPlaceWords{" level", " cluster", " zone", " price", " heatmap", " heat map", " map",
                                           " point", " wall", " area", " profile", " band", " pocket", " magnet",
                                           " trigger"};
  std::string_view right = s.lower.substr(cue.end, kChartWordWindow);
  if (right.starts_with("s ")) right.remove_prefix(1);
  return kPlaceWords.StartsAny(right);
}

// "of BTC", "in ETH", "for SOL", or a metric or side word right after the
// coin ("Bitcoin shorts", "ETH open interest").
bool TiedMentionAfter(const SentenceAnalysis& s, const AssetMention& m) {
  const std::string_view b =
      s.lower.substr(m.begin > kPrepositionLookBack ? m.begin - kPrepositionLookBack : 0, std::min(m.begin, kPrepositionLookBack));
  if (b.ends_with(" of ") || b.ends_with(" in ") || b.ends_with(" for ") || b.ends_with(" on ")) return true;
  for (const CueHit& h : s.cues)
    if (h.begin >= m.end && h.begin - m.end <= kMetricAfterCoinGap &&
        (h.cue == Cue::kLong || h.cue == Cue::kShort || h.cue == Cue::kLiquidation || h.cue == Cue::kVolume ||
         h.cue == Cue::kOpenInterest || h.cue == Cue::kMarketCap || h.cue == Cue::kEtf))
      return true;
  return false;
}

// "$2.2 million fine", "a $20 billion loan": the noun right after the amount
// says it is no market figure, whatever metric the sentence names.
bool NamesNoFigure(const SentenceAnalysis& s, const Quantity& q) {
  static const PhrasePrefixSet kNoFigureAfter{
      " fine", " penalty", " loan", " raise", " round", " in funding", " funding", " settlement", " bounty",
      " giveaway", " grant", " investment", " deal", " acquisition", " contract", " budget", " lawsuit", " bail",
      " stake", " purchase", " buyback"};
  return kNoFigureAfter.StartsAny(s.lower.substr(q.end, kNonFigureNounWindow));
}

// An exchange named before the amount in its clause.
bool ExchangeNamedBefore(const SentenceAnalysis& s, const Quantity& q) {
  const size_t clause = s.ClauseStart(q.begin);
  const std::string_view before = s.lower.substr(clause, q.begin - clause);
  for (std::string_view e : {"binance", "coinbase", "kraken", "bitflyer", "okx", "bybit", "bitget", "upbit", "bithumb",
                             "kucoin", "gemini", "bitstamp", "huobi", "htx", "mexc", "gate.io", "bitfinex", "deribit",
                             "robinhood", "bitso", "exchange"})
    if (before.find(e) != std::string_view::npos) return true;
  return false;
}

// The coin of a list item "Name (TICKER) - $N" / "TICKER: $N", or nullptr.
const AssetMention* ListItemAsset(const SentenceAnalysis& s, const Quantity& q) {
  for (const AssetMention& m : s.assets) {
    if (m.end > q.begin || q.begin - m.end > kListItemGap) continue;
    const std::string_view between = s.text.substr(m.end, q.begin - m.end);
    if (between.find_first_of("-:") != std::string_view::npos &&
        between.find_first_not_of(" -:)") == std::string_view::npos)
      return &m;
  }
  return nullptr;
}

constexpr Cue kMetricCues[] = {Cue::kLiquidation, Cue::kMarketCap, Cue::kVolume, Cue::kOpenInterest,
                               Cue::kEtf, Cue::kInflow, Cue::kOutflow};
bool IsMetricCue(Cue c) { return std::find(std::begin(kMetricCues), std::end(kMetricCues), c) != std::end(kMetricCues); }

// Words that may stand between an amount and the metric it is an amount of:
// "$50,000 in Cardano short positions liquidated", "$1.2B worth of longs".
bool TiedAfter(const SentenceAnalysis& s, const Quantity& q, const CueHit& cue) {
  if (cue.begin < q.end || cue.begin - q.end > kTiedAfterReach || !s.SameClause(q.begin, cue.begin)) return false;
  const std::string_view b = s.lower.substr(q.end, cue.begin - q.end);  // at most kTiedAfterReach bytes (above)
  if (b.find_first_of(",;:()") != std::string_view::npos) return false;
  if (b.empty() || b == " ") return true;  // "$2 billion liquidation"
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
  // "ETF demand pushed Bitcoin toward $131,000": a coin between, not tied to
  // the metric ("inflows for Bitcoin"), is the subject of another phrase.
  for (const AssetMention& m : s.assets)
    if (m.begin >= cue.end && m.end <= q.begin) {
      const std::string_view l = s.lower.substr(m.begin > kPrepositionLookBack ? m.begin - kPrepositionLookBack : 0,
                                                std::min(m.begin, kPrepositionLookBack));
      if (!l.ends_with(" for ") && !l.ends_with(" of ") && !l.ends_with(" in ") && !l.ends_with(" on ")) return false;
    }
  for (const Quantity& other : s.quantities)
    if (&other != &q && !other.is_noise && other.begin >= cue.end && other.end <= q.begin) return false;
  for (const CueHit& h : s.cues)
    if (h.begin >= cue.end && h.end <= q.begin && (h.cue == Cue::kPriceLevel || IsMetricCue(h.cue))) return false;
  return true;
}

}  // namespace

std::vector<Figure> MarketFigureStage(const SentenceAnalysis& s, const Quantity& q) {
  if (q.type != QuantityType::kMoney || q.is_noise || q.value_high) return {};
  // Every figure of this stage is bound to a metric word or a side word
  // (the `cue` below); most sentences with money name neither.
  if (std::none_of(s.cues.begin(), s.cues.end(), [](const CueHit& h) {
        return IsMetricCue(h.cue) || h.cue == Cue::kLong || h.cue == Cue::kShort;
      }))
    return {};
  if (NamesNoFigure(s, q)) return {};
  // "the $131,000 resistance", "a $4,000 target": a price level.
  {
    const std::string_view a = s.lower.substr(q.end, kPriceWordWindow);
    for (std::string_view w : {" resistance", " support", " level", " mark", " zone", " area", " target", " price"})
      if (a.starts_with(w) && (a.size() == w.size() || !ascii::IsAlpha(a[w.size()])))
        return {};
  }
  // The metric the amount is bound to: named right after it ("$X in
  // liquidations"), else before it with nothing in between that belongs to
  // another figure. Amounts under a million are only a metric's when bound
  // that closely (a "$124k" in a sentence about ETFs is a price); larger
  // ones may take a metric further away in their clause.
  const bool small = q.value < kSmallAmount;
  const CueHit* cue = nullptr;
  for (const CueHit& h : s.cues)
    if (IsMetricCue(h.cue) && TiedAfter(s, q, h) && !NamesAPriceLevel(s, h)) {
      cue = &h;
      break;
    }
  // "short positions above $123,000", "a push above $88,500": a small
  // amount placed by "above"/"below"/"near" is a price on the chart.
  bool placed = false;
  {
    const std::string_view before = s.lower.substr(q.begin > kPlacedWordLookBack ? q.begin - kPlacedWordLookBack : 0,
                                                   std::min(q.begin, kPlacedWordLookBack));
    for (std::string_view w : {" above ", " below ", " near ", " beneath "})
      if (before.ends_with(w)) placed = true;
  }
  if (cue == nullptr && !(small && placed)) {
    const CueHit* best = nullptr;
    for (const CueHit& h : s.cues)
      if (IsMetricCue(h.cue) && TiedBefore(s, q, h, small ? kSmallAmountMetricReach : kLargeAmountMetricReach) && !NamesAPriceLevel(s, h)) best = &h;
    cue = best;
  }
  // A list under a header ("market capitalization ...: Pudgy Penguins (PENGU)
  // - $389 million Catecoin (CATE) - $19.6 million"): each item takes the
  // header's metric.
  const AssetMention* item = ListItemAsset(s, q);
  if (cue == nullptr && item != nullptr) {
    for (const CueHit& h : s.cues)
      if (IsMetricCue(h.cue) && h.end <= item->begin &&
          s.text.substr(h.end, item->begin - h.end).find(':') != std::string_view::npos)
        cue = &h;
  }
  if (cue == nullptr && !small) {
    cue = s.NearestCue({Cue::kLiquidation, Cue::kMarketCap, Cue::kVolume, Cue::kOpenInterest, Cue::kEtf, Cue::kInflow,
                        Cue::kOutflow},
                       q, kLargeAmountMetricReach, true);
    if (cue == nullptr)
      cue = s.NearestCue({Cue::kLiquidation, Cue::kMarketCap, Cue::kVolume, Cue::kOpenInterest, Cue::kEtf}, q,
                         kLargeAmountOtherClauseReach, false);
    if (cue != nullptr && NamesAPriceLevel(s, *cue)) cue = nullptr;
  }
  // "Longs lost $1.1 billion": the side as the subject of a loss is a liquidation.
  if (cue == nullptr && !small) {
    for (const CueHit& h : s.cues)
      if ((h.cue == Cue::kLong || h.cue == Cue::kShort) && h.end <= q.begin && q.begin - h.end <= kSideSubjectReach &&
          s.SameClause(h.begin, q.begin)) {
        const std::string_view between = s.lower.substr(h.end, q.begin - h.end);
        for (std::string_view verb : {" lost ", " shed ", " were wiped", " got wiped", " suffered ", " saw "})
          if (between.find(verb) != std::string_view::npos) cue = &h;
      }
  }
  if (cue == nullptr) return {};
  // "the market capitalization of listed Bitcoin miners": a stock market
  // figure; "$18 million of RWA transfer volume": a network quantity, whose
  // USD levels are no figures.
  if (MeasuredBy(s, q) != MeasuredThing::kUnknown) return {};
  // "contributing $480 million to its market value": a change, not a level.
  if (cue->begin >= q.end) {
    const std::string_view g = s.lower.substr(q.end, std::min(cue->begin - q.end, kChangeGapWindow));
    if (g == " to its " || g == " to the " || g == " from its " || g == " from the " || g == " to " || g == " from ")
      return {};
  }
  // A change of a metric by an amount ("market cap dropped by $30 billion")
  // is not a figure of the contract.
  if (ByAmountBefore(s.lower, q.begin) && cue->cue != Cue::kLiquidation) return {};

  FigureKind kind;
  switch (cue->cue) {
    case Cue::kLiquidation:
    case Cue::kLong:
    case Cue::kShort: kind = FigureKind::kLiquidation; break;
    case Cue::kMarketCap: kind = FigureKind::kMarketCap; break;
    case Cue::kVolume: kind = FigureKind::kVolume; break;
    case Cue::kOpenInterest: kind = FigureKind::kOpenInterest; break;
    default: kind = FigureKind::kEtfFlow; break;
  }
  if (kind == FigureKind::kEtfFlow && !s.HasCue(Cue::kEtf)) return {};  // "inflows" alone: exchange flows

  Figure f = MakeFigure(kind, s, q);
  bool market_wide = false;
  for (const CueHit& h : s.cues) {
    // Only words of the amount's own clause ("Total liquidations reached
    // $145 million, with $69.4 million of it Bitcoin shorts").
    if (!s.SameClause(h.begin, q.begin)) continue;
    size_t d = h.end <= cue->begin ? cue->begin - h.end : (h.begin >= cue->end ? h.begin - cue->end : 0);
    size_t dq = SentenceAnalysis::Distance(h.begin, h.end, q);
    if (h.cue == Cue::kMarketWide && (d <= kMarketWideReach || dq <= kMarketWideReach)) market_wide = true;
    // "crypto liquidations", "crypto market cap": the word right before the metric.
    if (h.cue == Cue::kCryptoWord && h.end <= cue->begin && d <= kCryptoWordGap) market_wide = true;
  }
  // Several coins named in the clause ("bitcoin, ether and other majors"):
  // the amount is theirs together, so market-wide.
  const AssetMention* attached = item;  // "BTC ($166 million)", "Solana (SOL) - $42 billion"
  for (const AssetMention& m : s.assets)
    if (m.end <= q.begin && q.begin - m.end <= kAttachedGap) attached = &m;
  // "$48 million in XRP liquidations": a coin inside the amount's own metric
  // phrase is its coin, whatever other coins the clause names ("..., more
  // than on any coin except ether").
  if (attached == nullptr && cue->begin >= q.end)
    for (const AssetMention& m : s.assets)
      if (m.begin >= q.end && m.end <= cue->begin && TiedMentionAfter(s, m)) {
        attached = &m;
        break;
      }
  if (item != nullptr) market_wide = false;
  if (attached == nullptr) {
    std::string first;
    for (const AssetMention& m : s.assets) {
      if (!s.SameClause(m.begin, q.begin)) continue;
      if (first.empty()) first = m.ticker;
      else if (m.ticker != first) market_wide = true;
    }
  }
  // "Bitflyer has reported a 24-hour trade volume of $73 million": an
  // exchange's own volume, with no coin named in the clause, is market-wide.
  if (kind == FigureKind::kVolume && ExchangeNamedBefore(s, q) &&
      std::none_of(s.assets.begin(), s.assets.end(), [&](const AssetMention& m) {
        return s.SameClause(m.begin, q.begin) && m.end <= q.begin;
      }))
    market_wide = true;
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
      // A coin named after the amount is its coin only when tied to it:
      // "$48 million in XRP liquidations", "of BTC", "being Bitcoin shorts";
      // not "…, prominently driven by BTC/JPY transactions".
      if (m.begin >= q.end && !(cue->begin >= m.end && cue->begin - m.end <= kCoinBeforeMetricGap) && !TiedMentionAfter(s, m)) continue;
      size_t d = std::min(SentenceAnalysis::Distance(m.begin, m.end, q),
                          m.end <= cue->begin ? cue->begin - m.end : (m.begin >= cue->end ? m.begin - cue->end : 0));
      if (d < best && d <= kAssetReach) best = d, asset = m.ticker;
    }
    if (asset.empty()) {
      // "XAUT is the largest ... with nearly $1.5 billion market
      // capitalization": the sentence's subject, however far before.
      // Liquidations take it only from their own clause ("The Bitcoin price
      // crash ..., leading to $90 million in liquidations"); elsewhere they
      // are the market's.
      if (auto subject = s.SubjectAssetIndex(q, false);
          subject && (kind != FigureKind::kLiquidation || s.SameClause(s.assets[*subject].begin, q.begin)))
        asset = s.assets[*subject].ticker;
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
    const CueHit* flow = s.NearestCue({Cue::kInflow, Cue::kOutflow, Cue::kUp, Cue::kDown}, q, kFlowDirectionReach, true);
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
      if (w.end <= cue->begin && cue->begin - w.end <= kVolumeWindowGap) f.window = w.duration;
  }
  return SingleFigure(std::move(f));
}

}  // namespace cn
