#include "extractors/measured_thing.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "extractors/ascii.h"
#include "extractors/word_table.h"

namespace cn {
namespace {

using namespace std::string_view_literals;

const WordTable<MeasuredThing>& Nouns() {
  static const WordTable<MeasuredThing> table = [] {
    WordTable<MeasuredThing> t;
    for (std::string_view w :
         {"addresses"sv, "address"sv, "holders"sv, "holder"sv, "wallets"sv, "wallet"sv, "transactions"sv,
          "transaction"sv, "txs"sv, "activity"sv, "users"sv, "hashrate"sv, "hash rate"sv, "tvl"sv,
          "value locked"sv, "transfer volume"sv, "transfers"sv, "validators"sv, "nodes"sv, "stakers"sv,
          "developers"sv, "difficulty"sv, "dapps"sv, "accounts"sv, "downloads"sv, "searches"sv})
      t.Insert(w, MeasuredThing::kNetwork);
    for (std::string_view w :
         {"peso"sv, "pesos"sv, "yen"sv, "yuan"sv, "rupee"sv, "lira"sv, "euro"sv, "pound"sv, "sterling"sv,
          "currency"sv, "currencies"sv, "franc"sv, "ruble"sv, "rouble"sv, "stock"sv, "stocks"sv,
          "shares"sv, "share"sv, "equity"sv, "equities"sv, "nasdaq"sv, "s&p"sv, "dow"sv, "ftse"sv, "nikkei"sv,
          "dax"sv, "hang seng"sv, "russell"sv, "gold"sv, "silver"sv, "oil"sv, "crude"sv, "brent"sv, "copper"sv,
          "bond"sv, "bonds"sv, "treasury"sv, "treasuries"sv, "yields"sv, "production"sv, "output"sv, "revenue"sv,
          "revenues"sv, "profit"sv, "profits"sv, "earnings"sv, "sales"sv, "income"sv, "debt"sv, "reserves"sv,
          "holdings"sv, "fees"sv, "fee"sv, "salary"sv, "salaries"sv, "unemployment"sv, "inflation"sv, "gdp"sv,
          "portfolio"sv, "ltv"sv, "ltvs"sv, "apy"sv, "apr"sv, "unrealized"sv, "realized"sv, "pnl"sv, "wages"sv,
          "payrolls"sv, "jobs"sv, "mortgage"sv, "housing"sv, "company"sv, "companies"sv, "firm"sv, "firms"sv,
          "miner"sv, "miners"sv, "aum"sv, "funds"sv, "supply"sv, "circulating"sv, "stake"sv})
      t.Insert(w, MeasuredThing::kNoFigure);
    return t;
  }();
  return table;
}

// Stock tickers of companies that crypto news covers: their moves are
// equity moves.
bool IsStockTicker(std::string_view w) {
  static const WordTable<bool> tickers = [] {
    WordTable<bool> t;
    for (std::string_view x : {"MSTR"sv, "COIN"sv, "HOOD"sv, "NVDA"sv, "TSLA"sv, "AAPL"sv, "GLXY"sv, "MARA"sv,
                               "RIOT"sv, "CLSK"sv, "IREN"sv, "CORZ"sv, "HUT"sv, "BITF"sv, "CIFR"sv, "GME"sv,
                               "SMLR"sv, "BMNR"sv, "SBET"sv, "CRCL"sv, "BLSH"sv, "GEMI"sv, "XXI"sv, "DJT"sv,
                               "MSFT"sv, "AMZN"sv, "META"sv, "GOOGL"sv, "NFLX"sv, "SPY"sv, "QQQ"sv})
      t.Insert(x, true);
    return t;
  }();
  return w.size() >= 3 && w.size() <= 5 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'A' && w[1] <= 'Z' &&
         tickers.Contains(w);
}

bool IsMoveNoun(std::string_view w) {
  static const WordTable<bool> nouns = [] {
    WordTable<bool> t;
    for (std::string_view m : {"decline"sv, "increase"sv, "drop"sv, "rise"sv, "jump"sv, "surge"sv, "gain"sv, "fall"sv,
                               "reduction"sv, "cut"sv, "growth"sv, "sell-off"sv, "selloff"sv, "plunge"sv,
                               "decrease"sv, "slump"sv, "spike"sv, "uptick"sv, "dip"sv, "crash"sv, "collapse"sv,
                               "rally"sv, "climb"sv, "slide"sv, "boost"sv, "upswing"sv, "downturn"sv})
      t.Insert(m, true);
    return t;
  }();
  return nouns.Contains(w);
}

struct Word {
  size_t begin, end;
};

// A table look-up per byte (no chain of branches) for the word scans.
constexpr auto kWordChars = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c)
    table[c] = ascii::IsAlnum(static_cast<char>(c)) || c == '&' || c == '-' || c == '\'';
  return table;
}();
bool IsWordChar(char c) { return kWordChars[static_cast<unsigned char>(c)]; }

