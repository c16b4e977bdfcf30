#include "extractors/measured_thing.h"

#include <algorithm>
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
          "miner"sv, "miners"sv, "supply"sv, "circulating"sv, "stake"sv})
      t.Insert(w, MeasuredThing::kNoFigure);
    return t;
  }();
  return table;
}

// Stock tickers of companies that crypto news covers: their moves are
// equity moves.
bool IsStockTicker(std::string_view w) {
  for (std::string_view t : {"MSTR"sv, "COIN"sv, "HOOD"sv, "NVDA"sv, "TSLA"sv, "AAPL"sv, "GLXY"sv, "MARA"sv, "RIOT"sv,
                             "CLSK"sv, "IREN"sv, "CORZ"sv, "HUT"sv, "BITF"sv, "CIFR"sv, "GME"sv, "SMLR"sv, "BMNR"sv,
                             "SBET"sv, "CRCL"sv, "BLSH"sv, "GEMI"sv, "XXI"sv, "DJT"sv, "MSFT"sv, "AMZN"sv, "META"sv,
                             "GOOGL"sv, "NFLX"sv, "SPY"sv, "QQQ"sv})
    if (w == t) return true;
  return false;
}

bool IsMoveNoun(std::string_view w) {
  for (std::string_view m : {"decline"sv, "increase"sv, "drop"sv, "rise"sv, "jump"sv, "surge"sv, "gain"sv, "fall"sv,
                             "reduction"sv, "cut"sv, "growth"sv, "sell-off"sv, "selloff"sv, "plunge"sv, "decrease"sv,
                             "slump"sv, "spike"sv, "uptick"sv, "dip"sv, "crash"sv, "collapse"sv, "rally"sv,
                             "climb"sv, "slide"sv, "boost"sv, "upswing"sv, "downturn"sv})
    if (w == m) return true;
  return false;
}

struct Word {
  size_t begin, end;
};

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '&' || c == '-' ||
         c == '\'';
}

// Words of text[from, to), in order; a trailing "'s" is dropped.
std::vector<Word> WordsIn(std::string_view text, size_t from, size_t to) {
  std::vector<Word> out;
  for (size_t i = from; i < to;) {
    if (!IsWordChar(text[i]) || text[i] == '-' || text[i] == '\'') {
      ++i;
      continue;
    }
    const size_t b = i;
    while (i < to && IsWordChar(text[i])) ++i;
    size_t e = i;
    while (e > b && (text[e - 1] == '-' || text[e - 1] == '\'')) --e;
    if (e - b > 2 && text[e - 2] == '\'' && (text[e - 1] == 's' || text[e - 1] == 'S')) e -= 2;
    out.push_back({b, e});
  }
  return out;
}

// The noun of `words[k]`, also as the second word of a pair ("transfer
// volume", "hash rate").
const MeasuredThing* NounAt(std::string_view text, const std::vector<Word>& words, size_t k) {
  const Word& w = words[k];
  const std::string_view written = text.substr(w.begin, w.end - w.begin);
  static const MeasuredThing kNoFigure = MeasuredThing::kNoFigure;
  if (IsStockTicker(written)) return &kNoFigure;
  const std::string lower = cn_ascii_lower_copy(written);
  if (k > 0 && words[k - 1].end + 1 == w.begin) {
    const std::string pair =
        cn_ascii_lower_copy(text.substr(words[k - 1].begin, w.end - words[k - 1].begin));
    if (const MeasuredThing* m = Nouns().Find(pair)) return m;
  }
  return Nouns().Find(lower);
}

// An asset named in [from, to), other than one tied to the noun before it
// by a preposition ("addresses on Solana", "holders of XRP").
bool MentionBetween(const SentenceAnalysis& s, size_t from, size_t to) {
  return std::any_of(s.assets.begin(), s.assets.end(), [&](const AssetMention& m) {
    if (m.begin < from || m.end > to) return false;
    const std::string lead = cn_ascii_lower_copy(s.text.substr(from, m.begin - from));
    for (std::string_view p : {" on ", " of ", " across ", " in ", " on the ", " of the "})
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

MeasuredThing MeasuredBy(const SentenceAnalysis& s, const Quantity& q) {
  const std::string_view text = s.text;
  // After the number: "[move noun] in|of [the number of] <noun>".
  {
    const size_t to = std::min(text.size(), s.ClauseEnd(q.begin));
    const std::vector<Word> after = WordsIn(text, q.end, std::min(to, q.end + 64));
    size_t k = 0;
    auto lower_at = [&](size_t i) { return cn_ascii_lower_copy(text.substr(after[i].begin, after[i].end - after[i].begin)); };
    if (k < after.size() && IsMoveNoun(lower_at(k))) ++k;
    if (k < after.size() && (lower_at(k) == "in" || lower_at(k) == "of") &&
        text.substr(q.end, after[k].begin - q.end).find_first_of(",;:()") == std::string_view::npos) {
      const size_t phrase_begin = after[k].begin;
      for (size_t j = k + 1; j < after.size() && j <= k + 6; ++j) {
        if (MentionBetween(s, phrase_begin, after[j].begin)) return MeasuredThing::kUnknown;  // "in XRP price"
        if (const MeasuredThing* m = NounAt(text, after, j)) return *m;
      }
    }
  }
  // Before the number, in its clause: the subject or object that moved. A
  // clause opened by ", with" goes on about the previous clause's subject.
  size_t from = s.ClauseStart(q.begin);
  if (from > 0 && cn_starts_with(cn_ascii_lower_copy(text.substr(from, 6)), " with ")) from = s.ClauseStart(from - 1);
  const std::vector<Word> before = WordsIn(text, from, q.begin);
  for (size_t k = before.size(), seen = 0; k-- > 0 && seen < 9; ++seen) {
    // Words before another percentage belong to that one's move; an amount
    // between may be the same subject's level ("MSTR traded near $310, down 4%").
    for (const Quantity& other : s.quantities)
      if (&other != &q && !other.is_noise && other.end <= q.begin && other.begin >= before[k].end &&
          (other.type == q.type || other.type == QuantityType::kPercent))
        return MeasuredThing::kUnknown;
    if (const MeasuredThing* m = NounAt(text, before, k)) {
      // "tokenized gold", "tokenised stocks": tokens, not the market they track.
      if (k > 0 && (cn_ascii_lower_copy(text.substr(before[k - 1].begin, before[k - 1].end - before[k - 1].begin))
                        .starts_with("tokeni")))
        return MeasuredThing::kUnknown;
      // "ETH holders"... a coin named before the noun only modifies it; a coin
      // named after it is the figure's subject ("fees fell as ETH slid 3%").
      if (MentionBetween(s, before[k].end, q.begin)) return MeasuredThing::kUnknown;
      return *m;
    }
  }
  return MeasuredThing::kUnknown;
}

}  // namespace cn
