// What a number measures, read from the nouns of its own phrase rather than
// from the article's topic: "new addresses fell 15%" measures a network
// quantity, "the peso is down 1.7%" a currency, "production rose 27%" a
// company's output, "ETH fell 3%" the price of a coin.
//
// The phrase is the clause before the number (its subject: "Zero-balance
// addresses dropped by 71%"), and an "in"/"of" phrase right after the
// number or its move word ("a 13% decline in network activity", "an 18%
// reduction in convertible debt"), which says what moved when present.
// The noun nearest the number decides, unless an asset is named nearer (and
// is not just a modifier of the noun, as in "Bitcoin holdings").
//
// Pure and thread-safe.
#pragma once

#include "extractors/number_lexer.h"
#include "extractors/sentence_analysis.h"

namespace cn {

enum class MeasuredThing {
  kUnknown,    // nothing said, or a coin: a price figure
  kNetwork,    // on-chain or network quantities: addresses, holders, TVL, hashrate, transfers
  kNoFigure,  // no crypto figure: stocks, indexes, fiat, commodities, company books (revenue, debt,
              // holdings, fees), supply
};

MeasuredThing MeasuredBy(const SentenceAnalysis& s, const Quantity& q);

// True when the word (lower case, ASCII) names something that is never a
// crypto figure: a currency, a stock or index, a commodity, a company's
// books. Upper-case stock tickers ("MSTR") are asked with `word_as_written`.
bool IsNotCryptoNoun(std::string_view lower_word, std::string_view word_as_written);

}  // namespace cn
