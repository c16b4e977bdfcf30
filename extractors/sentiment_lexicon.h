// The sentiment lexicon: what each word or phrase of financial text does for
// the sentiment rules, loaded from data/sentiment_lexicon.tsv (embedded in the
// binary; the file's header comment documents the format).
//
// A term (one lower-case word, or a phrase of several) can play several roles
// at once: "growth" is both an upward change and a good metric; "loss" is a bad
// metric that is negative even on its own. Lookup() is keyed by the first word
// of a term; phrases hang off that first word, longest first.
//
// Immutable after construction; thread-safe. Default() is built on first use.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cn {

// Boundaries that weigh clauses: "X but Y" (X counts half), "despite X" (X
// counts half).
inline constexpr int kContrast = 1;
inline constexpr int kConcession = 2;

// What one term means to the rules. Zero / false means "plays no such role".
struct SentimentTerm {
  float polarity = 0;        // evaluative weight on its own: "bullish" +, "plunge" −
  int direction = 0;         // +1 change up ("rose"), −1 change down ("fell")
  float direction_weight = 0;  // weight of the change when no metric is in reach
  int metric = 0;            // +1 good metric ("profit"), −1 bad metric ("costs")
  float multiplier = 1;      // intensifier (> 1) or hedge (< 1) of what follows
  bool negator = false;      // "not", "no longer", "failed"
  int compare = 0;           // "compared to", "versus" (2), "from" (1, weaker): X against Y
  int comparative = 0;       // "more" +1, "less" −1: a direction only after a number ("36 % more")
  bool win_verb = false;     // "won", "received", "signed": good news when ...
  bool deal_noun = false;    // ... a deal noun follows: "won an order", "signed a contract"
  bool qualifier = false;    // "excluding", "including": what follows is not the subject
  bool shift = false;        // "swung", "turned": shift into a state ("to a loss")
  bool target = false;       // "to", "into": introduces the state shifted into
  bool boundary = false;     // "but", "while": ends the reach of rules
  int clause_weight = 0;     // for a boundary: kContrast or kConcession (sentiment_rules.h)
  bool blocked = false;      // a phrase that means nothing ("up to", "per share")
  bool event = false;        // news of an organisation's or a person's conduct (a hack, a lawsuit,
                             // a bankruptcy, a contract won), not of the market: counts little in
                             // an article's market stance
  bool crypto = false;       // places an article in crypto ("crypto", "altcoins", "token")
  bool market = false;       // market talk ("price", "rallied", "traders", "inflows")
};

struct SentimentPhrase {
  std::vector<std::string> rest;  // the words after the first one
  SentimentTerm term;
};

struct SentimentEntry {
  std::optional<SentimentTerm> single;   // the word on its own, if a term
  std::vector<SentimentPhrase> phrases;  // longest first
};

class SentimentLexicon {
 public:
  // The lexicon built from the embedded data/sentiment_lexicon.tsv.
  static const SentimentLexicon& Default();

  // Parses the data/sentiment_lexicon.tsv format. On a malformed line returns
  // nullopt and sets *error to "sentiment_lexicon.tsv:LINE: what is wrong".
  static std::optional<SentimentLexicon> Parse(std::string_view tsv, std::string* error);

  // The entry whose terms start with `lower_word`, or nullptr.
  const SentimentEntry* Lookup(std::string_view lower_word) const {
    auto it = entries_.find(lower_word);
    return it == entries_.end() ? nullptr : &it->second;
  }

  size_t size() const { return term_count_; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, SentimentEntry, Hash, std::equal_to<>> entries_;
  size_t term_count_ = 0;
};

}  // namespace cn
