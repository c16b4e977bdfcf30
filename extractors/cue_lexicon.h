// Cue words: the words around a number that say what it is ("liquidations",
// "market cap", "fell", "longs", "altcoins", …). Stages ask where the cues of
// a sentence are instead of searching it for these words; they still test
// short phrases right next to a number themselves ("$X per share").
//
// FindCues() tokenises a sentence into lower-case words and, at each word,
// takes the longest cue phrase starting there (phrases of any length, found
// through one table of phrases and their prefixes, built once; a match
// skips the words it covers). Pure and thread-safe.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace cn {

enum class Cue {
  kLiquidation,   // liquidations, liquidated, wiped out, rekt
  kMarketCap,     // market cap, market capitalization, valuation of a coin
  kVolume,        // volume, trading volume
  kOpenInterest,  // open interest, OI
  kEtf,           // ETF, ETFs, exchange-traded fund
  kInflow,        // inflows, net inflow (direction up)
  kOutflow,       // outflows, redemptions (direction down)
  kRsi,           // RSI, relative strength index
  kFearGreed,     // fear & greed (index)
  kDominance,     // dominance
  kLong,          // longs, long positions, long liquidations
  kShort,         // shorts, short positions
  kUp,            // rose, gained, surged, up, higher, rally, …
  kDown,          // fell, dropped, down, lower, losses, decline, …
  kPriceLevel,    // price, trading at, support, resistance, target, high, low, …
  kGroup,         // altcoins, alts, memecoins, others, market, sector: no single asset
  kMarketWide,    // total, global, crypto market, entire, wider, overall market
  kStock,         // stocks, shares, gold, oil: prices and moves of other markets
  kCryptoWord,    // "crypto": market-wide when it qualifies a metric ("crypto liquidations")
  kNotAFigure,    // funding, raised, revenue, fee(s), yield, APY, rate, odds, chance, shares, …
  kTokenAmount,   // tokens, coins: "11,931 BTC" style quantities nearby
  kPeriodBackRef, // "same period", "during this period", "within that period"
  kRespectively,  // respectively
  kBy,            // "by" (a change by an amount)
  kFrom,          // "from" (a starting level)
  kTo,            // "to" (an end level)
  kNetworkNoun,   // addresses, holders, activity, hashrate, transfer volume: network quantities
  kCompanyNoun,   // peso, currency, production, debt, company, miner, stock tickers: no crypto figure
};

struct CueHit {
  Cue cue;
  size_t begin = 0;  // byte offsets into the sentence
  size_t end = 0;
};

// Cues of `sentence` in order (longest phrase wins where phrases overlap).
std::vector<CueHit> FindCues(std::string_view sentence);

// The same for a sentence the caller has already lower-cased (ASCII), which
// saves a copy on the hot path.
std::vector<CueHit> FindCuesInLowerCase(std::string_view lower_sentence);
// The same into `hits` (cleared first), so a caller can reuse its storage.
void FindCuesInLowerCase(std::string_view lower_sentence, std::vector<CueHit>& hits);

}  // namespace cn
