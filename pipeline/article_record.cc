#include "pipeline/article_record.h"

#include <cstdint>
#include <cstdio>
#include <string_view>

namespace cn {
namespace {

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

}  // namespace

std::string ContentHash(const ArticleRecord& article) {
  Fnv1a64 h;
  h.Field(article.title);
  for (const std::string& a : article.authors) h.Field(a);
  h.Field("\x01");
  h.Field(article.published_at);
  h.Field(article.text);
  char buf[32];
  std::snprintf(buf, sizeof buf, "fnv1a64:%016llx", static_cast<unsigned long long>(h.value()));
  return buf;
}

}  // namespace cn
