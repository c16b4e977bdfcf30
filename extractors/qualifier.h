// Qualifiers: the hedge words just before a number ("nearly $2 billion",
// "more than 6%", "below 30", "as much as 3.8%") per the figure contract.
// Pure and thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

#include "extractors/figure.h"

namespace cn {

// Each takes the sentence lower-cased (ASCII), as SentenceAnalysis::lower
// holds it: the stages ask for every figure, so no copy is lower-cased here.

// The qualifier stated right before byte `pos` of `lower_sentence` (skipping
// "the", "a", "by", "another", "just" and the like); kExact when none is.
Qualifier QualifierBefore(std::string_view lower_sentence, size_t pos);

// The qualifier stated right after a number ending at byte `end`: "$1,100+",
// "$67,000 or higher" → kOver; "or lower" → kUnder; else kExact.
Qualifier QualifierAfter(std::string_view lower_sentence, size_t end);

// True when a change "by" an amount is stated right before byte `pos`,
// hedged or not: "by $3,000", "by about $30 billion", "by just $500".
bool ByAmountBefore(std::string_view lower_sentence, size_t pos);

}  // namespace cn
