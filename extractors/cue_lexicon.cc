#include "extractors/cue_lexicon.h"
#include "extractors/byte_class_scanner.h"

#include "extractors/ascii.h"

#include <algorithm>
#include <array>
#include <span>
#include <string>

#include "extractors/word_table.h"

namespace cn {
namespace {

using Table = WordTable<Cue>;

const Table& CueTable() {
  static const Table table = [] {
    Table t;
    auto add = [&t](Cue cue, std::initializer_list<const char*> phrases) {
      for (const char* p : phrases) t.Insert(p, cue);  // a phrase listed twice keeps its first cue
    };
    add(Cue::kLiquidation, {"liquidation", "liquidations", "liquidated", "liquidating", "wiped out",
                            "rekt", "liquidate", "leverage purge", "erased", "wiped", "flushed out",
                            "liqs", "liquidation cascade"});
    add(Cue::kMarketCap, {"market cap", "market capitalization", "market capitalisation", "mcap",
                          "market value", "market caps", "capitalization", "capitalisation"});
    add(Cue::kVolume, {"volume", "volumes", "trading volume", "turnover"});
    add(Cue::kOpenInterest, {"open interest", "oi"});
    add(Cue::kEtf, {"etf", "etfs", "exchange-traded fund", "exchange traded funds", "exchange-traded funds",
                    "etps", "etp"});
    add(Cue::kInflow, {"inflow", "inflows", "net inflow", "net inflows"});
    add(Cue::kOutflow, {"outflow", "outflows", "net outflow", "net outflows", "redemptions", "bleed"});
    add(Cue::kRsi, {"rsi", "relative strength index", "relative strength"});
    add(Cue::kFearGreed, {"fear index", "fear & greed", "fear and greed", "fear & greed index", "fear and greed index",
                          "fear/greed", "fear greed"});
    add(Cue::kDominance, {"dominance"});
    add(Cue::kLong, {"long", "longs", "long positions", "long position", "long traders", "bulls",
                     "long-side"});
    add(Cue::kShort, {"short", "shorts", "short positions", "short position", "short sellers", "bears",
                      "short-side"});
    add(Cue::kUp, {"up", "rose", "rise", "rises", "rising", "risen", "gain", "gains", "gained", "gaining",
                   "surge", "surged", "surges", "surging", "jump", "jumped", "jumps", "jumping", "climb",
                   "climbed", "climbs", "climbing", "rally", "rallied", "rallies", "rallying", "soar",
                   "soared", "soaring", "soars", "spike", "spiked", "spikes", "increase", "increased",
                   "increases", "increasing", "added", "adding", "advance", "advanced", "advancing",
                   "higher", "pumped", "pump", "bolted", "exploded", "explode", "rebound", "rebounded",
                   "recovered", "recovery", "upside", "hike", "grew", "growth", "grow", "growing",
                   "uptick", "green", "boosted", "skyrocketed", "rocketed", "leapt", "leaped", "popped",
                   "outperformed", "gainer", "gainers", "appreciation", "appreciated", "ascended",
                   "inflows", "inflow", "bounced", "bounce", "ripped", "upswing", "higher by", "in the green", "roi",
                   "exploding", "explodes", "expanded", "expands", "expanding", "extend", "extends", "extended"});
    add(Cue::kDown, {"down", "fell", "fall", "falls", "falling", "fallen", "drop", "dropped", "drops",
                     "dropping", "decline", "declined", "declines", "declining", "lost", "lose", "loses",
                     "losing", "loss", "losses", "slid", "slide", "slides", "sliding", "slip", "slipped",
                     "slips", "tumble", "tumbled", "tumbles", "tumbling", "plunge", "plunged", "plunges",
                     "plunging", "crash", "crashed", "crashes", "crashing", "dump", "dumped", "dumps",
                     "sank", "sink", "sinks", "slump", "slumped", "slumps", "lower", "dip", "dipped",
                     "dips", "retreat", "retreated", "retreating", "shed", "sheds", "correction",
                     "drawdown", "drawdowns", "decrease", "decreased", "decreasing", "plummeted",
                     "plummet", "plummeting", "red", "tanked", "tank", "slumping", "shrank", "shrink",
                     "contracted", "retraced", "retrace", "downside", "underperformed", "loser", "losers",
                     "bled", "erased", "pullback", "pulled back", "sell-off", "selloff", "nosedived",
                     "outflows", "outflow", "in the red", "lower by", "off"});
    add(Cue::kPriceLevel, {"price", "prices", "priced", "trading at", "trades at", "traded at",
                           "changed hands", "changing hands", "support", "resistance", "target", "targets",
                           "high", "low", "all-time high", "ath", "peak", "level", "levels", "mark", "zone",
                           "area", "range", "hit", "reached", "touched", "tapped", "valued", "worth",
                           "ema", "sma", "moving average", "fibonacci", "band", "breakout", "per coin",
                           "per bitcoin", "per token", "cost basis", "average price"});
    add(Cue::kGroup, {"altcoins", "altcoin", "alts", "memecoins", "meme coins", "others", "market",
                      "sector", "markets", "tokens", "cryptocurrencies", "crypto assets", "digital assets",
                      "altcoin market", "large-cap", "large caps", "small caps", "mid caps"});
    add(Cue::kStock, {"stock", "stocks", "shares", "share price", "equity", "equities", "nasdaq", "s&p",
                      "s&p 500", "dow", "gold", "silver", "oil", "dollar index", "dxy", "treasury yields",
                      "pre-market", "premarket", "stock price", "share", "enterprise value"});
    add(Cue::kMarketWide, {"total", "global", "entire",
                           "wider", "broader", "overall market", "crypto-wide", "market-wide",
                           "combined", "across the market", "all crypto", "total crypto", "average crypto", "average crypto token", "crypto token"});
    add(Cue::kCryptoWord, {"crypto", "cryptocurrency"});
    add(Cue::kNotAFigure, {"funding", "raised", "raise", "raises", "revenue", "revenues", "fee", "fees",
                           "yield", "yields", "apy", "apr", "rate", "rates", "odds", "chance", "chances",
                           "probability", "shares", "stake", "stock", "stocks", "salary", "fine", "fined",
                           "penalty", "settlement", "loan", "loans", "debt", "bond", "bonds", "gold",
                           "silver", "oil", "s&p", "nasdaq", "dow", "inflation", "unemployment", "gdp",
                           "acquisition", "acquired", "acquire", "purchase", "purchased", "treasury",
                           "valuation", "invested", "investment", "round", "grant", "hack", "hacked",
                           "stolen", "exploit", "burn", "burned", "burnt", "holdings", "supply", "tvl",
                           "total value locked", "reserves", "deposits", "withdrawals", "airdrop",
                           "funding rate", "funding rates", "interest rate", "interest rates", "payout",
                           "profit", "profits", "earnings", "income", "bought", "sold", "buy", "sell"});
    add(Cue::kTokenAmount, {"tokens", "coins", "btc worth", "units"});
    add(Cue::kPeriodBackRef, {"same period", "same time frame", "same timeframe", "this period",
                              "that period", "the period", "same window", "same span", "same stretch"});
    add(Cue::kRespectively, {"respectively"});
    add(Cue::kBy, {"by"});
    add(Cue::kFrom, {"from"});
    add(Cue::kTo, {"to", "toward", "towards"});
    // Nouns measured_thing.h reads; phrases already listed above keep their cue.
    add(Cue::kNetworkNoun, {"addresses", "address", "holders", "holder", "wallets", "wallet", "transactions",
                            "transaction", "txs", "activity", "users", "hashrate", "hash rate", "value locked",
                            "transfer volume", "transfers", "validators", "nodes", "stakers", "developers",
                            "difficulty", "dapps", "accounts", "downloads", "searches"});
    add(Cue::kCompanyNoun, {"peso", "pesos", "yen", "yuan", "rupee", "lira", "euro", "pound", "sterling", "currency",
                            "currencies", "franc", "ruble", "rouble", "ftse", "nikkei", "dax", "hang seng",
                            "russell", "crude", "brent", "copper", "treasuries", "production", "output", "sales",
                            "debt", "salaries", "wages", "payrolls", "jobs", "mortgage", "housing", "company",
                            "companies", "firm", "firms", "miner", "miners", "aum", "funds", "portfolio", "ltv", "ltvs",
                            "unrealized", "realized", "pnl", "circulating", "mstr", "nvda", "tsla", "aapl", "glxy",
                            "mara", "clsk", "iren", "corz", "bitf", "cifr", "smlr", "bmnr", "sbet", "crcl", "blsh",
                            "gemi", "msft", "amzn", "googl", "nflx", "gme", "qqq", "coin", "hood", "riot", "hut"});
    return t;
  }();
  return table;
}

// Every phrase and every word-prefix of one ("in", "in the", "in the red"):
// matching walks word by word and stops as soon as no phrase goes on.
struct PhrasePrefix {
  bool is_phrase = false;  // the prefix is itself a phrase, of `cue`
  Cue cue = Cue::kBy;
  bool goes_on = false;    // some longer phrase starts with it
};
const WordTable<PhrasePrefix>& PhrasePrefixes() {
  static const WordTable<PhrasePrefix> prefixes = [] {
    WordTable<PhrasePrefix> out;
    for (const auto& [phrase, cue] : CueTable()) {
      for (size_t space = phrase.find(' '); space != std::string::npos; space = phrase.find(' ', space + 1))
        out[std::string_view(phrase).substr(0, space)].goes_on = true;
      PhrasePrefix& whole = out[phrase];
      whole.is_phrase = true;
      whole.cue = cue;
    }
    return out;
  }();
  return prefixes;
}

struct Token {
  size_t begin, end;
};

// Where a token may start (a letter or digit, or '&', a token of its own),
// and what it goes on with; the scanners find both without a branch per byte.
constexpr ByteClass kTokenStart({{'0', '9'}, {'a', 'z'}, {'A', 'Z'}, {'&', '&'}});
constexpr ByteClass kTokenByte({{'0', '9'}, {'a', 'z'}, {'A', 'Z'}, {'\'', '\''}, {'-', '-'}, {'/', '/'}});

// Fills `tokens` (cleared first) so callers can reuse its storage.
void Tokenize(std::string_view s, std::vector<Token>& tokens) {
  tokens.clear();
  const size_t n = s.size();
  ByteClassScanner starts(s, kTokenStart), words(s, kTokenByte);
  for (size_t i = starts.NextMember(0); i < n; i = starts.NextMember(i)) {
    if (s[i] == '&') {
      tokens.push_back({i, i + 1});
      ++i;
      continue;
    }
    size_t b = i;
    i = words.NextNonMember(i + 1);
    size_t e = i;
    // Trailing hyphens/apostrophes belong to punctuation; "bitcoin's" → "bitcoin".
    while (e > b && (s[e - 1] == '-' || s[e - 1] == '\'' || s[e - 1] == '/')) --e;
    if (e - b > 2 && s[e - 2] == '\'' && (s[e - 1] == 's' || s[e - 1] == 'S')) e -= 2;
    tokens.push_back({b, e});
  }
}

// True when each token is followed by exactly one space and then the next.
bool OneSpaceApart(std::string_view s, std::span<const Token> tokens) {
  for (size_t j = 0; j + 1 < tokens.size(); ++j)
    if (tokens[j + 1].begin != tokens[j].end + 1 || s[tokens[j].end] != ' ') return false;
  return true;
}

}  // namespace

std::vector<CueHit> FindCues(std::string_view sentence) {
  return FindCuesInLowerCase(ascii::ToLower(sentence));
}

std::vector<CueHit> FindCuesInLowerCase(std::string_view lower) {
  std::vector<CueHit> hits;
  hits.reserve(16);
  FindCuesInLowerCase(lower, hits);
  return hits;
}

void FindCuesInLowerCase(std::string_view lower, std::vector<CueHit>& hits) {
  hits.clear();
  // A thread's buffers are reused; the span keeps the size in a register.
  thread_local std::vector<Token> token_buffer;
  thread_local std::string key;
  Tokenize(lower, token_buffer);
  const std::span<const Token> tokens(token_buffer);
  const WordTable<PhrasePrefix>& prefixes = PhrasePrefixes();
  auto word = [&](size_t k) { return lower.substr(tokens[k].begin, tokens[k].end - tokens[k].begin); };
  // The words k .. k+n-1 as a phrase key: the text itself when they stand
  // one space apart, else joined by single spaces.
  auto phrase_key = [&](size_t k, size_t n) {
    if (OneSpaceApart(lower, tokens.subspan(k, n)))
      return lower.substr(tokens[k].begin, tokens[k + n - 1].end - tokens[k].begin);
    key.clear();
    for (size_t j = 0; j < n; ++j) {
      if (j) key.push_back(' ');
      key.append(word(k + j));
    }
    return std::string_view(key);
  };
  for (size_t k = 0; k < tokens.size();) {
    // The longest phrase starting at word k.
    const PhrasePrefix* prefix = prefixes.Find(word(k));
    size_t longest = 0;
    Cue cue = Cue::kBy;
    for (size_t n = 1; prefix != nullptr;) {
      if (prefix->is_phrase) longest = n, cue = prefix->cue;
      if (!prefix->goes_on || k + n == tokens.size()) break;
      ++n;
      prefix = prefixes.Find(phrase_key(k, n));
    }
    if (longest == 0) {
      ++k;
      continue;
    }
    hits.push_back({cue, tokens[k].begin, tokens[k + longest - 1].end});
    k += longest;
  }
}

}  // namespace cn
