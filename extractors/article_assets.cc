// ArticleAssets: the article is searched for the marks of its own assets —
// brackets, cashtags, token words, pairs, the title, names in capitals —
// with a search per mark (a bracket, a '$', " token") rather than a walk
// over every word, then mentions are found with the lexicon plus a search
// per learned ticker and name.
#include "extractors/article_assets.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <span>

#include "extractors/ascii.h"
#include "extractors/byte_class_scanner.h"

namespace cn {
namespace {

struct Word {
  size_t begin = 0, end = 0;
};

// An upper-case ticker-shaped word: starts with a letter, no lower case,
// at most ten characters ("MUTM", "AI16Z", "M").
bool IsTickerShaped(std::string_view w) {
  if (w.empty() || w.size() > 10 || !ascii::IsUpper(w[0])) return false;
  return std::none_of(w.begin(), w.end(), ascii::IsLower);
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
    if (!IsLinkWord(ascii::ToLower(s))) significant.push_back(s);
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
        if (ascii::ToLower(w[k]) != ascii::ToLower(ticker[at + k])) same = false;
      if (same && self(self, word + 1, at + n)) return true;
    }
    return false;
  };
  return match(match, 0, 0);
}

// A line with no lower-case letter is a shouted headline: its capitals say nothing.
bool IsShouting(std::string_view line) { return std::none_of(line.begin(), line.end(), ascii::IsLower); }

// Endings and following words that mark a name in capitals as a token's.
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

// The alphanumeric word starting at `b`, and the one ending at `e`.
Word WordFrom(std::string_view text, size_t b) {
  size_t e = b;
  while (e < text.size() && ascii::IsAlnum(text[e])) ++e;
  return {b, e};
}
Word WordUntil(std::string_view text, size_t e) {
  size_t b = e;
  while (b > 0 && ascii::IsAlnum(text[b - 1])) --b;
  return {b, e};
}

// Whether [b, e) stands as a whole word.
bool WholeWord(std::string_view text, size_t b, size_t e) {
  return (b == 0 || !ascii::IsAlnum(text[b - 1])) && (e >= text.size() || !ascii::IsAlnum(text[e]));
}

}  // namespace

struct ArticleAssets::Vocabulary {
  struct Learned {
    std::string name;  // as written, or empty
    AssetEvidence evidence;
  };
  std::map<std::string, Learned, std::less<>> learned;         // ticker → how
  std::vector<std::pair<std::string, std::string>> names;      // lower-case name → ticker
  std::vector<std::string> organisations;                      // initialisms: never tickers
  std::vector<std::string> terms;                              // initialisms of common nouns ("augmented reality (AR)")

  bool IsOrganisation(std::string_view t) const {
    return std::find(organisations.begin(), organisations.end(), t) != organisations.end();
  }
};

using Vocabulary = ArticleAssets::Vocabulary;

namespace {

class Learner {
 public:
  Learner(std::string_view text, size_t title_begin, size_t title_end, const AssetLexicon& lexicon, Vocabulary& v)
      : text_(text), title_begin_(title_begin), title_end_(title_end), lexicon_(lexicon), v_(v) {}

  void Run() {
    LearnBrackets();
    LearnCashtags();
    LearnFromTitle();
    ScanCapitals();
  }

 private:
  std::string_view WordText(const Word& w) const { return text_.substr(w.begin, w.end - w.begin); }
  void Learn(std::string ticker, std::string name, AssetEvidence evidence);
  void LearnBrackets();
  void LearnCashtags();
  void LearnFromWordInCapitals(const Word& w);
  void LearnFromTitle();
  void ScanCapitals();

