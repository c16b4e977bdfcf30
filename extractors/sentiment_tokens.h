// Tokenisation for the sentiment rules: a sentence becomes a sequence of
// units — lexicon terms (longest phrase first), numbers with their values,
// plain words, commas and clause boundaries.
//
// Words are lower-cased ASCII (bytes >= 0x80 kept as they are); hyphens and
// apostrophes inside a word stay in it ("year-on-year", "didn't"; the curly
// apostrophe counts too). Numbers understand thousands separators and decimal
// commas ("554,000" vs "37,7"), a currency prefix ("EUR131m"), scale words and
// suffixes ("mn", "million", "bn", "k"), percentages ("%", "percent", "pct")
// and a decimal part split off by a space ("EUR7 .3 m"). A bare integer that
// looks like a year (1900–2100) is a year, not an amount.
//
// Tokenizer holds reusable buffers, so one Tokenizer serves one thread; make
// one per thread (it is cheap). Units point into the lexicon, which must
// outlive them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/sentiment_lexicon.h"

namespace cn {

enum class UnitKind : uint8_t { kWord, kNumber, kComma, kBoundary };
enum class NumberKind : uint8_t { kAmount, kPercent, kYear };

struct SentimentUnit {
  UnitKind kind = UnitKind::kWord;
  const SentimentTerm* term = nullptr;  // for a word: its lexicon term, if any
  NumberKind number_kind = NumberKind::kAmount;
  double value = 0;                     // for a number: its value, scale applied
};

class SentimentTokenizer {
 public:
  explicit SentimentTokenizer(const SentimentLexicon& lexicon) : lexicon_(lexicon) {}

  // Units of `text`; the result is valid until the next call.
  const std::vector<SentimentUnit>& Tokenize(std::string_view text);

 private:
  struct Word {
    std::string_view text;  // lower-cased, in lower_
    bool space_before = true;
    bool punct = false;     // a single punctuation character
  };
  void SplitWords(std::string_view text);
  // Reads a number starting at words_[i]; returns how many words it used (0: not a number).
  size_t ReadNumber(size_t i, SentimentUnit* unit) const;

  const SentimentLexicon& lexicon_;
  std::string lower_;
  std::vector<Word> words_;
  std::vector<SentimentUnit> units_;
};

}  // namespace cn
