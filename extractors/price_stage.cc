// PriceStage: money that is a price level of one asset ("BTC fell to
// $63,000", "resistance at $65K"), a zone between two levels
// ("$63,000–$65,000"), or an absolute move ("dropped by about $3,000").
// Large amounts with no metric word (funding rounds, revenue, holdings) and
// stock prices yield nothing.
#include <algorithm>
#include <optional>
#include <string>

#include "extractors/ascii.h"
#include "extractors/measured_thing.h"
#include "extractors/phrase_prefix_set.h"
#include "extractors/price_role.h"
#include "extractors/qualifier.h"
#include "extractors/stages.h"

namespace cn {

using namespace std::string_view_literals;
namespace {

// Distances are in bytes of the sentence; a word with its space is five or
// six bytes on average.

// No asset trades at a million dollars or more: such an amount is a sum of
// money, not a price per unit.
constexpr double kMaxPrice = 1000000;
// A stablecoin trades within ten cents of a dollar.
constexpr double kStablecoinLow = 0.9;
constexpr double kStablecoinHigh = 1.1;
// "raised $5", "fees of $2": a non-figure word within about four words
// before the amount.
constexpr size_t kNotAFigureReach = 25;
// "MicroStrategy shares at $300": a stock word within about eight words.
constexpr size_t kStockReach = 50;
// "between" and the second level of a zone within about ten words.
constexpr size_t kZoneReach = 60;
// "from approximately $28,000 to $42,300": "from" within about seven words.
constexpr size_t kFromReach = 40;
// An up/down word gives an absolute move its direction when within about
// seven words before the amount or two after it ("a $2,000 drop").
constexpr size_t kMoveWordBefore = 40;
constexpr size_t kMoveWordAfter = 10;
// "a $2,000 drop": the move noun one space after the amount.
constexpr size_t kMoveNounGap = 1;

// Windows read for phrase tests, each holding the longest phrase tested:
constexpr size_t kPerUnitWindow = 16;        // " apiece" and " per " with a word
constexpr size_t kNonPriceWordWindow = 24;   // " in stablecoins" and its neighbours
constexpr size_t kLevelWordWindow = 12;      // " resistance" after a coin
constexpr size_t kPerPersonLookBack = 30;    // "per household of" before the amount
constexpr size_t kMoveWordLookBack = 24;     // "lost an additional" before the amount

// Lowest plausible USD price per asset, to catch misattribution ("$0.25"
// next to "Bitcoin" is another coin's price).
double MinPlausiblePrice(std::string_view ticker) {
  if (ticker == "BTC") return 1000;
  if (ticker == "ETH") return 50;
  return 0;
}

// "$36,798 per bitcoin", "$2 each": a price whatever surrounds it.
bool PerUnit(const SentenceAnalysis& s, const Quantity& q) {
  const std::string_view right = s.lower.substr(q.end, kPerUnitWindow);
  return right.starts_with(" per ") || right.starts_with(" each") || right.starts_with(" apiece");
}

bool NotAPrice(const SentenceAnalysis& s, const Quantity& q) {
  static const PhrasePrefixSet kNoPriceAfter{
      " per share"sv, " a share"sv, " worth of"sv, " in funding"sv, " in revenue"sv, " in fees"sv, " in profit"sv,
      " in losses"sv, " in net"sv, " in sales"sv, " raise"sv, " round"sv, " valuation"sv, " salary"sv, " fine"sv,
      " in assets"sv, " in deposits"sv, " in tvl"sv, " in rewards"sv, " bounty"sv, " loan"sv, " per month"sv,
      " a month"sv, " per year"sv, " a year"sv, " in bitcoin"sv, " in btc"sv, " in ether"sv, " in eth"sv,
      " in crypto"sv, " of bitcoin"sv, " of btc"sv, " of ether"sv, " of eth"sv, " in stablecoins"sv, " in usdt"sv,
      " in usdc"sv, " in tokens"sv, " of tokens"sv, " in cash"sv, " bond"sv,
      // Sums of money rather than prices per coin.
      " bug bounty"sv, " bounty"sv, " giveaway"sv, " deposit"sv, " allocation"sv, " investment"sv, " prize"sv,
      " reward"sv, " grant"sv, " airdrop"sv, " donation"sv, " in idle"sv, " in value"sv, " in cumulative"sv,
      " in net"sv, " in inflows"sv, " in outflows"sv, " in liquidity"sv, " in losses"sv, " loss"sv, " of losses"sv};
  const std::string_view right = s.lower.substr(q.end, kNonPriceWordWindow);
  if (kNoPriceAfter.StartsAny(right)) return true;
  // "a $1,500 ADA position", "a $50,000 USDT bounty": an amount of a coin,
  // not its price ("$67K BTC price target" still is one).
  for (const AssetMention& m : s.assets)
    if (m.begin == q.end + 1 && s.text[q.end] == ' ' && !m.by_name) {
      const std::string_view a = s.lower.substr(m.end, kLevelWordWindow);
      if (!(a.starts_with(" price") || a.starts_with(" target") || a.starts_with(" level") || a.starts_with(" mark") ||
            a.starts_with(" support") || a.starts_with(" resistance") || a.starts_with(" zone") ||
            a.starts_with(" area") || a.starts_with(" barrier") || a.starts_with(" next")))
        return true;
    }
  // "an average loss per person of $146,306": a sum per person, not per coin.
  {
    const std::string_view before = s.lower.substr(q.begin > kPerPersonLookBack ? q.begin - kPerPersonLookBack : 0,
                                                   std::min(q.begin, kPerPersonLookBack));
    if (before.find("per ") != std::string_view::npos)  // every phrase below starts so
      for (std::string_view w : {"per person", "per user", "per victim", "per account", "per household",
                                 "per investor", "per wallet", "per employee"})
        if (before.find(w) != std::string_view::npos) return true;
  }
  // A non-figure word right before: "raised $5", "fees of $2", "shares at $300".
  const CueHit* bad = s.NearestCue({Cue::kNotAFigure}, q, kNotAFigureReach, true, 0);
  if (bad != nullptr) return true;
  // Stock prices: "MicroStrategy shares at $300", unless a coin is named closer.
  if (const CueHit* stock = s.NearestCue({Cue::kStock}, q, kStockReach, true, 0); stock != nullptr) {
    for (const AssetMention& m : s.assets)
      if (m.begin > stock->end && m.end <= q.begin) return false;
    return true;
  }
  return false;
}

// "between the 23.6% retracement at $586.45 and the 50-day EMA at $583.80":
// two levels of one asset named apart still bound a zone. The zone comes in
// addition to the two levels (each is a price of its own).
std::optional<Figure> ZoneWithWordsBetween(const SentenceAnalysis& s, const Quantity& q, const Figure& level) {
  if (q.value_high || level.kind != FigureKind::kPrice) return std::nullopt;
  const size_t from = q.begin > kZoneReach ? q.begin - kZoneReach : 0;
  size_t between = std::string_view::npos;
  // "between " ends before the amount: the text after it need not be searched.
  const std::string_view before = s.text.substr(0, q.begin);
  for (size_t at = ascii::FindNoCase(before, "between ", from); at != std::string_view::npos;
       at = ascii::FindNoCase(before, "between ", at + 1))
    if (at == 0 || s.text[at - 1] == ' ') between = at;
  if (between == std::string_view::npos || !s.SameClause(between, q.begin)) return std::nullopt;
  // The other end: the next amount of money, in the same clause, after "and";
  // bare numbers on the way ("the 50-day EMA") are names, not amounts.
  const Quantity* other = nullptr;
  for (const Quantity& next : s.quantities)
    if (next.begin >= q.end && (next.type != QuantityType::kPlain || !next.is_noise)) {
      other = &next;
      break;
    }
  if (other == nullptr || other->type != QuantityType::kMoney || other->is_noise || other->value_high ||
      other->begin - q.end > kZoneReach || !s.SameClause(q.begin, other->begin))
    return std::nullopt;
  if (ascii::FindNoCase(s.text.substr(q.end, other->begin - q.end), " and ") == std::string_view::npos)
    return std::nullopt;
  // Levels of one zone lie close together, and no other asset is named.
  const double low = std::min(q.value, other->value), high = std::max(q.value, other->value);
  if (low <= 0 || high == low || high > 2 * low) return std::nullopt;
  for (const AssetMention& m : s.assets)
    if (m.begin > between && m.begin < other->begin && m.ticker != level.asset) return std::nullopt;
  Figure zone = level;
  zone.kind = FigureKind::kPriceRange;
  zone.value = low;
  zone.value_high = high;
  zone.end = static_cast<int64_t>(other->end);
  zone.qualifier = Qualifier::kExact;
  zone.role = PriceRole::kLevel;  // two levels bounding a zone
  return zone;
}

bool IsStablecoin(std::string_view ticker) {
  for (std::string_view t : {"USDT"sv, "USDC"sv, "DAI"sv, "FDUSD"sv, "USDE"sv, "PYUSD"sv, "RLUSD"sv, "BUSD"sv, "TUSD"sv,
                             "USD1"sv, "USDS"sv})
    if (ticker == t) return true;
  return false;
}

// "from approximately $28,000 to $42,300", "from its current price of $3 to
// $5": "from" shortly before the range, in its clause, with no other amount
// between.
bool FromBefore(const SentenceAnalysis& s, const Quantity& q) {
  const size_t reach = q.begin > kFromReach ? q.begin - kFromReach : 0;
  const size_t at = ascii::FindNoCase(s.text.substr(0, q.begin), "from ", reach);
  if (at == std::string_view::npos || (at > 0 && s.text[at - 1] != ' ') || !s.SameClause(at, q.begin)) return false;
  for (const Quantity& other : s.quantities)
    if (&other != &q && other.begin > at && other.end <= q.begin && !other.is_noise) return false;
  return true;
}

std::vector<Figure> OnePrice(const SentenceAnalysis& s, const Quantity& q);

}  // namespace

std::vector<Figure> PriceStage(const SentenceAnalysis& s, const Quantity& q) {
  if (q.type != QuantityType::kMoney || q.is_noise) return {};
  // "rose from $28,000 to $42,300": two prices, where the move started and
  // where it went, not a zone.
  if (q.value_high && q.is_range_to && FromBefore(s, q)) {
    const size_t to = ascii::FindNoCase(s.text.substr(0, q.end), " to ", q.begin);
    if (to != std::string_view::npos) {
      Quantity low = q, high = q;
      low.value_high.reset();
      high.value_high.reset();
      low.end = to;
      high.begin = to + 4;
      high.value = *q.value_high;
      std::vector<Figure> out = OnePrice(s, low);
      for (Figure& f : OnePrice(s, high)) out.push_back(std::move(f));
      return out;
    }
  }
  return OnePrice(s, q);
}

namespace {

std::vector<Figure> OnePrice(const SentenceAnalysis& s, const Quantity& q) {
  // "MSTR traded near $310", "gold hit $4,000": another market's price.
  // "transactions exceeding $3,000": a network quantity's USD level, no figure.
  if (!PerUnit(s, q) && MeasuredBy(s, q) != MeasuredThing::kUnknown) return {};
  // Prices are per-unit levels: no asset trades in the millions.
  if (q.value >= kMaxPrice || (q.value_high && *q.value_high >= kMaxPrice)) return {};
  if (!PerUnit(s, q) && NotAPrice(s, q)) return {};

  FigureKind kind = q.value_high ? FigureKind::kPriceRange : FigureKind::kPrice;
  Direction direction = Direction::kNone;
  if (!q.value_high) {
    // "dropped by about $3,000", "a $2,000 drop": an absolute move.
    std::string_view left = s.lower.substr(q.begin > kMoveWordLookBack ? q.begin - kMoveWordLookBack : 0,
                                           std::min(q.begin, kMoveWordLookBack));
    while (!left.empty() && left.back() == ' ') left.remove_suffix(1);
    bool by = ByAmountBefore(s.lower, q.begin);
    // "Bitcoin has lost roughly $5,000": a move word right before the amount.
    {
      std::string_view l = left;
      for (std::string_view hedge : {" roughly"sv, " about"sv, " nearly"sv, " almost"sv, " around"sv, " some"sv,
                                     " approximately"sv, " another"sv, " an additional"sv, " more than"sv, " over"sv})
        if (ascii::EndsWith(l, hedge)) {
          l.remove_suffix(hedge.size());
          break;
        }
      size_t sp = l.find_last_of(' ');
      const std::string_view last = sp == std::string_view::npos ? l : l.substr(sp + 1);
      static const std::string_view kMoveVerbs[] = {
          "lost", "gained", "shed", "added", "dropped", "fell", "rose", "climbed", "jumped", "surged",
          "slid", "tumbled", "plunged", "soared", "rallied", "dipped", "sank", "erased", "lose", "gain",
          "shedding", "adding", "losing", "gaining", "up", "down"};
      for (std::string_view v : kMoveVerbs)
        if (last == v) by = true;
    }
    Direction near = s.DirectionNear(q, kMoveWordBefore, kMoveWordAfter);
    // "a $2,000 drop": the move word follows the amount with only a space between.
    const CueHit* after = s.NearestCue({Cue::kUp, Cue::kDown}, q, kMoveNounGap, true);
    // ... after "a"/"an": "eyeing $70K rally" names a level, "a $2,000 drop" a move.
    bool noun_after = after != nullptr && after->begin == q.end + 1 && s.text[q.end] == ' ' &&
                      (ascii::EndsWith(left, " a") || ascii::EndsWith(left, " an") || left == "a" || left == "an");
    if ((by && near != Direction::kNone) || (noun_after && near != Direction::kNone)) {
      kind = FigureKind::kPriceChange;
      direction = near;
    }
  }

  Figure f = MakeFigure(kind, s, q);
  f.direction = direction;
  if (kind != FigureKind::kPriceChange) f.window.clear();
  auto subject = s.SubjectAssetIndex(q, false);
  if (subject && s.assets[*subject].role == MentionRole::kCrossPair) return {};  // "ETH/BTC hit 0.036"
  std::string asset = subject ? s.assets[*subject].ticker : std::string();
  if (asset.empty() && s.memory != nullptr)
    asset = s.memory->RecentAsset().empty() ? s.memory->main_asset : s.memory->RecentAsset();
  // A stablecoin trades at a dollar: "$0.035" next to "USDT" is another
  // coin's price.
  if (IsStablecoin(asset) && (q.value < kStablecoinLow || q.value > kStablecoinHigh) && s.memory != nullptr) {
    asset = s.memory->RecentAsset();
    if (asset.empty() || IsStablecoin(asset)) asset = s.memory->main_asset;
    if (IsStablecoin(asset)) asset.clear();
  }
  if (asset.empty()) return {};
  if (q.value < MinPlausiblePrice(asset) && kind != FigureKind::kPriceChange) {
    // Try the article's asset before giving up.
    if (s.memory != nullptr && !s.memory->main_asset.empty() && s.memory->main_asset != asset &&
        q.value >= MinPlausiblePrice(s.memory->main_asset))
      asset = s.memory->main_asset;
    else
      return {};
  }
  f.asset = asset;
  if (kind != FigureKind::kPriceChange) f.role = PriceRoleOf(s, q.begin, q.end);
  if (std::optional<Figure> zone = ZoneWithWordsBetween(s, q, f)) return {f, *zone};
  return SingleFigure(std::move(f));
}

}  // namespace
}  // namespace cn
