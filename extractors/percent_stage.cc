// PercentStage: percentage moves ("ETH fell over 30% on the week", "volume up
// 40%", "a 6% drop in dominance") and dominance levels ("BTC dominance 58%").
// Percentages that are not moves — shares of a total, odds, rates, yields,
// percentage ranges — yield nothing.
#include <algorithm>
#include <string>
#include <vector>

#include "extractors/ascii.h"
#include "extractors/phrase_prefix_set.h"
#include "extractors/measured_thing.h"
#include "extractors/stages.h"

namespace cn {

using namespace std::string_view_literals;
namespace {

// Distances are in bytes of the sentence. A word with its space is five or
// six bytes on average, so 30 bytes reach about five words.

// Room after the number for the longest share or odds word tested
// (" of circulating", 15 bytes) with a margin for a double space.
constexpr size_t kShareWordWindow = 28;
// "rate of", "probability of" stand among the few words before the number
// ("a funding rate of 0.01%").
constexpr size_t kShareNounLookBack = 30;
// "rose to", "stood at", "an increase of", each maybe with a hedge
// (" approximately", 14 bytes), right before the number.
constexpr size_t kLevelWordLookBack = 24;
// A metric named before the percentage, in its clause, within about ten
// words ("volume rose 40%", "market cap is $2.45 trillion, dropping 3.2%").
constexpr size_t kMetricBeforeReach = 60;
// A metric named right after it ("a 6% drop in daily trading volume").
constexpr size_t kMetricAfterReach = 30;
// TiesToMetricAfter reads the whole gap MetricNear allows.
constexpr size_t kMetricGapWindow = 32;
static_assert(kMetricGapWindow >= kMetricAfterReach);
// A stock named in the same clause within about ten words owns the move;
// one in an earlier clause still does when the move has no subject of its own.
constexpr size_t kStockReach = 60;
constexpr size_t kStockEarlierClauseReach = 160;
// Dominance named shortly before the number ("dominance ... at 56%"), or
// just after it ("58% dominance", "56% of the market's value").
constexpr size_t kDominanceReach = 45;
constexpr size_t kDominanceAfterReach = 20;
// An up/down word right next to the number ("up 2%", "2% higher") makes a
// dominance percentage a move.
constexpr size_t kMoveWordBefore = 12;
constexpr size_t kMoveWordAfter = 14;
// "PUMP (9%) and PI (5%)": a parenthesised percentage takes a direction
// from most of its sentence, up to 400 bytes either side.
constexpr size_t kWholeSentence = 400;
// "PUMP (9%)": the ticker, a space and the parenthesis before the number.
constexpr size_t kParenthesisGap = 3;
// A market-wide word or a group within about fifteen words makes the move
// the market's, not a coin's.
constexpr size_t kMarketWideReach = 80;
// Room for the widest separator between coordinated numbers (", and ").
constexpr size_t kSeriesGapWindow = 8;

// "30% of the supply", "a 70% chance": a share or odds, not a move.
bool IsShareOrOdds(const SentenceAnalysis& s, const Quantity& q) {
  static const PhrasePrefixSet kShareOrOddsAfter{
      " chance"sv, " probability"sv, " odds"sv, " likelihood"sv, " stake"sv, " share"sv, " of the supply"sv,
      " of supply"sv, " of all"sv, " of the total"sv, " of total"sv, " of its supply"sv, " yield"sv, " apy"sv,
      " apr"sv, " interest"sv, " rate"sv, " of the market"sv, " of the vote"sv, " majority"sv, " of circulating"sv,
      " of holders"sv, " of addresses"sv, " of the"sv, " of bitcoin"sv, " of btc"sv, " of eth"sv, " of them"sv,
      " of which"sv, " discount"sv, " premium"sv, " tax"sv, " allocation"sv, " ownership"sv, " margin"sv, " fee"sv,
      " commission"sv, " annual"sv,
      // Names of levels and terms, not moves.
      " fibonacci"sv, " fib"sv, " retracement"sv, " extension"sv, " ltv"sv, " barrier"sv, " bonus"sv, " win rate"sv,
      " threshold"sv, " cashback"sv, " collateral"sv, " of the time"sv, " of its"sv, " of their"sv};
  const std::string_view right = s.lower.substr(q.end, kShareWordWindow);
  if (kShareOrOddsAfter.StartsAny(right)) return true;
  const std::string_view left = s.lower.substr(q.begin > kShareNounLookBack ? q.begin - kShareNounLookBack : 0,
                                               std::min(q.begin, kShareNounLookBack));
  // Every phrase below ends in "of" or "to".
  if (left.find("of") == std::string_view::npos && left.find("to") == std::string_view::npos) return false;
  for (std::string_view w : {"rate of"sv, "rates of"sv, "yield of"sv, "apy of"sv, "apr of"sv, "fee of"sv, "fees of"sv,
                             "odds of"sv, "chance of"sv, "interest of"sv, "tax of"sv, "rate to"sv, "rates to"sv,
                             "probability of"sv, "stake of"sv, "share of"sv, "margin of"sv}) {
    if (left.find(w) != std::string_view::npos) return true;
  }
  return false;
}

// `lower` is the sentence lower-cased (ASCII).
bool LevelBefore(std::string_view lower, size_t pos) {
  std::string_view left =
      lower.substr(pos > kLevelWordLookBack ? pos - kLevelWordLookBack : 0, std::min(pos, kLevelWordLookBack));
  while (!left.empty() && left.back() == ' ') left.remove_suffix(1);
  for (std::string_view hedge : {" around"sv, " about"sv, " nearly"sv, " almost"sv, " roughly"sv, " over"sv, " above"sv,
                                 " below"sv, " under"sv, " just"sv, " approximately"sv, " or near"sv, " near"sv})
    if (ascii::EndsWith(left, hedge)) {
      left.remove_suffix(hedge.size());
      break;
    }
  if (left.ends_with(" of")) {
    // "an increase of 86%", "a return of 40%": the size of a move.
    std::string_view rest = left.substr(0, left.size() - 3);
    const size_t sp = rest.find_last_of(' ');
    const std::string_view noun = sp == std::string_view::npos ? rest : rest.substr(sp + 1);
    for (std::string_view m : {"increase"sv, "decrease"sv, "gain"sv, "gains"sv, "drop"sv, "rise"sv, "decline"sv, "surge"sv,
                               "jump"sv, "loss"sv, "losses"sv, "return"sv, "returns"sv, "roi"sv, "pump"sv, "rally"sv,
                               "swing"sv, "move"sv, "fall"sv, "plunge"sv, "crash"sv, "growth"sv, "upside"sv,
                               "downside"sv, "correction"sv, "slide"sv, "climb"sv, "spike"sv, "collapse"sv})
      if (noun == m) return false;
    return true;
  }
  return left.ends_with(" to") || left.ends_with(" at") || left.ends_with(" is") || left.ends_with(" stood at") ||
         left.ends_with(" was") || left.ends_with(" from");
}

// The words between a percentage and a metric named after it: nothing,
// "in"/"of" (and "the"), optionally after a move noun ("drop in"); `gap` in
// lower case.
bool TiesToMetricAfter(std::string_view gap) {
  std::string_view g = gap.substr(0, kMetricGapWindow);
  std::vector<std::string_view> words;
  for (size_t i = 0; i < g.size();) {
    if (g[i] == ' ') {
      ++i;
      continue;
    }
    const size_t e = std::min(g.find(' ', i), g.size());
    words.push_back(g.substr(i, e - i));
    i = e;
  }
  if (gap.find_first_of(",;:()") != std::string_view::npos) return false;
  if (words.empty()) return true;
  size_t k = words[0] == "in" || words[0] == "of" ? 0 : 1;  // a move noun first
  // Then "in"/"of", and at most three modifiers ("in daily trading volume").
  return k < words.size() && (words[k] == "in" || words[k] == "of") && words.size() <= k + 4;
}

// The metric a percentage is of: named before it in its clause with no
// other figure between ("volume rose 40%"), or right after it ("a 6% drop in
// dominance", "20% in volume"); else the price.
std::string MetricNear(const SentenceAnalysis& s, const Quantity& q) {
  const CueHit* cue = nullptr;
  for (const CueHit& h : s.cues) {
    if (h.cue != Cue::kMarketCap && h.cue != Cue::kVolume && h.cue != Cue::kOpenInterest &&
        h.cue != Cue::kLiquidation && h.cue != Cue::kEtf && h.cue != Cue::kDominance)
      continue;
    if (!s.SameClause(h.begin, q.begin)) continue;
    if (h.end <= q.begin) {
      if (q.begin - h.end > kMetricBeforeReach) continue;
      // Another percentage between is another move's; an amount between is
      // the metric's own level ("market cap is $2.45 trillion, dropping 3.2%").
      bool other_between = false;
      for (const Quantity& o : s.quantities)
        if (&o != &q && !o.is_noise && o.type == QuantityType::kPercent && o.begin >= h.end && o.end <= q.begin)
          other_between = true;
      // "ETFs could see the solana price extend 350%": the price is what moves.
      for (const CueHit& p : s.cues)
        if (p.cue == Cue::kPriceLevel && p.begin >= h.end && p.end <= q.begin &&
            s.lower.substr(p.begin, p.end - p.begin).starts_with("price"))
          other_between = true;
      if (!other_between) cue = &h;  // the nearest before wins
    } else if (h.begin >= q.end) {
      if (cue == nullptr && h.begin - q.end <= kMetricAfterReach && TiesToMetricAfter(s.lower.substr(q.end, h.begin - q.end)))
        cue = &h;
      break;
    }
  }
  if (cue == nullptr) return "price";
  // The metric must not belong to another figure: an asset mention between it
  // and the number ("BTC volume rose; SOL jumped 5%") breaks the link.
  switch (cue->cue) {
    case Cue::kMarketCap: return "market_cap";
    case Cue::kVolume: return "volume";
    case Cue::kOpenInterest: return "open_interest";
    case Cue::kLiquidation: return "liquidations";
    case Cue::kEtf: return "etf_flow";
    case Cue::kDominance: return "other";
    default: return "price";
  }
}

}  // namespace

std::vector<Figure> PercentStage(const SentenceAnalysis& s, const Quantity& q) {
  if (q.type != QuantityType::kPercent || q.is_noise || q.value_high) return {};
  if (IsShareOrOdds(s, q)) return {};
  // "production rose 27%", "the peso is down 1.7%": not a crypto figure;
  // "new addresses fell 15%": a network quantity.
  const MeasuredThing thing = MeasuredBy(s, q);
  if (thing == MeasuredThing::kNoFigure) return {};

  // Moves of stocks, gold or the dollar are not crypto figures.
  if (const CueHit* stock = s.NearestCue({Cue::kStock}, q, kStockReach, true, 0); stock != nullptr) {
    auto subject = s.SubjectAssetIndex(q, false);
    if (!subject || s.assets[*subject].end < stock->begin) return {};
  }
  // "The stock is down 2% ... but has gained 112% year-to-date": a later
  // clause without a subject of its own goes on about the same stock.
  if (s.NearestCue({Cue::kStock}, q, kStockEarlierClauseReach, false, 0) != nullptr &&
      std::none_of(s.assets.begin(), s.assets.end(), [&](const AssetMention& m) { return m.end <= q.begin; }))
    return {};
  Direction direction = s.DirectionNear(q);
  // "rose to 59%", "at 56%": a level the move ended at, not the move itself.
  const bool is_level = LevelBefore(s.lower, q.begin);
  if (is_level) direction = Direction::kNone;
  // Dominance level: "dominance ... at 56%", unless the number is itself a move.
  const CueHit* dominance = s.NearestCue({Cue::kDominance}, q, kDominanceReach, true, kDominanceAfterReach);
  if (dominance != nullptr && (direction == Direction::kNone || dominance->end <= q.begin)) {
    bool is_move = direction != Direction::kNone && s.DirectionNear(q, kMoveWordBefore, kMoveWordAfter) != Direction::kNone;
    if (!is_move) {
      Figure f = MakeFigure(FigureKind::kIndicator, s, q);
      f.name = "dominance";
      f.unit = "%";
      f.window.clear();
      auto subject = s.SubjectAssetIndex(q, false);
      f.asset = subject ? s.assets[*subject].ticker : "BTC";  // "dominance" alone means Bitcoin's
      return SingleFigure(std::move(f));
    }
  }

  // "PUMP (9%) and PI (5%) follow suit": a bare percentage in parentheses after
  // a ticker continues the previous sentence's move.
  bool parenthesised = q.begin > 0 && s.text[q.begin - 1] == '(';
  if (direction == Direction::kNone && parenthesised && s.memory != nullptr) {
    direction = s.DirectionNear(q, kWholeSentence, kWholeSentence);
    if (direction == Direction::kNone) direction = s.memory->last_direction;
  }
  if (direction == Direction::kNone) return {};

  if (s.SubjectIsCrossPair(q)) return {};
  std::string metric = thing == MeasuredThing::kNetwork ? "other" : MetricNear(s, q);
  Figure base = MakeFigure(FigureKind::kPercentChange, s, q);
  base.unit = "%";
  base.direction = direction;
  base.metric = metric;

  std::vector<std::string> assets;
  if (parenthesised && !s.assets.empty()) {
    for (const AssetMention& m : s.assets)
      if (m.end <= q.begin && q.begin - m.end <= kParenthesisGap) assets = {m.ticker};
  }
  if (assets.empty()) assets = s.SubjectAssets(q, true);
  bool market_wide =
      s.NearestCue({Cue::kMarketWide, Cue::kGroup}, q, kMarketWideReach, true) != nullptr || s.GroupOwnsRelativeClause(q);
  if (assets.empty() && !market_wide && (metric != "other" || thing == MeasuredThing::kNetwork) &&
      s.memory != nullptr) {
    const std::string& fallback = s.memory->RecentAsset().empty() ? s.memory->main_asset : s.memory->RecentAsset();
    if (!fallback.empty()) assets = {fallback};
  }
  if (metric == "market_cap" && market_wide) assets.clear();
  if (metric == "other" && thing != MeasuredThing::kNetwork) assets.clear();  // dominance moves

  // "rising 2.9% and 3.1% respectively", "ETHFI and CAKE rose 15% and 25%":
  // as many coordinated numbers as coordinated subjects pair up in order.
  std::vector<const Quantity*> series;
  for (const Quantity& o : s.quantities)
    if (o.type == QuantityType::kPercent && !o.value_high && s.SameClause(o.begin, q.begin)) series.push_back(&o);
  bool coordinated_numbers = series.size() >= 2;
  for (size_t i = 0; coordinated_numbers && i + 1 < series.size(); ++i) {
    const std::string_view g =
        s.lower.substr(series[i]->end, std::min(series[i + 1]->begin - series[i]->end, kSeriesGapWindow));
    coordinated_numbers = g == " and " || g == ", " || g == ", and " || g == " and a ";
  }
  if (s.HasCue(Cue::kRespectively) || (coordinated_numbers && assets.size() == series.size())) {
    if (!s.HasCue(Cue::kRespectively)) {
      series.clear();
      for (const Quantity& o : s.quantities)
        if (o.type == QuantityType::kPercent && !o.value_high && s.SameClause(o.begin, q.begin)) series.push_back(&o);
    }
    std::vector<std::string> all;
    for (const AssetMention& m : s.assets)
      if (m.end <= series.front()->begin &&
          std::find(all.begin(), all.end(), m.ticker) == all.end())
        all.push_back(m.ticker);
    if (series.size() >= 2 && all.size() == series.size()) {
      for (size_t i = 0; i < series.size(); ++i)
        if (series[i] == &q) assets = {all[i]};
    }
  }

  std::vector<Figure> out;
  if (assets.empty()) {
    base.asset.clear();
    out.push_back(base);
  }
  for (const std::string& a : assets) {
    Figure f = base;
    f.asset = a;
    out.push_back(f);
  }
  return out;
}

}  // namespace cn
