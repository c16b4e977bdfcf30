// The sentiment rules: from a sentence's units (sentiment_tokens.h) to a raw
// score, positive good news, negative bad news, 0 nothing evaluative.
//
// First, what is not the subject is set aside: what a qualifier introduces
// ("excluding restructuring costs") and what a comparison compares against
// ("compared to a profit of EUR 3 mn"). Then, in order, each unit used by one
// rule is not reused by a later one:
//  1. shifts into a state: "swung to a loss" −, "returned to profit" +;
//  2. numbers compared without a direction word: "operating profit was EUR 1.6
//     mn compared to EUR 5.9 mn" (down × good metric) −, "loss of X versus a
//     profit of Y" −;
//  3. a direction of change with the nearest metric in its clause: "profit
//     rose" +, "losses widened" −, "costs fell" +; a direction with no metric
//     in reach counts on its own ("shares fell" −); "more"/"less" count as
//     directions right after a number ("36 % more");
//  4. a win verb with a deal noun: "won an order" +;
//  5. every remaining evaluative term ("bullish", "profit warning", "loss").
// Each contribution is scaled by the intensifiers and hedges just before it
// (and an adverb just after a change word), flipped and damped by a negator
// up to three units before it ("not bullish", "failed to recover"), and
// halved when it stands before "but"/"however" or in a conceded clause
// ("despite X", "after X"). What event terms and won deals contribute is also
// kept apart, for the market stance of articles (sentiment_article.h).
//
// Pure and thread-safe; `scratch` is the caller's reusable buffer.
#pragma once

#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

#include "extractors/sentiment_tokens.h"

namespace cn {

double ScoreUnits(std::span<const SentimentUnit> units, std::vector<uint8_t>* scratch);

// A raw score squashed into (−1, 1): raw / sqrt(raw² + 4), about linear near 0.
inline double SquashScore(double raw) { return raw / std::sqrt(raw * raw + 4.0); }

// The same score, with the part of it that event terms and won deals gave
// ("hacked", "sued", "won an order"): news of conduct, not of the market.
struct RuleScore {
  double total = 0;
  double event = 0;  // included in total
};
RuleScore ScoreUnitsWithEvents(std::span<const SentimentUnit> units, std::vector<uint8_t>* scratch);

}  // namespace cn
