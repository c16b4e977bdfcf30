#include "extractors/ascii.h"
#include "extractors/asset_lexicon.h"
#include "extractors/byte_class_scanner.h"

#include <algorithm>
#include <array>
#include <span>
#include <unordered_set>

namespace cn {
namespace embedded {
std::string_view assets_tsv();
}

namespace {

// Bytes of words: ASCII letters and digits, and every byte of UTF-8 beyond ASCII.
constexpr ByteClass kWordBytes({{'0', '9'}, {'a', 'z'}, {'A', 'Z'}}, /*non_ascii=*/true);
bool IsUpperWord(std::string_view w) {
  bool any_alpha = false;
  for (unsigned char c : w) {
    if (ascii::IsLower(c)) return false;
    if (ascii::IsAlpha(c)) any_alpha = true;
  }
  return any_alpha;
}
std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

struct Word {
  size_t begin, end;
};

// Words: runs of letters/digits, with inner '.' kept ("fetch.ai", "pump.fun").
// Fills `words` (cleared first) so callers can reuse its storage.
void Words(std::string_view text, std::vector<Word>& words) {
  words.clear();
  const size_t n = text.size();
  const char* const bytes = text.data();
  const auto at = [bytes](size_t k) { return static_cast<unsigned char>(bytes[k]); };
  ByteClassScanner scan(text, kWordBytes);
  for (size_t i = scan.NextMember(0); i < n; i = scan.NextMember(i)) {
    const size_t b = i;
    while (true) {
      i = scan.NextNonMember(i + 1);
      // An inner '.' between letters keeps the word going, but "ETH.The" at a
      // sentence join is two words: lower case must follow the '.'.
      if (i + 1 < n && text[i] == '.' && ascii::IsAlpha(at(i - 1)) && ascii::IsLower(at(i + 1))) {
        ++i;
        continue;
      }
      break;
    }
    words.push_back({b, i});
  }
}

// " (5%)", " (+3%)", " ($0.25)" right after position `end`.
bool FollowedByBracketedFigure(std::string_view text, size_t end) {
  size_t p = end;
  if (p < text.size() && text[p] == ' ') ++p;
  if (p >= text.size() || text[p] != '(') return false;
  ++p;
  if (p < text.size() && (text[p] == '+' || text[p] == '-' || text[p] == '$')) ++p;
  return p < text.size() && ascii::IsDigit(text[p]);
}

// Upper-case words that look like tickers but are common abbreviations in
// crypto news; never treated as an article's own ticker.
const std::unordered_set<std::string_view>& NotTickers() {
  static const std::unordered_set<std::string_view> words = {
      "US", "USA", "UK", "EU", "CEO", "CFO", "CTO", "ETF", "ETFS", "SEC", "CFTC", "USD", "EUR", "CME",
      "API", "NFT", "NFTS", "DEX", "CEX", "OI", "RSI", "EMA", "SMA", "MACD", "ATH", "ATL", "FOMC",
      "CPI", "GDP", "AI", "IPO", "DAO", "TVL", "FUD", "MVRV", "STH", "LTH", "NUPL", "SOPR", "DEFI",
      "IMF", "FED", "PCE", "PPI", "BTC", "AM", "PM", "UTC", "EST", "ET", "I", "A", "II", "III", "IV",
      "Q1", "Q2", "Q3", "Q4", "YTD", "OTC", "KYC", "AML", "FTX", "DCA", "ROI", "APY", "APR", "TPS",
      "L1", "L2", "PoS", "POW", "POS", "NYSE", "MSTR", "COIN", "HOOD", "IBIT", "FBTC", "GBTC", "ETHA",
      "NASDAQ", "SP", "DXY", "VIX", "NEW", "THE", "AND", "FOR", "WITH", "IN", "ON", "AT", "TO", "OF",
      "IS", "IT", "BY", "OR", "AS", "AN", "BE", "IF", "NO", "SO", "UP", "DOWN", "JUST", "NOW",
      "CoinGlass", "CG", "CMC", "TA", "BREAKING", "UPDATE", "LIVE", "WATCH", "OBV", "MFI", "ADX",
      "ATR", "VWAP", "BB", "LONG", "SHORT", "SOURCE", "TD", "MA", "RWA", "RWAS", "DAT", "DATS",
      "NAV", "MNAV", "X", "TV", "PR", "VC", "VCS", "DC", "NY", "LA", "SF", "HK", "UAE", "UN",
      "FBI", "DOJ", "IRS", "OCC", "FDIC", "ECB", "BOJ", "BOE", "PBOC", "GENIUS", "CLARITY",
      // Job titles and trade abbreviations.
      "CLO", "CIO", "COO", "CMO", "CSO", "CCO", "CISO", "GM", "MD", "VP", "EVP", "SVP", "P2P", "P2E",
      "B2B", "B2C", "P2C", "KPI", "ESG", "FAQ", "LLC", "INC", "LTD", "PLC", "CORP", "ICO", "IEO", "IDO",
      "TGE", "DEPIN", "SDK", "UI", "UX", "OS", "PC", "ID", "QR", "AMA", "HODL", "FOMO", "WAGMI",
  };
  return words;
}

}  // namespace

std::optional<AssetLexicon> AssetLexicon::Parse(std::string_view tsv, std::string* error) {
  AssetLexicon lex;
  std::unordered_set<std::string> seen;
  int line_no = 0;
  for (std::string_view line : SplitOn(tsv, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (ascii::Trim(line).empty() || line.front() == '#') continue;
    auto fields = SplitOn(line, '\t');
    auto fail = [&](std::string what) {
      if (error) *error = "assets.tsv:" + std::to_string(line_no) + ": " + what;
      return std::nullopt;
    };
    if (fields.size() < 2 || fields.size() > 3) return fail("expected 2 or 3 tab-separated fields");
    std::string ticker(ascii::Trim(fields[0]));
    if (ticker.empty() || !IsUpperWord(ticker)) return fail("ticker '" + ticker + "' is not upper case");
    if (!seen.insert(ticker).second) return fail("ticker '" + ticker + "' listed twice");
    bool ticker_is_word = false, name_is_word = false;
    if (fields.size() == 3) {
      for (auto flag : SplitOn(fields[2], ',')) {
        flag = ascii::Trim(flag);
        if (flag == "ticker_is_word") ticker_is_word = true;
        else if (flag == "name_is_word") name_is_word = true;
        else if (!flag.empty()) return fail("unknown flag '" + std::string(flag) + "'");
      }
    }
    lex.tickers_[ticker] = TickerInfo{ticker_is_word};
    for (auto name : SplitOn(fields[1], ',')) {
      name = ascii::Trim(name);
      if (name.empty()) continue;
      std::string key = ascii::ToLower(name);
      // A name equal to the ticker ("eth") is matched as a ticker instead, so
      // "eth" in lower case does not count but "ETH" and "$eth" do.
      if (key == ascii::ToLower(ticker)) continue;
      int words = 1 + static_cast<int>(std::count(key.begin(), key.end(), ' '));
      std::string first_word = key.substr(0, key.find(' '));
      lex.name_starts_[first_word] = std::max(lex.name_starts_[first_word], words);
      lex.names_[key] = NameInfo{ticker, name_is_word, words};
    }
    ++lex.asset_count_;
  }
  return lex;
}

const AssetLexicon& AssetLexicon::Default() {
  static const AssetLexicon lexicon = [] {
    std::string error;
    auto parsed = Parse(embedded::assets_tsv(), &error);
    // The file is part of the build; a broken one is a programming error that
    // the lexicon test catches, so fall back to an empty lexicon here.
    return parsed ? std::move(*parsed) : AssetLexicon{};
  }();
  return lexicon;
}

bool AssetLexicon::IsTicker(std::string_view ticker) const { return tickers_.Contains(ticker); }

bool AssetLexicon::IsCommonAbbreviation(std::string_view upper_word) { return NotTickers().count(upper_word) > 0; }

std::string_view AssetLexicon::TickerOfName(std::string_view lower_name) const {
  const NameInfo* name = names_.Find(lower_name);
  return name == nullptr ? std::string_view() : std::string_view(name->ticker);
}

std::vector<AssetMention> AssetLexicon::FindMentions(std::string_view text) const {
  thread_local std::string lower;
  lower.assign(text);
  ascii::ToLowerInPlace(lower);
  return FindMentions(text, lower);
}

std::vector<AssetMention> AssetLexicon::FindMentions(std::string_view text, std::string_view lower) const {
  std::vector<AssetMention> out;
  out.reserve(8);
  FindMentions(text, lower, out);
  return out;
}

void AssetLexicon::FindMentions(std::string_view text, std::string_view lower, std::vector<AssetMention>& out) const {
  out.clear();
  // A thread's buffer is reused; the span keeps its size in a register.
  thread_local std::vector<Word> word_buffer;
  Words(text, word_buffer);
  const std::span<const Word> words(word_buffer);
  auto word_text = [&](const Word& w) { return text.substr(w.begin, w.end - w.begin); };
  auto word_lower = [&](const Word& w) { return lower.substr(w.begin, w.end - w.begin); };
  // The whole text is upper case: a headline in caps.
  const bool shouting = std::none_of(text.begin(), text.end(), [](char c) { return ascii::IsLower(c); });

  // Tickers the text itself introduces: "MemeCore (M)", "Aster (ASTER)".
  WordMap<std::string> own_names;  // lower-case name → ticker
  WordSet own_tickers;
  const bool has_parenthesis = text.find('(') != std::string_view::npos;
  for (size_t k = 0; has_parenthesis && k + 1 < words.size(); ++k) {
    const Word& t = words[k + 1];
    if (t.begin == 0 || text[t.begin - 1] != '(' || t.end >= text.size() || text[t.end] != ')') continue;
    std::string_view tick = word_text(t);
    if (tick.size() > 10 || !IsUpperWord(tick) || NotTickers().count(tick)) continue;
    const Word& n = words[k];
    std::string_view between = text.substr(n.end, t.begin - n.end);
    if (ascii::Trim(between) != "(") continue;
    std::string_view name = word_text(n);
    if (name.empty() || !(ascii::IsUpper(name[0]) || IsTicker(tick))) continue;
    own_tickers.emplace(tick);
    if (!IsTicker(tick) || word_lower(n) != word_lower(t)) own_names[std::string(word_lower(n))] = std::string(tick);
  }

  std::string upper;
  for (size_t k = 0; k < words.size(); ++k) {
    const Word& w = words[k];
    // Longest name first: "bitcoin cash" before "bitcoin". Only words that
    // start some name are worth an n-gram look-up.
    bool matched = false;
    const std::string_view first = word_lower(w);
    int longest = 0;
    if (const int* n = name_starts_.Find(first)) longest = *n;
    if (longest == 0 && !own_names.empty() && own_names.contains(first)) longest = 1;
    if (longest == 0 && ascii::IsLower(static_cast<unsigned char>(text[w.begin])) &&
        !(w.begin > 0 && text[w.begin - 1] == '$'))
      continue;  // a lower-case word that starts no name is no ticker either
    for (int n = std::min<int>(longest, static_cast<int>(words.size() - k)); n >= 1 && !matched; --n) {
      const Word& last = words[k + n - 1];
      // Multi-word names must be separated by single spaces only.
      const std::string_view key = lower.substr(w.begin, last.end - w.begin);
      if (n > 1 && std::count(key.begin(), key.end(), ' ') != n - 1) continue;
      std::string_view ticker;
      bool is_word = false;
      if (const NameInfo* name = names_.Find(key)) {
        ticker = name->ticker;
        is_word = name->is_word;
      } else if (auto own = own_names.empty() ? own_names.end() : own_names.find(key);
                 own != own_names.end() && n == 1) {
        ticker = own->second;
      } else {
        continue;
      }
      if (is_word) {
        bool capitalised = ascii::IsUpper(text[w.begin]) && !shouting;
        bool followed_by_ticker = false;
        if (k + n < words.size()) {
          const Word& nx = words[k + n];
          followed_by_ticker = nx.begin > 0 && text[nx.begin - 1] == '(' && word_text(nx) == ticker;
        }
        bool sentence_start = w.begin == 0;
        if (!(followed_by_ticker || (capitalised && !sentence_start))) continue;
      }
      // Possessive "bitcoin's" is fine; "bitcoin-based" too.
      out.push_back({w.begin, last.end, std::string(ticker), true});
      k += n - 1;
      matched = true;
    }
    if (matched) continue;

    std::string_view s = word_text(w);
    bool cashtag = w.begin > 0 && text[w.begin - 1] == '$' && ascii::IsAlpha(s[0]);
    // Tickers are written in upper case (or as cashtags): skip other words early.
    if (!cashtag && !ascii::IsUpper(s[0]) && !ascii::IsDigit(s[0])) continue;
    if (!cashtag && s.size() > 1 && ascii::IsLower(s[1])) continue;
    // Every ticker holds a letter (Parse insists), so a bare number is none.
    if (std::all_of(s.begin(), s.end(), ascii::IsDigit)) continue;
    upper.assign(s);
    for (auto& c : upper) c = ascii::ToUpper(c);
    const TickerInfo* info = tickers_.Find(upper);
    bool known = info != nullptr;
    bool own = !own_tickers.empty() && own_tickers.contains(std::string_view(upper));
    if (!known && !own && !shouting && s == upper && s.size() >= 3 && s.size() <= 6 &&
        std::all_of(s.begin(), s.end(), [](char c) { return ascii::IsUpper(c); }) &&
        !NotTickers().count(upper) && k + 1 < words.size()) {
      // An unknown upper-case word acting as the subject of a market move
      // ("BEAT is by far the top gainer", "RAIN has lost 3%") is a small
      // token's ticker.
      static const WordSet verbs = {
          "is", "has", "was", "surged", "rose", "fell", "jumped", "dropped", "gained", "lost", "slumped",
          "climbed", "rallied", "soared", "tumbled", "plunged", "dumped", "pumped", "spiked", "exploded",
          "added", "shed", "slid", "declined", "increased", "decreased", "traded", "trades", "price", "token"};
      if (verbs.contains(word_lower(words[k + 1])) && text.substr(w.end, 1) == " ") {
        out.push_back({w.begin, w.end, upper, false});
        continue;
      }
    }
    if (!known && !own) continue;
    if (cashtag) {
      out.push_back({w.begin - 1, w.end, upper, false});
      continue;
    }
    if (s != upper) continue;  // tickers are written in upper case
    bool in_parens = w.begin > 0 && text[w.begin - 1] == '(' && w.end < text.size() && text[w.end] == ')';
    if (own || in_parens) {
      out.push_back({w.begin, w.end, upper, false});
      continue;
    }
    bool is_word = info->is_word;
    if (is_word && shouting) continue;
    // Upper case in running text is a strong sign for tickers of 3+ letters
    // ("HYPE dumped", "PUMP (9%)"); short ones ("OP", "ME") need a cue.
    if (is_word && upper.size() >= 3 && std::any_of(upper.begin(), upper.end(), [](char c) { return ascii::IsAlpha(c); }))
      is_word = false;
    // "S", "OP", "ME": only as $S, "(OP)", or with a figure in brackets
    // right after, as in market round-ups ("PI (5%)", "OP (+3%)").
    if (is_word && upper.size() < 3 && !FollowedByBracketedFigure(text, w.end)) continue;
    if (is_word && upper.size() < 3) is_word = false;
    if (is_word && !own) {
      // An ambiguous ticker in a normal sentence: accept when the word right
      // after it or before it is a crypto/price word.
      auto neighbour_is_crypto = [&](size_t idx) {
        if (idx >= words.size()) return false;
        static const WordSet cues = {
            "price", "token", "tokens", "coin", "coins", "is", "has", "was", "rose", "fell", "jumped",
            "surged", "dropped", "slid", "gained", "lost", "climbed", "rallied", "tumbled",
            "traded", "trades", "trading", "holders", "futures", "perpetual", "spot", "and"};
        return cues.contains(word_lower(words[idx]));
      };
      bool ok = neighbour_is_crypto(k + 1) || (k > 0 && neighbour_is_crypto(k - 1) && k + 1 < words.size());
      if (!ok) continue;
    }
    if (shouting && NotTickers().count(upper)) continue;
    out.push_back({w.begin, w.end, upper, false});
  }
}

}  // namespace cn
