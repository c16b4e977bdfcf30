// Article and per-asset sentiment: a weighted pool of evidence.
//
// Evidence is a sentence's score (sentiment_rules.h) or a figure with a
// direction; each piece has a weight:
//  - place: the headline weighs most, then the lead (the first sentences of
//    the body), then the rest;
//  - market: the stance is on the crypto market, so only an article about
//    crypto (it names an asset or crypto) has one, and in it a sentence
//    counts fully only when it talks of a market ("price", "rallied",
//    "traders": sentiment_lexicon.tsv), holds a figure, or tells of a change
//    of an asset it names ("XRP and DOGE saw minor declines"); what event terms
//    say (a hack, a lawsuit, a contract won) counts little toward any stance;
//  - for an asset, a sentence counts through the part of it that is about the
//    asset (sentiment_assets.h); an asset named in another asset's clause
//    counts less, one named only in a bare list or as a pair's quote side not
//    at all;
//  - a reported move or flow is evidence of its own: a price or market-cap
//    change, an ETF flow or a USD price change with direction up (+) or down
//    (−), long liquidations (−), short liquidations (+).
// A pool is   score = Σ weight·score / (Σ weight + prior),
// so thin evidence stays near zero, and its label is neutral inside a band
// around zero. The prior and the band were calibrated on whole articles
// (scripts/sentiment-calibrate, leave-one-outlet-out), not on sentences.
//
// Pure and thread-safe.
#pragma once

#include <functional>
#include <string_view>

#include "extractors/sentiment.h"

namespace cn {

// What the rules read in one sentence (matching-normalised UTF-8).
struct SentenceReading {
  double raw = 0;             // the rules' raw score (sentiment_rules.h)
  double raw_event = 0;       // the part of it event terms gave
  bool crypto_words = false;  // it names crypto ("crypto", "altcoins", "token")
  bool market_words = false;  // it talks of a market ("price", "rallied", "traders")
  bool change_words = false;  // it tells of a change ("rose", "declines", "expanded")
};
using SentenceReader = std::function<SentenceReading(std::string_view sentence)>;

ArticleSentiment PoolArticleSentiment(const ArticleInput& input, const SentenceReader& read_sentence);

// The label of a pooled score: neutral inside the band (exposed for tests).
SentimentLabel ArticleLabel(double score);
SentimentLabel AssetLabel(double score);

}  // namespace cn
