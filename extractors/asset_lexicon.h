// The crypto asset lexicon: names, tickers, cashtags and aliases of the major
// assets, loaded once from data/assets.tsv (embedded in the binary).
//
// FindMentions() finds asset mentions in matching-normalised text (see
// text_normalizer.h): names case-insensitively as whole words ("ether",
// "Shiba Inu"), tickers in upper case ("ETH"), cashtags in any case ("$eth"),
// and tickers introduced by the article itself ("MemeCore (M)"). A ticker that
// is also an English word or stock ticker ("NEAR", "ONE") counts only in
// crypto context; an all-upper-case line (a shouted headline) only yields
// cashtags and unambiguous tickers.
//
// Immutable after construction; thread-safe. Default() is built on first use.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/word_table.h"

namespace cn {

// What a mention is to its sentence. Pairs are found by ArticleAssets
// (article_assets.h); the lexicon alone only says kSubject.
enum class MentionRole {
  kSubject,    // an asset a figure may be about: "Bitcoin rose"
  kCrossPair,  // the base of a pair of two crypto assets: ETH in "ETH/BTC", a ratio with no USD price
  kPairQuote,  // the quote of a pair: USDT in "SOL/USDT", BTC in "ETH/BTC"; never a figure's subject
};

struct AssetMention {
  size_t begin = 0;     // byte offsets into the text searched
  size_t end = 0;
  std::string ticker;   // canonical upper-case ticker
  bool by_name = false; // matched a name ("Bitcoin") rather than a ticker ("BTC")
  MentionRole role = MentionRole::kSubject;
};

class AssetLexicon {
 public:
  // The lexicon built from the embedded data/assets.tsv.
  static const AssetLexicon& Default();

  // Parses a lexicon in the data/assets.tsv format. On a malformed line,
  // returns nullopt and sets *error to "assets.tsv:LINE: what is wrong".
  static std::optional<AssetLexicon> Parse(std::string_view tsv, std::string* error);

  // Asset mentions in `text`, in order, not overlapping.
  std::vector<AssetMention> FindMentions(std::string_view text) const;
  // The same, given `text` lower-cased (ASCII) by the caller: saves a copy.
  std::vector<AssetMention> FindMentions(std::string_view text, std::string_view lower_text) const;
  // The same into `out` (cleared first), so a caller can reuse its storage.
  void FindMentions(std::string_view text, std::string_view lower_text, std::vector<AssetMention>& out) const;

  // True when `ticker` (upper case) is a known asset.
  bool IsTicker(std::string_view ticker) const;
  // True when an upper-case word is a common abbreviation of news text
  // ("CEO", "ETF", "SEC", "USD"), never an article's own ticker.
  static bool IsCommonAbbreviation(std::string_view upper_word);
  // The ticker of a name ("ether" → "ETH"), given in lower case; empty if none.
  std::string_view TickerOfName(std::string_view lower_name) const;

  size_t size() const { return asset_count_; }

 private:
  struct TickerInfo {
    bool is_word = false;
  };
  struct NameInfo {
    std::string ticker;
    bool is_word = false;
    int words = 1;
  };
  WordTable<TickerInfo> tickers_;  // "BTC" → info
  WordTable<NameInfo> names_;      // "shiba inu" → info
  WordTable<int> name_starts_;     // first word → longest name
  size_t asset_count_ = 0;
};

}  // namespace cn
