// Which pages of a general news crawl (CC-NEWS) are crypto articles — the
// rule `cryptonews warc` keeps by default (--only-crypto):
//
//   1. a page from a crypto outlet is kept: its host, or a parent domain of
//      it, is the host of a homepage, feed or sitemap in the sources file
//      (the built-in sources.toml unless --sources says otherwise);
//   2. any other page is kept when its title names a crypto asset or the
//      field, or its text does so at least kMinAssetMentions times: assets
//      as the asset lexicon finds them (extractors/asset_lexicon.h: names,
//      tickers, cashtags; ambiguous tickers only in crypto context), the
//      field as a word like crypto, blockchain, stablecoin, DeFi, on-chain
//      (kCryptoWords in crypto_filter.cc).
//
// HostSet is also what --hosts FILE is read into (one host a line, '#'
// comments). Immutable once built; thread-safe to read.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "pipeline/crawl/sources_config.h"
#include "pipeline/store/article_record.h"

namespace cn {

inline constexpr int kMinAssetMentions = 3;

class HostSet {
 public:
  HostSet() = default;
  // One host a line ("coindesk.com", "www.theblock.co"); blank lines and
  // '#' comments ignored; a URL on a line counts as its host. Lower-cased.
  static HostSet Parse(std::string_view text);
  // The hosts of every homepage, feed and sitemap (file: URLs have none).
  static HostSet FromSources(const std::vector<SourceConfig>& sources);

  void Add(std::string_view host);
  // `host` or one of its parent domains is in the set ("www.coindesk.com"
  // matches "coindesk.com"; "coindesk.com.evil.example" does not).
  bool Matches(std::string_view host) const;
  size_t size() const { return hosts_.size(); }

 private:
  std::unordered_set<std::string> hosts_;
};

// The rule above for one parsed article; `outlets` holds the sources' hosts.
bool IsCryptoArticle(const ArticleRecord& article, const HostSet& outlets);

}  // namespace cn