  std::string_view text_;
  size_t title_begin_, title_end_;
  const AssetLexicon& lexicon_;
  Vocabulary& v_;
};

void AddName(Vocabulary& v, std::string lower_name, const std::string& ticker) {
  for (const auto& [name, t] : v.names)
    if (name == lower_name) return;
  v.names.emplace_back(std::move(lower_name), ticker);
}

void Learner::Learn(std::string ticker, std::string name, AssetEvidence evidence) {
  const std::string lower_name = ascii::ToLower(name);
  if (AssetLexicon::IsCommonAbbreviation(ticker) || lexicon_.IsTicker(ticker)) {
    // The lexicon's own ticker: only a new name for it is worth keeping.
    if (lexicon_.IsTicker(ticker) && !name.empty() && lexicon_.TickerOfName(lower_name).empty() &&
        lower_name != ascii::ToLower(ticker))
      AddName(v_, lower_name, ticker);
    return;
  }
  if (v_.IsOrganisation(ticker)) return;
  auto [it, inserted] = v_.learned.try_emplace(ticker, Vocabulary::Learned{name, evidence});
  if (!inserted) {
    if (evidence < it->second.evidence) it->second.evidence = evidence;
    if (it->second.name.empty()) it->second.name = name;
  }
  if (!name.empty() && lower_name != ascii::ToLower(ticker)) AddName(v_, lower_name, ticker);
}

// "Name (TICKER)": the capitalised words right before the bracket name it.
void Learner::LearnBrackets() {
  for (size_t p = text_.find('('); p != std::string_view::npos; p = text_.find('(', p + 1)) {
    const Word t = WordFrom(text_, p + 1);
    if (t.end == t.begin || t.end >= text_.size() || text_[t.end] != ')') continue;
    const std::string_view ticker = WordText(t);
    if (!IsTickerShaped(ticker) || AssetLexicon::IsCommonAbbreviation(ticker)) continue;
    // The run of capitalised words before " (", one space apart, nearest last.
    std::vector<Word> run;
    size_t cursor = p;
    if (cursor > 0 && text_[cursor - 1] == ' ') --cursor;
    while (run.size() < 5 && cursor > 0) {
      const Word w = WordUntil(text_, cursor);
      if (w.begin == w.end) break;
      const std::string_view s = WordText(w);
      if (!ascii::IsUpper(s[0]) && !ascii::IsDigit(s[0]) && !IsLinkWord(s)) break;
      run.push_back(w);
      if (w.begin == 0 || text_[w.begin - 1] != ' ') break;
      cursor = w.begin - 1;
    }
    std::reverse(run.begin(), run.end());
    while (!run.empty() && IsLinkWord(WordText(run.front()))) run.erase(run.begin());
    if (run.empty()) {
      // "augmented reality (AR)", "total value locked (TVL)": the initials
      // of lower-case words name a term, even when a coin has that ticker.
      std::vector<Word> words;
      size_t c = p > 0 && text_[p - 1] == ' ' ? p - 1 : p;
      while (words.size() < 4 && c > 0) {
        const Word w = WordUntil(text_, c);
        if (w.begin == w.end || !ascii::IsLower(text_[w.begin])) break;
        words.insert(words.begin(), w);
        if (w.begin == 0 || text_[w.begin - 1] != ' ') break;
        c = w.begin - 1;
      }
      for (size_t n = 2; n <= words.size(); ++n)
        if (IsInitialism(text_, std::span<const Word>(words).subspan(words.size() - n), ticker)) {
          v_.terms.emplace_back(ticker);
          break;
        }
      continue;  // "(BTC)" alone is a lexicon mention, nothing to learn
    }
    bool initialism = false;
    for (size_t n = 2; n <= run.size(); ++n)
      if (IsInitialism(text_, std::span<const Word>(run).subspan(run.size() - n), ticker)) initialism = true;
    if (initialism && !lexicon_.IsTicker(ticker)) {
      v_.organisations.emplace_back(ticker);
      v_.learned.erase(std::string(ticker));
      continue;
    }
    // The name: the longest ending of the run (at most four words) that
    // starts with the ticker's first letter. With none, the bracket is an
    // abbreviation of a name in another order or language ("... Argentine
    // Republic (BCRA)"), not a token's ticker.
    size_t name_first = run.size();
    for (size_t n = std::min<size_t>(4, run.size()); n >= 1; --n)
      if (ascii::ToLower(text_[run[run.size() - n].begin]) == ascii::ToLower(ticker[0])) {
        name_first = run.size() - n;
        break;
      }
    if (name_first == run.size()) {
      if (!lexicon_.IsTicker(ticker)) v_.organisations.emplace_back(ticker);
      continue;
    }
    std::string name(text_.substr(run[name_first].begin, run.back().end - run[name_first].begin));
    Learn(std::string(ticker), std::move(name), AssetEvidence::kNamedTicker);
  }
}

void Learner::LearnCashtags() {
  for (size_t p = text_.find('$'); p != std::string_view::npos; p = text_.find('$', p + 1)) {
    if (p + 1 >= text_.size() || !(ascii::IsUpper(text_[p + 1]) || ascii::IsLower(text_[p + 1]))) continue;
    const std::string_view word = WordText(WordFrom(text_, p + 1));
    if (IsTickerShaped(word) && word.size() >= 2) Learn(std::string(word), {}, AssetEvidence::kCashtag);
  }
}

// Upper-case words of the title that the body also writes in capitals.
void Learner::LearnFromTitle() {
  const std::string_view title = text_.substr(title_begin_, title_end_ - title_begin_);
  if (IsShouting(title)) return;
  for (size_t i = title_begin_; i < title_end_;) {
    if (!ascii::IsAlnum(text_[i])) {
      ++i;
      continue;
    }
    const Word w = WordFrom(text_, i);
    i = w.end;
    const std::string_view word = WordText(w);
    if (!IsTickerShaped(word) || word.size() < 2 || word.size() > 6) continue;
    if (AssetLexicon::IsCommonAbbreviation(word) || lexicon_.IsTicker(word)) continue;
    for (size_t p = text_.find(word, title_end_); p != std::string_view::npos; p = text_.find(word, p + 1))
      if (WholeWord(text_, p, p + word.size())) {
        Learn(std::string(word), {}, AssetEvidence::kTitle);
        break;
      }
  }
}

// "the XPL token", "BDAG coins", "UB/USDT": what follows a word in capitals.
void Learner::LearnFromWordInCapitals(const Word& w) {
  // Most words in capitals are followed by neither.
  if (w.end + 1 >= text_.size()) return;
  const char next = text_[w.end], after_next = text_[w.end + 1];
  if (!(next == '/' || (next == ' ' && (after_next == 't' || after_next == 'c')))) return;
  const std::string_view word = WordText(w);
  if (!IsTickerShaped(word) || word.size() < 2) return;
  const std::string_view after = text_.substr(w.end, 8);
  for (std::string_view token_word : {" token", " coin"}) {
    if (!after.starts_with(token_word)) continue;
    size_t end = w.end + token_word.size();
    if (end < text_.size() && text_[end] == 's') ++end;
    if (end >= text_.size() || !ascii::IsAlnum(text_[end])) Learn(std::string(word), {}, AssetEvidence::kTokenWord);
  }
  if (after.starts_with("/")) {
    const std::string_view quote = WordText(WordFrom(text_, w.end + 1));
    if (IsStableQuote(ascii::ToUpper(quote))) Learn(std::string(word), {}, AssetEvidence::kStablePair);
  }
}

// One pass over the words that start with two capitals, in lines that are
// not shouted: token words and pairs after them (above), and "MAGACOIN
// FINANCE": one to three words in capitals, none the lexicon knows, written
// at least twice in the body and marked as a token's by its ending or the
// word after it.
void Learner::ScanCapitals() {
  struct Candidate {
    std::string written;
    int count = 0;
    bool token_like = false;
  };
  std::map<std::string, Candidate> candidates;  // ticker (name without spaces) → what was seen
  std::vector<Word> run;
  auto caps_word_at = [&](size_t i) {
    const Word w = WordFrom(text_, i);
    for (size_t k = w.begin; k < w.end; ++k)
      if (!ascii::IsUpper(text_[k])) return Word{i, i};
    return w.end - w.begin >= 2 ? w : Word{i, i};
  };
  static constexpr ByteClass kCapitals({{'A', 'Z'}});
  ByteClassScanner capitals(text_, kCapitals);
  for (size_t line = title_begin_; line < text_.size();) {
    size_t line_end = text_.find('\n', line);
    if (line_end == std::string_view::npos) line_end = text_.size();
    const std::string_view l = text_.substr(line, line_end - line);
    if (IsShouting(l)) {
      line = line_end + 1;
      continue;
    }
    for (size_t i = line; i < line_end;) {
      // Straight to the next two capitals in a row, past text without any,
      // which is nearly all of it: only there can a word in capitals start.
      i = capitals.NextMember(i);
      while (i + 1 < line_end && !ascii::IsUpper(text_[i + 1])) i = capitals.NextMember(i + 1);
      if (i + 1 >= line_end) break;
      // Only words starting with a capital after a non-letter are looked at.
      if (!ascii::IsUpper(text_[i]) || (i > 0 && ascii::IsAlnum(text_[i - 1]))) {
        ++i;
        continue;
      }
      // A word in capitals has a second capital at once: most capitals start none.
      if (i + 1 >= line_end || !ascii::IsUpper(text_[i + 1])) {
        ++i;
        continue;
      }
      LearnFromWordInCapitals(WordFrom(text_, i));
      // A short word in capitals not followed by another ("BTC rose") can
      // make no name of five letters or more; the title is no running text.
      {
        const Word first = caps_word_at(i);
        if (first.end == first.begin) {
          i = WordFrom(text_, i).end;
          continue;
        }
        if (i < title_end_ || (first.end - first.begin < 5 &&
            !(first.end + 2 < line_end && text_[first.end] == ' ' && ascii::IsUpper(text_[first.end + 1]) &&
              ascii::IsUpper(text_[first.end + 2])))) {
          i = first.end;
          continue;
        }
      }
      run.clear();
      for (Word w = caps_word_at(i); w.end > w.begin && run.size() < 3; ) {
        run.push_back(w);
        if (w.end + 1 >= line_end || text_[w.end] != ' ') break;
        w = caps_word_at(w.end + 1);
      }
      if (run.empty()) {
        i = WordFrom(text_, i).end;
        continue;
      }
      i = run.back().end;
      std::string ticker;
      bool known = false;
      for (const Word& w : run) {
        const std::string_view s = WordText(w);
        if (lexicon_.IsTicker(s) || AssetLexicon::IsCommonAbbreviation(s)) known = true;
        ticker += s;
      }
      if (known || ticker.size() < 5 || lexicon_.IsTicker(ticker) || v_.learned.count(ticker)) continue;
      if (run.size() == 1 && !HasTokenSuffix(ticker)) continue;  // one word in capitals is usually an acronym
      Candidate& c = candidates[ticker];
      c.written = std::string(text_.substr(run.front().begin, run.back().end - run.front().begin));
      ++c.count;
      if (HasTokenSuffix(ticker) || TokenWordFollows(ascii::ToLower(text_.substr(run.back().end, 12))))
        c.token_like = true;
    }
    line = line_end + 1;
  }
  for (auto& [ticker, c] : candidates)
    if (c.count >= 2 && c.token_like) Learn(ticker, c.written, AssetEvidence::kCapitalisedName);
}

// The mentions of learned tickers and names in text[begin, end), absolute offsets.
void OwnMentions(std::string_view text, size_t begin, size_t end, const Vocabulary& v, std::vector<AssetMention>& out) {
  const std::string_view range = text.substr(0, end);
  for (const auto& [ticker, how] : v.learned)
    for (size_t p = range.find(ticker, begin); p != std::string_view::npos; p = range.find(ticker, p + 1))
      if (WholeWord(text, p, p + ticker.size())) {
        const bool cashtag = p > 0 && text[p - 1] == '$';
        out.push_back({cashtag ? p - 1 : p, p + ticker.size(), ticker, false});
      }
  // "$mutm": a cashtag in lower case.
  for (size_t p = range.find('$', begin); p != std::string_view::npos; p = range.find('$', p + 1)) {
    const Word w = WordFrom(text, p + 1);
    if (w.end == w.begin || !ascii::IsLower(text[w.begin])) continue;
    const std::string upper = ascii::ToUpper(text.substr(w.begin, w.end - w.begin));
    if (v.learned.count(upper)) out.push_back({p, w.end, upper, false});
  }
  for (const auto& [name, ticker] : v.names) {
    for (size_t p = ascii::FindNoCase(range, name, begin); p != std::string_view::npos;
         p = ascii::FindNoCase(range, name, p + 1))
      if (ascii::IsUpper(text[p]) && WholeWord(text, p, p + name.size()))
        out.push_back({p, p + name.size(), ticker, true});
  }
  std::sort(out.begin(), out.end(), [](const AssetMention& a, const AssetMention& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  // Not overlapping: the longer (earlier sorted) wins.
  size_t kept = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    if (kept > 0 && out[i].begin < out[kept - 1].end) continue;
    if (kept != i) out[kept] = std::move(out[i]);
    ++kept;
  }
  out.resize(kept);
}

// "ETH/BTC": ETH a cross pair, BTC its quote; "SOL/USDT": USDT the quote.
// Offsets of `mentions` are relative to `base` in `text`.
void MarkPairs(std::string_view text, size_t base, const AssetLexicon& lexicon, const Vocabulary& v,
               std::vector<AssetMention>& mentions) {
  for (size_t i = 0; i + 1 < mentions.size(); ++i) {
    AssetMention& m = mentions[i];
    AssetMention& quote = mentions[i + 1];
    if (quote.begin != m.end + 1 || text[base + m.end] != '/') continue;
    quote.role = MentionRole::kPairQuote;
    if (!IsStableQuote(quote.ticker)) m.role = MentionRole::kCrossPair;
  }
  // "ETH/XYZ" with a quote the table lists as no mention of its own.
  for (AssetMention& m : mentions) {
    const size_t e = base + m.end;
    if (e + 1 >= text.size() || text[e] != '/' || m.role != MentionRole::kSubject) continue;
    const std::string quote = ascii::ToUpper(text.substr(e + 1, WordFrom(text, e + 1).end - e - 1));
    if (!quote.empty() && !IsStableQuote(quote) && (lexicon.IsTicker(quote) || v.learned.count(quote)))
      m.role = MentionRole::kCrossPair;
  }
}

}  // namespace

void ArticleAssets::FindMentionsIn(size_t begin, size_t end, std::string_view lower_range,
                                   std::vector<AssetMention>& out) const {
  out.clear();
  if (lexicon_ == nullptr || begin >= end) return;
  const std::string_view range = text_.substr(begin, end - begin);
  lexicon_->FindMentions(range, lower_range, out);
  // An unknown word the lexicon took for a ticker from its verb ("FIU
  // said") is dropped when the article spells it out as an organisation.
  std::erase_if(out, [&](const AssetMention& m) {
    return (!lexicon_->IsTicker(m.ticker) && vocabulary_->IsOrganisation(m.ticker)) ||
           std::find(vocabulary_->terms.begin(), vocabulary_->terms.end(), m.ticker) != vocabulary_->terms.end();
  });
  if (!vocabulary_->learned.empty() || !vocabulary_->names.empty()) {
    thread_local std::vector<AssetMention> own;
    own.clear();
    OwnMentions(text_, begin, end, *vocabulary_, own);
    // Merge, relative to `begin`; a lexicon mention wins where the two overlap.
    thread_local std::vector<AssetMention> merged;
    merged.clear();
    size_t i = 0;
    for (AssetMention& o : own) {
      o.begin -= begin;
      o.end -= begin;
      while (i < out.size() && out[i].end <= o.begin) merged.push_back(std::move(out[i++]));
      if (!(i < out.size() && out[i].begin < o.end)) merged.push_back(std::move(o));
    }
    while (i < out.size()) merged.push_back(std::move(out[i++]));
    out.swap(merged);
  }
  MarkPairs(text_, begin, *lexicon_, *vocabulary_, out);
}

namespace {

// Where the title line lies: the first line with something on it.
std::pair<size_t, size_t> TitleOf(std::string_view text) {
  for (size_t b = 0; b < text.size();) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    if (text.substr(b, e - b).find_first_not_of(" \t\r") != std::string_view::npos) return {b, e};
    b = e + 1;
  }
  return {0, 0};
}

}  // namespace

