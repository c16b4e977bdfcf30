#include "pipeline/ingest/crypto_filter.h"

#include "extractors/asset_lexicon.h"
#include "extractors/text_normalizer.h"
#include "pipeline/web/ascii_text.h"
#include "pipeline/web/url.h"

namespace cn {
namespace {

// Words that name the field rather than an asset.
constexpr std::string_view kCryptoWords[] = {
    "crypto", "cryptos", "cryptocurrency", "cryptocurrencies", "blockchain", "blockchains", "stablecoin",
    "stablecoins", "altcoin", "altcoins", "memecoin", "memecoins", "defi", "web3", "on-chain", "onchain",
    "tokenised", "tokenized", "krypto", "kryptowährung", "kryptowährungen"};

size_t CryptoWords(std::string_view text) {
  size_t count = 0;
  std::string word;
  auto flush = [&] {
    for (std::string_view w : kCryptoWords)
      if (word == w) ++count;
    word.clear();
  };
  for (char c : text) {
    const bool part = ascii::IsAlnum(c) || c == '-' || static_cast<unsigned char>(c) >= 0x80;
    if (part) word += ascii::ToLower(c);
    else if (!word.empty()) flush();
  }
  if (!word.empty()) flush();
  return count;
}

size_t Mentions(std::string_view text) {
  if (text.empty()) return 0;
  return AssetLexicon::Default().FindMentions(NormalizeText(text).matching).size() + CryptoWords(text);
}

}  // namespace

void HostSet::Add(std::string_view host) {
  std::string h = ascii::ToLower(host);
  while (!h.empty() && h.back() == '.') h.pop_back();
  if (!h.empty()) hosts_.insert(std::move(h));
}

HostSet HostSet::Parse(std::string_view text) {
  HostSet set;
  while (!text.empty()) {
    size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    line = line.substr(0, line.find('#'));
    line = ascii::Trim(line);
    if (line.empty()) continue;
    if (line.find("://") != std::string_view::npos) set.Add(UrlHost(line));
    else set.Add(line);
  }
  return set;
}

HostSet HostSet::FromSources(const std::vector<SourceConfig>& sources) {
  HostSet set;
  for (const SourceConfig& s : sources) {
    if (!s.homepage.empty()) set.Add(UrlHost(s.homepage));
    for (const std::string& u : s.feeds) set.Add(UrlHost(u));
    for (const std::string& u : s.sitemaps) set.Add(UrlHost(u));
  }
  return set;
}

bool HostSet::Matches(std::string_view host) const {
  std::string h = ascii::ToLower(host);
  std::string_view rest = h;
  while (!rest.empty()) {
    if (hosts_.contains(std::string(rest))) return true;
    size_t dot = rest.find('.');
    if (dot == std::string_view::npos) break;
    rest.remove_prefix(dot + 1);
  }
  return false;
}

bool IsCryptoArticle(const ArticleRecord& article, const HostSet& outlets) {
  if (outlets.Matches(UrlHost(article.url)) || outlets.Matches(UrlHost(article.canonical_url))) return true;
  if (Mentions(article.title) > 0) return true;
  return Mentions(article.text) >= static_cast<size_t>(kMinAssetMentions);
}

}  // namespace cn
