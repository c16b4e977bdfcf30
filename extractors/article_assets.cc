// ArticleAssets::Learn reads the text twice: once for the evidence that a
// word names an asset (brackets, cashtags, token words, pairs, the title,
// names in capitals), then once for every mention of what it learned and of
// what the lexicon knows.
#include "extractors/article_assets.h"

#include <algorithm>
#include <array>
#include <map>

#include "extractors/ascii.h"

namespace cn {
namespace {

struct Word {
  size_t begin = 0, end = 0;
};

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLowerLetter(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) { return IsAsciiUpper(c) || IsAsciiLowerLetter(c) || IsAsciiDigit(c); }

// Runs of ASCII letters and digits.
std::vector<Word> Words(std::string_view text) {
  std::vector<Word> words;
  for (size_t i = 0; i < text.size();) {
    if (!IsAsciiAlnum(text[i])) {
      ++i;
      continue;
    }
    const size_t b = i;
    while (i < text.size() && IsAsciiAlnum(text[i])) ++i;
    words.push_back({b, i});
  }
  return words;
}

// An upper-case ticker-shaped word: starts with a letter, no lower case,
// at most ten characters ("MUTM", "AI16Z", "M").
bool IsTickerShaped(std::string_view w) {
  if (w.empty() || w.size() > 10 || !IsAsciiUpper(w[0])) return false;
  return std::none_of(w.begin(), w.end(), IsAsciiLowerLetter);
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (IsAsciiLowerLetter(c)) c = static_cast<char>(c - 32);
  return out;
}

bool IsStableQuote(std::string_view upper) {
  static constexpr std::string_view kQuotes[] = {"USDT", "USDC", "USD", "FDUSD", "USDE", "DAI", "BUSD",
                                                 "TUSD", "PYUSD", "RLUSD", "EUR", "USD1"};
  return std::find(std::begin(kQuotes), std::end(kQuotes), upper) != std::end(kQuotes);
}

// Words of a name that an initialism skips ("Bank of Canada" → BC).
bool IsLinkWord(std::string_view w) {
  static constexpr std::string_view kLinks[] = {"of", "the", "and", "for", "de", "la", "del", "des",
                                                "du", "di", "da", "y", "et", "on", "in", "&"};
  return std::find(std::begin(kLinks), std::end(kLinks), w) != std::end(kLinks);
}

// True when `ticker` spells the initials of `words` (each word giving its
// first one or two letters; a first word in capitals may give all of it):
// "Financial Intelligence Unit (FIU)", "XRP Ledger (XRPL)". Such a bracket
// names an organisation or a product, not a token.
bool IsInitialism(std::string_view text, std::span<const Word> words, std::string_view ticker) {
  std::vector<std::string_view> significant;
  for (const Word& w : words) {
    std::string_view s = text.substr(w.begin, w.end - w.begin);
    if (!IsLinkWord(cn_ascii_lower_copy(s))) significant.push_back(s);
  }
  if (significant.size() < 2) return false;
  // Depth-first over how many letters each word gives.
  auto match = [&](auto&& self, size_t word, size_t at) -> bool {
    if (word == significant.size()) return at == ticker.size();
    const std::string_view w = significant[word];
    const size_t most = (word == 0 && IsTickerShaped(w)) ? w.size() : std::min<size_t>(2, w.size());
    for (size_t n = 1; n <= most && at + n <= ticker.size(); ++n) {
      bool same = true;
      for (size_t k = 0; k < n; ++k)
        if (cn_ascii_lower(w[k]) != cn_ascii_lower(ticker[at + k])) same = false;
      if (same && self(self, word + 1, at + n)) return true;
    }
    return false;
  };
  return match(match, 0, 0);
}

// A line with no lower-case letter is a shouted headline: its capitals say nothing.
bool IsShouting(std::string_view line) { return std::none_of(line.begin(), line.end(), IsAsciiLowerLetter); }

// Word-like endings and neighbours that mark a name in capitals as a token's.
bool HasTokenSuffix(std::string_view upper) {
  for (std::string_view s : {"COIN", "TOKEN", "SWAP", "CHAIN", "FINANCE", "PROTOCOL", "NETWORK", "INU", "PEPE",
                             "DOGE", "AI", "FI"})
    if (upper.size() > s.size() && upper.ends_with(s)) return true;
  return false;
}
bool TokenWordFollows(std::string_view lower_after) {
  for (std::string_view s : {" presale", " token", " coin", " crypto", "'s presale", " holders", " price"})
    if (lower_after.starts_with(s)) return true;
  return false;
}

struct Learned {
  std::string name;  // as written, or empty
  AssetEvidence evidence;
};

class Learner {
 public:
  Learner(std::string_view text, const AssetLexicon& lexicon) : text_(text), lexicon_(lexicon) {}

