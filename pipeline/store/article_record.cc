#include "pipeline/store/article_record.h"

#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string_view>

namespace cn {
namespace {

// The hash earlier versions stored ("fnv1a64:…"): one multiply per byte, a
// serial chain of about 4 µs for a 3 KB article. Kept to recognise those
// stored hashes.
class Fnv1a64 {
 public:
  // Each field is followed by a 0 byte so ("ab","c") and ("a","bc") differ.
  void Field(std::string_view s) {
    for (unsigned char c : s) Byte(c);
    Byte(0);
  }

  uint64_t value() const { return hash_; }

 private:
  void Byte(unsigned char c) {
    hash_ ^= c;
    hash_ *= 1099511628211ull;
  }
  uint64_t hash_ = 14695981039346656037ull;
};

// The current hash: the same chain over 8-byte little-endian words (a
// multiply and a shift per word, ~8x shorter). Each field starts with its
// length, so ("ab","c") and ("a","bc") differ.
class WordHash64 {
 public:
  void Field(std::string_view s) {
    Mix(s.size());
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) Mix(Load(s.data() + i, 8));
    if (i < s.size()) Mix(Load(s.data() + i, s.size() - i));
  }

  uint64_t value() const { return hash_; }

 private:
  static uint64_t Load(const char* p, size_t n) {
    uint64_t w = 0;
    std::memcpy(&w, p, n);
    if constexpr (std::endian::native == std::endian::big) w = std::byteswap(w);
    return w;
  }
  void Mix(uint64_t w) {
    hash_ ^= w;
    hash_ *= 0x9e3779b97f4a7c15ull;
    hash_ ^= hash_ >> 32;
  }
  uint64_t hash_ = 0x6a09e667f3bcc908ull;
};

constexpr std::string_view kLegacyPrefix = "fnv1a64:";
constexpr std::string_view kCurrentPrefix = "cnh64:";

template <typename Hash>
std::string HashArticle(const ArticleRecord& article, std::string_view prefix) {
  Hash h;
  h.Field(article.title);
  for (const std::string& a : article.authors) h.Field(a);
  h.Field("\x01");
  h.Field(article.published_at);
  h.Field(article.text);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*s%016llx", static_cast<int>(prefix.size()), prefix.data(),
                static_cast<unsigned long long>(h.value()));
  return buf;
}

}  // namespace

std::string ContentHash(const ArticleRecord& article) { return HashArticle<WordHash64>(article, kCurrentPrefix); }

bool MatchesContentHash(std::string_view stored, const ArticleRecord& article) {
  if (stored.starts_with(kCurrentPrefix)) return stored == ContentHash(article);
  if (stored.starts_with(kLegacyPrefix)) return stored == HashArticle<Fnv1a64>(article, kLegacyPrefix);
  return false;
}

bool IsNewerContent(std::string_view fetched_at, std::string_view hash, std::string_view other_fetched_at,
                    std::string_view other_hash) {
  if (fetched_at != other_fetched_at) return fetched_at > other_fetched_at;
  return hash > other_hash;
}

}  // namespace cn
