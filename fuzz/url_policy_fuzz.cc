// Fuzzes URL resolution and canonicalisation (an article's identity) and the
// address policy: any bytes in, no crash, and
//   - a canonical URL is http, https or file, and canonicalising it again
//     changes nothing (one article, one URL);
//   - an http(s) canonical URL has a host key and a robots.txt URL on its host;
//   - the deduper sees a canonical URL once;
//   - the address policy judges an address the same as bytes and as text,
//     an IPv4 address the same as its IPv4-mapped form, and never lets the
//     local tier widen into another refused range.
// Input: a base URL and a reference, split at the first newline; the first
// 16 bytes are also read as an IPv6 address and the first 4 as IPv4.
#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "pipeline/fetch/address_policy.h"
#include "pipeline/web/url.h"

namespace {

void CheckCanonical(const std::string& url) {
  std::string scheme = cn::UrlScheme(url);
  if (scheme != "http" && scheme != "https" && scheme != "file") std::abort();
  auto again = cn::CanonicalizeUrl(url);
  if (!again || *again != url) std::abort();
  if (scheme != "file") {
    if (cn::UrlHostKey(url).empty()) std::abort();
    std::string robots = cn::RobotsTxtUrl(url);
    if (!robots.ends_with("/robots.txt")) std::abort();
  }
  cn::UrlDeduper dedup;
  if (!dedup.Insert(url) || dedup.Insert(url)) std::abort();
}

void CheckAddresses(const uint8_t* data, size_t size) {
  if (size >= 4) {
    sockaddr_in v4{};
    v4.sin_family = AF_INET;
    std::memcpy(&v4.sin_addr, data, 4);
    char text[INET_ADDRSTRLEN] = {};
    inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
    std::string as_bytes = cn::BlockedAddressReason(reinterpret_cast<sockaddr*>(&v4));
    if (as_bytes != cn::BlockedAddressReason(std::string_view(text))) std::abort();
    sockaddr_in6 mapped{};
    mapped.sin6_family = AF_INET6;
    mapped.sin6_addr.s6_addr[10] = mapped.sin6_addr.s6_addr[11] = 0xff;
    std::memcpy(&mapped.sin6_addr.s6_addr[12], data, 4);
    if (as_bytes.empty() != cn::BlockedAddressReason(reinterpret_cast<sockaddr*>(&mapped)).empty()) std::abort();
    std::string local = cn::BlockedAddressReason(reinterpret_cast<sockaddr*>(&v4), true);
    if (!local.empty() && local != as_bytes) std::abort();
    if (local.empty() && !as_bytes.empty() && !as_bytes.starts_with("loopback") &&
        !as_bytes.starts_with("private") && !as_bytes.starts_with("shared"))
      std::abort();
  }
  if (size >= 16) {
    sockaddr_in6 v6{};
    v6.sin6_family = AF_INET6;
    std::memcpy(&v6.sin6_addr, data, 16);
    char text[INET6_ADDRSTRLEN] = {};
    inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
    if (cn::BlockedAddressReason(reinterpret_cast<sockaddr*>(&v6)) != cn::BlockedAddressReason(std::string_view(text)))
      std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t nl = input.find('\n');
  std::string_view base = nl == std::string_view::npos ? "" : input.substr(0, nl);
  std::string_view ref = nl == std::string_view::npos ? input : input.substr(nl + 1);
  if (auto resolved = cn::ResolveUrl(base, ref)) CheckCanonical(*resolved);
  if (auto canonical = cn::CanonicalizeUrl(input)) CheckCanonical(*canonical);
  (void)cn::BlockedAddressReason(input);
  CheckAddresses(data, size);
  return 0;
}
