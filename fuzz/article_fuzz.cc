// Fuzzes the article parser end to end: any bytes (and a charset header cut
// from them) in; no crash, no hang, and the outputs are valid UTF-8 with
// times either empty or in the promised UTC form, never after the fetch time.
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "pipeline/article/article_parser.h"
#include "pipeline/article/charset.h"
#include "pipeline/article/page_check.h"

namespace {

bool WellFormedTime(const std::string& t) {
  if (t.empty()) return true;
  // 2026-02-05T22:08:00Z, not later than the fetch time below.
  return t.size() == 20 && t[4] == '-' && t[10] == 'T' && t[19] == 'Z' && t <= "2026-03-01T00:00:00Z";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  // The first line, when short, doubles as a Content-Type header.
  std::string_view header;
  if (size_t nl = input.find('\n'); nl != std::string_view::npos && nl < 64) {
    header = input.substr(0, nl);
    input.remove_prefix(nl + 1);
  }
  using namespace std::chrono_literals;
  const std::chrono::sys_seconds fetch_time = std::chrono::sys_days{std::chrono::year(2026) / 3 / 1} + 0s;
  cn::Article a = cn::ParseArticle(input, header, "https://news.example/a/b?c=d", fetch_time);
  for (const std::string* s : {&a.text, &a.title, &a.site_name, &a.language, &a.canonical_url})
    if (!cn::IsValidUtf8(*s)) std::abort();
  for (const std::string& name : a.authors)
    if (!cn::IsValidUtf8(name)) std::abort();
  if (!WellFormedTime(a.published_at) || !WellFormedTime(a.modified_at)) std::abort();
  // The ingest-side page checks must take any body and any parse result.
  (void)cn::NonHtmlReason(input, header);
  (void)cn::LooksLikeErrorPage(a.title, a.text);
  // A capped parse is a prefix of the full one, stopping soon after the cap.
  cn::Article capped = cn::ParseArticle(input, header, "https://news.example/a/b?c=d", fetch_time, 2048);
  if (!a.text.starts_with(capped.text)) std::abort();
  return 0;
}