// The word ending at or before `pos` in [from, pos), scanning backwards; a
// trailing "'s" is dropped. Empty when there is none.
Word WordBefore(std::string_view text, size_t from, size_t pos) {
  size_t e = pos;
  while (e > from && !IsWordChar(text[e - 1])) --e;
  size_t b = e;
  while (b > from && IsWordChar(text[b - 1])) --b;
  while (e > b && (text[e - 1] == '-' || text[e - 1] == '\'')) --e;
  if (e - b > 2 && text[e - 2] == '\'' && (text[e - 1] == 's' || text[e - 1] == 'S')) e -= 2;
  while (b < e && (text[b] == '-' || text[b] == '\'')) ++b;
  return {b, e};
}
// The word starting at or after `pos` in [pos, to).
Word WordAfter(std::string_view text, size_t pos, size_t to) {
  size_t b = pos;
  while (b < to && (!IsWordChar(text[b]) || text[b] == '-' || text[b] == '\'')) ++b;
  size_t e = b;
  while (e < to && IsWordChar(text[e])) ++e;
  size_t trimmed = e;
  while (trimmed > b && (text[trimmed - 1] == '-' || text[trimmed - 1] == '\'')) --trimmed;
  if (trimmed - b > 2 && text[trimmed - 2] == '\'' && (text[trimmed - 1] == 's' || text[trimmed - 1] == 'S')) trimmed -= 2;
  return {b, trimmed};
}

// The noun of word `w`, also as the second word of a pair ("transfer
// volume", "hash rate") when `previous` stands one space before it.
const MeasuredThing* NounAt(const SentenceAnalysis& s, Word w, Word previous) {
  static const MeasuredThing kNoFigure = MeasuredThing::kNoFigure;
  if (w.end <= w.begin) return nullptr;
  if (IsStockTicker(s.text.substr(w.begin, w.end - w.begin))) return &kNoFigure;
  if (previous.end > previous.begin && previous.end + 1 == w.begin && s.lower[previous.end] == ' ')
    if (const MeasuredThing* m = Nouns().Find(s.lower.substr(previous.begin, w.end - previous.begin))) return m;
  return Nouns().Find(s.lower.substr(w.begin, w.end - w.begin));
}

// An asset named in [from, to), other than one tied to the noun before it
// by a preposition ("addresses on Solana", "holders of XRP").
bool MentionBetween(const SentenceAnalysis& s, size_t from, size_t to) {
  return std::any_of(s.assets.begin(), s.assets.end(), [&](const AssetMention& m) {
    if (m.begin < from || m.end > to) return false;
    const std::string_view lead = s.lower.substr(from, m.begin - from);
    for (std::string_view p : {" on "sv, " of "sv, " across "sv, " in "sv, " on the "sv, " of the "sv})
      if (lead == p) return false;
    return true;
  });
}

}  // namespace

bool IsNotCryptoNoun(std::string_view lower_word, std::string_view word_as_written) {
  if (IsStockTicker(word_as_written)) return true;
  const MeasuredThing* m = Nouns().Find(lower_word);
  return m != nullptr && *m == MeasuredThing::kNoFigure;
}

MeasuredThing MeasuredBy(const SentenceAnalysis& s, const Quantity& q, int depth);

