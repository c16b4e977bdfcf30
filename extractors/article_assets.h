// ArticleAssets: the assets one article talks about, learned from the article
// itself in one pass, with every mention's span.
//
// News about small tokens rarely uses a ticker the lexicon knows, so the
// article is read for the ways it introduces its own assets:
//   "Mutuum Finance (MUTM)"       a name and its ticker in brackets
//   "$LIVE", "$mutm"              a cashtag
//   "the XPL token", "BDAG coins" an upper-case word named a token or coin
//   "UB/USDT"                     the base of a pair quoted in a stablecoin
//   "MUTM's Path to $1"           an upper-case word of the title that the body uses too
//   "MAGACOIN FINANCE"            a name in capitals, repeated, next to token words;
//                                 its ticker is the name without spaces ("MAGACOINFINANCE")
// plus everything the lexicon (asset_lexicon.h) knows. "Financial
// Intelligence Unit (FIU)" is an initialism of the words before it: an
// organisation, not a token, and so is never learned.
//
// Every mention carries a role: in "ETH/BTC" ETH is a cross pair (a ratio of
// two assets, no USD price) and BTC, like USDT in "SOL/USDT", is the quote
// currency, never the subject of a figure.
//
// The text is the article as the extractor sees it: matching-normalised
// (text_normalizer.h), its first non-blank line the title. Offsets are bytes
// into that text, which must outlive the table. Built once per article;
// immutable and thread-safe after. Pure: no I/O.
//
// Learn() lists every mention at once. LearnAssets() only learns the assets
// (and the title's mentions); FindMentionsIn() then finds the mentions of
// the ranges a caller looks at, which is faster when that is a fraction of
// the text (the figure extractor only reads sentences holding numbers).
//
// STABLE API: the sentiment stage uses this table for per-asset sentiment.
// Add to it; do not rename or change what the members below mean.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/asset_lexicon.h"

namespace cn {

// How the article showed that a word names an asset, strongest first.
enum class AssetEvidence {
  kLexicon,          // the lexicon knows it ("Bitcoin", "ETH")
  kNamedTicker,      // "Name (TICKER)"
  kCashtag,          // "$TICKER"
  kTokenWord,        // "the TICKER token", "TICKER coins"
  kStablePair,       // "TICKER/USDT"
  kTitle,            // upper-case in the title and used in the body
  kCapitalisedName,  // "MAGACOIN FINANCE": a repeated name in capitals
};

struct ArticleAsset {
  std::string ticker;      // canonical upper-case ticker
  std::string name;        // the name the article gives it ("Mutuum Finance"), or empty
  AssetEvidence evidence;  // the strongest evidence seen
  bool in_title = false;   // the title mentions it
  int mentions = 0;        // how many mentions() are of it
};

class ArticleAssets {
 public:
  // Learns the assets of `text` (see the header comment for its form).
  static ArticleAssets Learn(std::string_view text, const AssetLexicon& lexicon = AssetLexicon::Default());
  // The same without listing the mentions: mentions() and MentionsIn() are
  // then empty, assets() holds what the article taught (the lexicon's assets
  // only when the title names them), and main_asset() is the title's.
  static ArticleAssets LearnAssets(std::string_view text, const AssetLexicon& lexicon = AssetLexicon::Default());

  // The mentions within text bytes [begin, end), offsets relative to
  // `begin`, into `out` (cleared first). `lower_range` is that range
  // lower-cased (ASCII), which the caller usually has at hand.
  void FindMentionsIn(size_t begin, size_t end, std::string_view lower_range, std::vector<AssetMention>& out) const;

  // Every asset, in order of first mention.
  const std::vector<ArticleAsset>& assets() const { return assets_; }
  // Every mention, in text order, not overlapping; ticker is canonical.
  const std::vector<AssetMention>& mentions() const { return mentions_; }
  // The mentions lying within text bytes [begin, end).
  std::span<const AssetMention> MentionsIn(size_t begin, size_t end) const;
  // The asset with this ticker, or nullptr.
  const ArticleAsset* Find(std::string_view ticker) const;
  // The asset the article is about: the title's first asset, else the
  // body's first; empty when it names none.
  const std::string& main_asset() const { return main_asset_; }
  // Where the title line ends (bytes); mentions before it are the title's.
  size_t title_end() const { return title_end_; }

  struct Vocabulary;  // what the article taught: opaque, defined in article_assets.cc

 private:
  std::string_view text_;
  const AssetLexicon* lexicon_ = nullptr;
  std::shared_ptr<const Vocabulary> vocabulary_;
  std::vector<ArticleAsset> assets_;
  std::vector<AssetMention> mentions_;
  std::string main_asset_;
  size_t title_end_ = 0;
};

}  // namespace cn