ArticleAssets ArticleAssets::LearnAssets(std::string_view text, const AssetLexicon& lexicon) {
  ArticleAssets out;
  out.text_ = text;
  out.lexicon_ = &lexicon;
  auto vocabulary = std::make_shared<Vocabulary>();
  const auto [title_begin, title_end] = TitleOf(text);
  out.title_end_ = title_end;
  Learner(text, title_begin, title_end, lexicon, *vocabulary).Run();
  out.vocabulary_ = std::move(vocabulary);
  // The title's mentions name the main asset and the assets in the title.
  std::vector<AssetMention> title_mentions;
  const std::string lower_title = ascii::ToLower(text.substr(title_begin, title_end - title_begin));
  out.FindMentionsIn(title_begin, title_end, lower_title, title_mentions);
  for (const AssetMention& m : title_mentions)
    if (m.role == MentionRole::kSubject) {
      out.main_asset_ = m.ticker;
      break;
    }
  for (const auto& [ticker, how] : out.vocabulary_->learned) {
    ArticleAsset a;
    a.ticker = ticker;
    a.name = how.name;
    a.evidence = how.evidence;
    out.assets_.push_back(std::move(a));
  }
  for (const AssetMention& m : title_mentions) {
    auto it = std::find_if(out.assets_.begin(), out.assets_.end(),
                           [&](const ArticleAsset& a) { return a.ticker == m.ticker; });
    if (it == out.assets_.end()) {
      out.assets_.push_back({m.ticker, {}, AssetEvidence::kLexicon, true, 0});
    } else {
      it->in_title = true;
    }
  }
  return out;
}