MeasuredThing MeasuredBy(const SentenceAnalysis& s, const Quantity& q) { return MeasuredBy(s, q, 0); }

MeasuredThing MeasuredBy(const SentenceAnalysis& s, const Quantity& q, int depth) {
  const std::string_view text = s.text, lower = s.lower;
  // Every noun read below is also a cue word: without one near the number
  // there is nothing to read.
  const size_t near_begin = q.begin > 100 ? q.begin - 100 : 0, near_end = q.end + 70;
  const bool any_noun = std::any_of(s.cues.begin(), s.cues.end(), [&](const CueHit& h) {
    return h.end >= near_begin && h.begin <= near_end &&
           (h.cue == Cue::kNetworkNoun || h.cue == Cue::kCompanyNoun || h.cue == Cue::kStock ||
            h.cue == Cue::kNotAFigure);
  });
  if (!any_noun) return MeasuredThing::kUnknown;
  // After the number: "[move noun] in|of [the number of] <noun>".
  {
    const size_t to = std::min({text.size(), s.ClauseEnd(q.begin), q.end + 64});
    Word w = WordAfter(text, q.end, to);
    if (w.end > w.begin && (IsMoveNoun(lower.substr(w.begin, w.end - w.begin)) ||
                            lower.substr(w.begin, w.end - w.begin) == "worth"))
      w = WordAfter(text, w.end, to);  // "a 13% decline in", "$5.8 billion worth of"
    const std::string_view joint = lower.substr(w.begin, w.end - w.begin);
    if (w.end > w.begin && (joint == "in" || joint == "of") &&
        text.substr(q.end, w.begin - q.end).find_first_of(",;:()") == std::string_view::npos) {
      const size_t phrase_begin = w.begin;
      Word previous{0, 0};
      for (int j = 0; j < 6; ++j) {
        previous = w;
        w = WordAfter(text, w.end, to);
        if (w.end <= w.begin) break;
        if (MentionBetween(s, phrase_begin, w.begin)) return MeasuredThing::kUnknown;  // "in XRP price"
        if (const MeasuredThing* m = NounAt(s, w, j == 0 ? Word{0, 0} : previous)) return *m;
      }
    }
  }
  // Before the number, in its clause: the subject or object that moved. A
  // clause opened by ", with" goes on about the previous clause's subject.
  size_t from = s.ClauseStart(q.begin);
  if (from > 0 && lower.substr(from).starts_with(" with ")) from = s.ClauseStart(from - 1);
  size_t pos = q.begin;
  for (int seen = 0; seen < 9; ++seen) {
    const Word w = WordBefore(text, from, pos);
    if (w.end <= w.begin) break;
    // Words before another percentage belong to that one's move; an amount
    // between may be the same subject's level ("MSTR traded near $310, down 4%").
    // A figure of the same type before this one in the clause ("reached
    // $58.1 billion, up from $41.6 billion", "+200% and -60%") goes on
    // about the same thing: what that one measures, this one does.
    for (const Quantity& other : s.quantities)
      if (&other != &q && !other.is_noise && other.end <= q.begin && other.begin >= w.end &&
          (other.type == q.type || other.type == QuantityType::kPercent))
        return other.type == q.type && depth < 2 ? MeasuredBy(s, other, depth + 1) : MeasuredThing::kUnknown;
    const Word previous = WordBefore(text, from, w.begin);
    if (const MeasuredThing* m = NounAt(s, w, previous)) {
      // "tokenized gold", "tokenised stocks": tokens, not the market they track.
      if (previous.end > previous.begin && lower.substr(previous.begin).starts_with("tokeni"))
        return MeasuredThing::kUnknown;
      // "ETH holders"... a coin named before the noun only modifies it; a coin
      // named after it is the figure's subject ("fees fell as ETH slid 3%").
      if (MentionBetween(s, w.end, q.begin)) return MeasuredThing::kUnknown;
      return *m;
    }
    pos = w.begin;
  }
  return MeasuredThing::kUnknown;
}

}  // namespace cn
