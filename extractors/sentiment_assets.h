// Which assets one sentence speaks about, and which part of the sentence
// speaks of each — what the per-asset sentiment pools.
//
// Given a sentence and the asset mentions found in it:
//  - the quote side of a trading pair ("SOL/USDT", "ETH/BTC") is no mention
//    of that asset; the base side is;
//  - a sentence that is little more than names ("Tags: Bitcoin, Ether, XRP",
//    a chart caption "BTC/USD 1-day chart") speaks about none of them: a
//    ticker in a bare list gets no label;
//  - mentions joined only by commas, "and", "or", "&" or a "(TICKER)" form
//    one group ("Avalanche (AVAX), Litecoin (LTC) and Shiba Inu (SHIB)");
//  - the sentence is cut into parts at clause breaks (";", ", ", "but",
//    "while", "whereas", …): each group gets the part from the start of its
//    clause up to the next group's ("BTC rose 2%, while ETH fell 3%"; "Gains
//    for altcoins, Bitcoin struggles");
//  - the first group of a clause is its subject; a later group in the same
//    clause is named in passing ("BTC rose faster than ETH").
//
// Pure and thread-safe.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/asset_lexicon.h"
#include "extractors/sentence_splitter.h"

namespace cn {

struct SentenceAsset {
  std::string ticker;
  ByteSpan part;          // bytes of the sentence that speak of it (relative to the sentence)
  bool subject = true;    // false: named in passing in another asset's clause
  bool alone = true;      // the only group of the sentence
  bool turns = false;     // its part turns against the rest ("...; Solana bucks the trend",
                          // "... but ETH held"): the rest says nothing of it
};

// Assets `sentence` speaks about, one entry per ticker (its first group),
// in order of first mention. `mentions` are relative to `sentence`, in order.
std::vector<SentenceAsset> AssetsOfSentence(std::string_view sentence, std::span<const AssetMention> mentions);

// True for a line that links to other articles or repeats the headline as
// feed boilerplate ("Related: ...", "Read more: ...", "The post ... appeared
// first on ..."): it says nothing of this article's own.
bool IsLinkLine(std::string_view sentence);

// True when `sentence` says nothing beyond naming things: fewer than a few
// words outside the mentions (a list, a caption, a tag line).
bool IsBareList(std::string_view sentence, std::span<const AssetMention> mentions);

}  // namespace cn
