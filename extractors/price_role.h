// The role of a price figure (figure.h's PriceRole): what the price is to
// the reader, read from the words bound to it in its sentence.
//
//   level    a mark on the chart: "support at $X", "the $X resistance",
//            "the 50-day EMA at $X", "a break below $X could ...", "if $X breaks"
//   target   a destination not reached: "could reach $X", "eyes $X",
//            "toward $X", "a $X target", "by year-end", "launch price of $X"
//   past     an earlier price: "all-time high of $X", "from $X", "bought at
//            an average of $X", "on Monday ... to $X", "a week ago"
//   current  where it is now: "trading at $X", "currently", "falls to $X",
//            "presale price of $X"
//
// Each cue phrase found in the figure's clause (or right after the number)
// scores for its role, nearer cues more; a destination word ("toward",
// "target") outweighs the level noun it points at ("toward the support at
// $X" is a target). With no cue at all the price is taken as current, the
// commonest role in news. Pure and thread-safe.
#pragma once

#include <cstddef>

#include "extractors/figure.h"
#include "extractors/sentence_analysis.h"

namespace cn {

// The role of the price spanning bytes [begin, end) of the sentence.
PriceRole PriceRoleOf(const SentenceAnalysis& s, size_t begin, size_t end);

}  // namespace cn