  // Fills `out` from the text.
  void Run(std::vector<ArticleAsset>& assets, std::vector<AssetMention>& mentions, std::string& main_asset,
           size_t& title_end);

 private:
  std::string_view WordText(const Word& w) const { return text_.substr(w.begin, w.end - w.begin); }
  void Learn(std::string ticker, std::string name, AssetEvidence evidence);
  void LearnBrackets();
  void LearnCashtagsTokenWordsAndPairs();
  void LearnFromTitle();
  void LearnCapitalisedNames();
  void FindMentions(std::vector<AssetMention>& mentions) const;
  void MarkPairs(std::vector<AssetMention>& mentions) const;

  std::string_view text_;
  const AssetLexicon& lexicon_;
  std::vector<Word> words_;
  size_t title_begin_ = 0, title_end_ = 0;
  std::map<std::string, Learned, std::less<>> learned_;      // ticker → how
  std::map<std::string, std::string, std::less<>> names_;    // lower-case name → ticker
  std::vector<std::string> organisations_;                   // initialisms: never tickers
};

void Learner::Learn(std::string ticker, std::string name, AssetEvidence evidence) {
  if (AssetLexicon::IsCommonAbbreviation(ticker) || lexicon_.IsTicker(ticker)) {
    // The lexicon's own ticker: only a new name for it is worth keeping.
    if (lexicon_.IsTicker(ticker) && !name.empty() && lexicon_.TickerOfName(cn_ascii_lower_copy(name)).empty() &&
        cn_ascii_lower_copy(name) != cn_ascii_lower_copy(ticker))
      names_.emplace(cn_ascii_lower_copy(name), ticker);
    return;
  }
  if (std::find(organisations_.begin(), organisations_.end(), ticker) != organisations_.end()) return;
  auto [it, inserted] = learned_.try_emplace(ticker, Learned{name, evidence});
  if (!inserted) {
    if (evidence < it->second.evidence) it->second.evidence = evidence;
    if (it->second.name.empty()) it->second.name = name;
  }
  if (!name.empty() && cn_ascii_lower_copy(name) != cn_ascii_lower_copy(ticker))
    names_.emplace(cn_ascii_lower_copy(name), ticker);
}

// "Name (TICKER)": the capitalised words right before the bracket name it.
void Learner::LearnBrackets() {
  for (size_t k = 0; k < words_.size(); ++k) {
    const Word& t = words_[k];
    if (t.begin == 0 || text_[t.begin - 1] != '(' || t.end >= text_.size() || text_[t.end] != ')') continue;
    const std::string_view ticker = WordText(t);
    if (!IsTickerShaped(ticker) || AssetLexicon::IsCommonAbbreviation(ticker)) continue;
    // The run of capitalised words before " (", one space apart.
    size_t first = k;
    while (first > 0 && k - first < 5) {
      const Word& w = words_[first - 1];
      const size_t gap_end = first == k ? t.begin - 1 : words_[first].begin;
      const std::string_view gap = text_.substr(w.end, gap_end - w.end);
      if (gap != " " && gap != "") break;
      if (!IsAsciiUpper(text_[w.begin]) && !IsAsciiDigit(text_[w.begin]) && !IsLinkWord(WordText(w))) break;
      --first;
    }
    while (first < k && IsLinkWord(WordText(words_[first]))) ++first;
    if (first == k) continue;  // "(BTC)" alone is a lexicon mention, nothing to learn
    const std::span<const Word> run(words_.data() + first, k - first);
    bool initialism = false;
    for (size_t n = 2; n <= run.size(); ++n)
      if (IsInitialism(text_, run.subspan(run.size() - n), ticker)) initialism = true;
    if (initialism && !lexicon_.IsTicker(ticker)) {
      organisations_.emplace_back(ticker);
      learned_.erase(std::string(ticker));
      continue;
    }
    // The name: the longest ending of the run (at most four words) that
    // starts with the ticker's first letter. With none, the bracket is an
    // abbreviation of a name in another order or language ("... Argentine
    // Republic (BCRA)"), not a token's ticker.
    size_t name_first = k;
    for (size_t n = std::min<size_t>(4, run.size()); n >= 1; --n) {
      const Word& w = run[run.size() - n];
      if (cn_ascii_lower(text_[w.begin]) == cn_ascii_lower(ticker[0])) {
        name_first = k - n;
        break;
      }
    }
    if (name_first == k) {
      if (!lexicon_.IsTicker(ticker)) organisations_.emplace_back(ticker);
      continue;
    }
    std::string name(text_.substr(words_[name_first].begin, words_[k - 1].end - words_[name_first].begin));
    Learn(std::string(ticker), std::move(name), AssetEvidence::kNamedTicker);
  }
}

void Learner::LearnCashtagsTokenWordsAndPairs() {
  for (const Word& w : words_) {
    const std::string_view word = WordText(w);
    if (!IsAsciiUpper(word[0]) && !IsAsciiLowerLetter(word[0])) continue;
    if (w.begin > 0 && text_[w.begin - 1] == '$') {
      if (IsTickerShaped(word) && word.size() >= 2) Learn(std::string(word), {}, AssetEvidence::kCashtag);
      continue;
    }
    if (!IsTickerShaped(word) || word.size() < 2) continue;
    const std::string_view after = text_.substr(w.end, 8);
    for (std::string_view token_word : {" token", " coin"}) {
      if (!after.starts_with(token_word)) continue;
      const size_t e = w.end + token_word.size();
      const bool plural = e < text_.size() && text_[e] == 's';
      const size_t end = plural ? e + 1 : e;
      if (end >= text_.size() || !IsAsciiAlnum(text_[end])) Learn(std::string(word), {}, AssetEvidence::kTokenWord);
    }
    if (after.starts_with("/")) {
      size_t q = w.end + 1;
      size_t qe = q;
      while (qe < text_.size() && IsAsciiAlnum(text_[qe])) ++qe;
      if (IsStableQuote(Upper(text_.substr(q, qe - q)))) Learn(std::string(word), {}, AssetEvidence::kStablePair);
    }
  }
}

// Upper-case words of the title that the body also writes in capitals.
void Learner::LearnFromTitle() {
  const std::string_view title = text_.substr(title_begin_, title_end_ - title_begin_);
  if (IsShouting(title)) return;
  for (const Word& w : words_) {
    if (w.begin >= title_end_) break;
    const std::string_view word = WordText(w);
    if (w.begin < title_begin_ || !IsTickerShaped(word) || word.size() < 2 || word.size() > 6) continue;
    if (AssetLexicon::IsCommonAbbreviation(word) || lexicon_.IsTicker(word)) continue;
    const bool in_body = std::any_of(words_.begin(), words_.end(), [&](const Word& b) {
      return b.begin >= title_end_ && WordText(b) == word;
    });
    if (in_body) Learn(std::string(word), {}, AssetEvidence::kTitle);
  }
}

// "MAGACOIN FINANCE": one to three words in capitals, none the lexicon
// knows, written at least twice in running text and marked as a token's by
// its ending or the word after it.
void Learner::LearnCapitalisedNames() {
  struct Candidate {
    std::string written;
    int count = 0;
    bool token_like = false;
  };
  std::map<std::string, Candidate> candidates;  // ticker (name without spaces) → what was seen
  size_t line_begin = title_end_;
  bool line_shouting = false;
  size_t line_end = title_end_;
  for (size_t k = 0; k < words_.size();) {
    const Word& w = words_[k];
    if (w.begin < title_end_) {
      ++k;
      continue;
    }
    if (w.begin >= line_end) {
      line_begin = text_.rfind('\n', w.begin);
      line_begin = line_begin == std::string_view::npos ? 0 : line_begin + 1;
      line_end = text_.find('\n', w.begin);
      if (line_end == std::string_view::npos) line_end = text_.size();
      line_shouting = IsShouting(text_.substr(line_begin, line_end - line_begin));
    }
    auto caps = [&](const Word& x) {
      const std::string_view s = WordText(x);
      return s.size() >= 2 && std::all_of(s.begin(), s.end(), IsAsciiUpper);
    };
    if (line_shouting || !caps(w)) {
      ++k;
      continue;
    }
    size_t n = 1;
    while (n < 3 && k + n < words_.size() && caps(words_[k + n]) &&
           words_[k + n].begin == words_[k + n - 1].end + 1 && text_[words_[k + n - 1].end] == ' ')
      ++n;
    std::string ticker;
    bool known = false;
    for (size_t j = k; j < k + n; ++j) {
      const std::string_view s = WordText(words_[j]);
      if (lexicon_.IsTicker(s) || AssetLexicon::IsCommonAbbreviation(s)) known = true;
      ticker += s;
    }
    const size_t end = words_[k + n - 1].end;
    k += n;
    if (known || ticker.size() < 5 || lexicon_.IsTicker(ticker) || learned_.count(ticker)) continue;
    if (n == 1 && !HasTokenSuffix(ticker)) continue;  // one word in capitals is usually an acronym
    Candidate& c = candidates[ticker];
    c.written = std::string(text_.substr(w.begin, end - w.begin));
    ++c.count;
    if (HasTokenSuffix(ticker) || TokenWordFollows(cn_ascii_lower_copy(text_.substr(end, 12)))) c.token_like = true;
  }
  for (auto& [ticker, c] : candidates)
    if (c.count >= 2 && c.token_like) Learn(ticker, c.written, AssetEvidence::kCapitalisedName);
}

void Learner::FindMentions(std::vector<AssetMention>& mentions) const {
  // The lexicon's mentions, one line at a time (it judges shouting per text).
  for (size_t b = 0; b < text_.size();) {
    size_t e = text_.find('\n', b);
    if (e == std::string_view::npos) e = text_.size();
    if (e > b) {
      for (AssetMention& m : lexicon_.FindMentions(text_.substr(b, e - b))) {
        m.begin += b;
        m.end += b;
        // An unknown word the lexicon took for a ticker from its verb
        // ("FIU said") is dropped when the article spells it out as an organisation.
        if (!lexicon_.IsTicker(m.ticker) &&
            std::find(organisations_.begin(), organisations_.end(), m.ticker) != organisations_.end())
          continue;
        mentions.push_back(std::move(m));
      }
    }
    b = e + 1;
  }
  // What the article taught: its tickers and names.
  std::vector<AssetMention> own;
  for (size_t k = 0; k < words_.size(); ++k) {
    const Word& w = words_[k];
    const std::string_view word = WordText(w);
    const bool cashtag = w.begin > 0 && text_[w.begin - 1] == '$';
    if (!IsAsciiUpper(word[0]) && !cashtag) continue;
    // A name of up to four words, matched case-insensitively from a capital.
    bool named = false;
    for (size_t n = std::min<size_t>(4, words_.size() - k); n >= 1 && !named && !names_.empty(); --n) {
      const Word& last = words_[k + n - 1];
      const std::string key = cn_ascii_lower_copy(text_.substr(w.begin, last.end - w.begin));
      auto it = names_.find(key);
      if (it == names_.end()) continue;
      own.push_back({w.begin, last.end, it->second, true});
      k += n - 1;
      named = true;
    }
    if (named) continue;
    const std::string upper = Upper(word);
    if (upper != word && !cashtag) continue;
    if (!learned_.count(upper)) continue;
    own.push_back({cashtag ? w.begin - 1 : w.begin, w.end, upper, false});
  }
  // Merge: a lexicon mention wins where the two overlap.
  std::vector<AssetMention> merged;
  merged.reserve(mentions.size() + own.size());
  size_t i = 0;
  for (AssetMention& o : own) {
    while (i < mentions.size() && mentions[i].end <= o.begin) merged.push_back(std::move(mentions[i++]));
    const bool overlaps = i < mentions.size() && mentions[i].begin < o.end;
    if (!overlaps) merged.push_back(std::move(o));
  }
  while (i < mentions.size()) merged.push_back(std::move(mentions[i++]));
  mentions = std::move(merged);
}

// "ETH/BTC": ETH a cross pair, BTC its quote; "SOL/USDT": USDT the quote.
void Learner::MarkPairs(std::vector<AssetMention>& mentions) const {
  for (size_t i = 0; i + 1 < mentions.size(); ++i) {
    AssetMention& base = mentions[i];
    AssetMention& quote = mentions[i + 1];
    if (quote.begin != base.end + 1 || text_[base.end] != '/') continue;
    quote.role = MentionRole::kPairQuote;
    if (!IsStableQuote(quote.ticker)) base.role = MentionRole::kCrossPair;
  }
  // "UB/USD": a quote the lexicon does not list as an asset.
  for (AssetMention& m : mentions) {
    if (m.end + 1 >= text_.size() || text_[m.end] != '/') continue;
    size_t qe = m.end + 1;
    while (qe < text_.size() && IsAsciiAlnum(text_[qe])) ++qe;
    const std::string quote = Upper(text_.substr(m.end + 1, qe - m.end - 1));
    if (!IsStableQuote(quote) && !quote.empty() && (lexicon_.IsTicker(quote) || learned_.count(quote)) &&
        m.role == MentionRole::kSubject)
      m.role = MentionRole::kCrossPair;
  }
}

void Learner::Run(std::vector<ArticleAsset>& assets, std::vector<AssetMention>& mentions, std::string& main_asset,
                  size_t& title_end) {
  // The title: the first line with something on it.
  size_t b = 0;
  while (b < text_.size()) {
    size_t e = text_.find('\n', b);
    if (e == std::string_view::npos) e = text_.size();
    if (text_.substr(b, e - b).find_first_not_of(" \t\r") != std::string_view::npos) {
      title_begin_ = b;
      title_end_ = e;
      break;
    }
    b = e + 1;
  }
  title_end = title_end_;
  words_ = Words(text_);
  LearnBrackets();
  LearnCashtagsTokenWordsAndPairs();
  LearnFromTitle();
  LearnCapitalisedNames();
  FindMentions(mentions);
  MarkPairs(mentions);

  for (const AssetMention& m : mentions) {
    auto it = std::find_if(assets.begin(), assets.end(), [&](const ArticleAsset& a) { return a.ticker == m.ticker; });
    if (it == assets.end()) {
      ArticleAsset a;
      a.ticker = m.ticker;
      auto l = learned_.find(m.ticker);
      a.evidence = l == learned_.end() ? AssetEvidence::kLexicon : l->second.evidence;
      if (l != learned_.end()) a.name = l->second.name;
      assets.push_back(std::move(a));
      it = assets.end() - 1;
    }
    ++it->mentions;
    if (m.begin < title_end_) it->in_title = true;
    if (main_asset.empty() && m.role == MentionRole::kSubject && m.begin < title_end_) main_asset = m.ticker;
  }
  if (main_asset.empty())
    for (const AssetMention& m : mentions)
      if (m.role == MentionRole::kSubject) {
        main_asset = m.ticker;
        break;
      }
}

}  // namespace

ArticleAssets ArticleAssets::Learn(std::string_view text, const AssetLexicon& lexicon) {
  ArticleAssets out;
  Learner(text, lexicon).Run(out.assets_, out.mentions_, out.main_asset_, out.title_end_);
  return out;
}

std::span<const AssetMention> ArticleAssets::MentionsIn(size_t begin, size_t end) const {
  auto first = std::lower_bound(mentions_.begin(), mentions_.end(), begin,
                                [](const AssetMention& m, size_t b) { return m.begin < b; });
  auto last = first;
  while (last != mentions_.end() && last->end <= end) ++last;
  return {first, last};
}

const ArticleAsset* ArticleAssets::Find(std::string_view ticker) const {
  for (const ArticleAsset& a : assets_)
    if (a.ticker == ticker) return &a;
  return nullptr;
}

}  // namespace cn