ArticleAssets ArticleAssets::Learn(std::string_view text, const AssetLexicon& lexicon) {
  ArticleAssets out = LearnAssets(text, lexicon);
  const std::vector<ArticleAsset> learned = std::move(out.assets_);
  out.assets_.clear();
  out.main_asset_.clear();
  // Every mention, one line at a time (the lexicon judges shouting per text).
  std::vector<AssetMention> line_mentions;
  std::string lower;
  for (size_t b = 0; b < text.size();) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    if (e > b) {
      lower.assign(text.substr(b, e - b));
      ascii::ToLowerInPlace(lower);
      out.FindMentionsIn(b, e, lower, line_mentions);
      for (AssetMention& m : line_mentions) {
        m.begin += b;
        m.end += b;
        out.mentions_.push_back(std::move(m));
      }
    }
    b = e + 1;
  }
  for (const AssetMention& m : out.mentions_) {
    auto it = std::find_if(out.assets_.begin(), out.assets_.end(),
                           [&](const ArticleAsset& a) { return a.ticker == m.ticker; });
    if (it == out.assets_.end()) {
      ArticleAsset a{m.ticker, {}, AssetEvidence::kLexicon, false, 0};
      auto l = std::find_if(learned.begin(), learned.end(), [&](const ArticleAsset& x) { return x.ticker == m.ticker; });
      if (l != learned.end() && l->evidence != AssetEvidence::kLexicon) {
        a.name = l->name;
        a.evidence = l->evidence;
      }
      out.assets_.push_back(std::move(a));
      it = out.assets_.end() - 1;
    }
    ++it->mentions;
    if (m.begin < out.title_end_) it->in_title = true;
    if (out.main_asset_.empty() && m.role == MentionRole::kSubject && m.begin < out.title_end_) out.main_asset_ = m.ticker;
  }
  if (out.main_asset_.empty())
    for (const AssetMention& m : out.mentions_)
      if (m.role == MentionRole::kSubject) {
        out.main_asset_ = m.ticker;
        break;
      }
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
