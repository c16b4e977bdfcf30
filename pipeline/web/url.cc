#include "pipeline/web/url.h"

#include <curl/curl.h>

#include <algorithm>
#include <array>
#include <memory>

#include "pipeline/web/ascii_text.h"

namespace cn {

namespace {

struct CurlUrlDeleter {
  void operator()(CURLU* h) const { curl_url_cleanup(h); }
};
using CurlUrl = std::unique_ptr<CURLU, CurlUrlDeleter>;

struct CurlFree {
  void operator()(char* p) const { curl_free(p); }
};
using CurlString = std::unique_ptr<char, CurlFree>;

// The WHATWG URL parser strips C0 controls and space around a URL (a wider
// set than ascii::Trim's white space).
std::string_view TrimControlsAndSpace(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
  return s;
}

std::optional<std::string> GetPart(CURLU* h, CURLUPart part, unsigned flags = 0) {
  char* raw = nullptr;
  if (curl_url_get(h, part, &raw, flags) != CURLUE_OK || raw == nullptr) return std::nullopt;
  CurlString owned(raw);
  return std::string(raw);
}

// Parses `ref` (against `base` when it is an absolute URL) into a CURLU
// handle; nullptr when it does not parse (or curl_url() fails).
CurlUrl Parse(std::string_view base, std::string_view ref) {
  CurlUrl h(curl_url());
  if (!h) return nullptr;
  std::string ref_text(TrimControlsAndSpace(ref));
  if (ref_text.empty() || ref_text.find('\0') != std::string::npos) return nullptr;
  if (!base.empty()) {
    std::string base_text(TrimControlsAndSpace(base));
    // A base that is no absolute URL (the file path `cryptonews article`
    // was given) resolves only absolute refs, like an empty one.
    if (curl_url_set(h.get(), CURLUPART_URL, base_text.c_str(), CURLU_URLENCODE) != CURLUE_OK) {
      h.reset(curl_url());
      if (!h) return nullptr;
    }
  }
  if (curl_url_set(h.get(), CURLUPART_URL, ref_text.c_str(), CURLU_URLENCODE) != CURLUE_OK)
    return nullptr;
  return h;
}

std::string FilterQuery(std::string_view query) {
  std::string out;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view param = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (param.empty()) continue;
    std::string_view name = param.substr(0, param.find('='));
    if (IsTrackingParameter(name)) continue;
    if (!out.empty()) out += '&';
    out += param;
  }
  return out;
}

std::optional<std::string> Canonical(CURLU* h) {
  auto scheme = GetPart(h, CURLUPART_SCHEME);
  if (!scheme) return std::nullopt;
  std::string s = ascii::ToLower(*scheme);
  if (s != "http" && s != "https" && s != "file") return std::nullopt;
  if (s != "file") {
    auto host = GetPart(h, CURLUPART_HOST);
    if (!host || host->empty()) return std::nullopt;
    std::string lower = ascii::ToLower(*host);
    if (lower != *host && curl_url_set(h, CURLUPART_HOST, lower.c_str(), 0) != CURLUE_OK)
      return std::nullopt;
  }
  curl_url_set(h, CURLUPART_FRAGMENT, nullptr, 0);
  curl_url_set(h, CURLUPART_USER, nullptr, 0);
  curl_url_set(h, CURLUPART_PASSWORD, nullptr, 0);
  if (auto query = GetPart(h, CURLUPART_QUERY)) {
    std::string kept = FilterQuery(*query);
    curl_url_set(h, CURLUPART_QUERY, kept.empty() ? nullptr : kept.c_str(), 0);
  }
  return GetPart(h, CURLUPART_URL, CURLU_NO_DEFAULT_PORT);
}

}  // namespace

bool IsTrackingParameter(std::string_view name) {
  std::string n = ascii::ToLower(name);
  if (n.starts_with("utm_")) return true;
  static constexpr std::array<std::string_view, 18> kNames = {
      "fbclid", "gclid",  "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "yclid",
      "igshid", "twclid", "_ga",   "_gl",    "_hsenc", "_hsmi",   "ref_src", "ocid", "cmpid"};
  return std::find(kNames.begin(), kNames.end(), n) != kNames.end();
}

std::optional<std::string> ResolveUrl(std::string_view base, std::string_view ref) {
  CurlUrl h = Parse(base, ref);
  if (!h) return std::nullopt;
  std::optional<std::string> canonical = Canonical(h.get());
  if (!canonical) return std::nullopt;
  // The canonical URL is an article's identity, so it must come out of
  // canonicalisation unchanged. A few odd inputs do not ("file:abc//def"
  // gives "file://abc//def", which libcurl then refuses): none is a URL
  // worth keeping. (Found by fuzz/url_policy_fuzz.)
  CurlUrl again = Parse({}, *canonical);
  if (!again) return std::nullopt;
  std::optional<std::string> twice = Canonical(again.get());
  if (!twice || *twice != *canonical) return std::nullopt;
  return canonical;
}

std::optional<std::string> CanonicalizeUrl(std::string_view url) { return ResolveUrl({}, url); }

std::string UrlScheme(std::string_view url) {
  url = TrimControlsAndSpace(url);
  size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return "";
  std::string_view scheme = url.substr(0, colon);
  for (char c : scheme) {
    bool ok = ascii::IsAlnum(c) || c == '+' || c == '-' || c == '.';
    if (!ok) return "";
  }
  return ascii::ToLower(scheme);
}

bool IsHttpUrl(std::string_view url) {
  std::string s = UrlScheme(url);
  // The scheme alone is not enough: "https:+/x" names no host to fetch from.
  return (s == "http" || s == "https") && !UrlHost(url).empty();
}

std::string UrlHost(std::string_view url) {
  CurlUrl h = Parse({}, url);
  if (!h) return "";
  auto host = GetPart(h.get(), CURLUPART_HOST);
  return host ? ascii::ToLower(*host) : "";
}

std::string UrlHostKey(std::string_view url) {
  CurlUrl h = Parse({}, url);
  if (!h) return "";
  auto host = GetPart(h.get(), CURLUPART_HOST);
  auto port = GetPart(h.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
  if (!host) return "";
  return ascii::ToLower(*host) + ":" + (port ? *port : "");
}

std::string UrlPathAndQuery(std::string_view url) {
  CurlUrl h = Parse({}, url);
  if (!h) return "/";
  std::string out = GetPart(h.get(), CURLUPART_PATH).value_or("");
  if (out.empty()) out.push_back('/');
  if (auto query = GetPart(h.get(), CURLUPART_QUERY)) out += "?" + *query;
  return out;
}

std::string RobotsTxtUrl(std::string_view url) {
  if (!IsHttpUrl(url)) return "";
  CurlUrl h = Parse({}, url);
  if (!h) return "";
  curl_url_set(h.get(), CURLUPART_PATH, "/robots.txt", 0);
  curl_url_set(h.get(), CURLUPART_QUERY, nullptr, 0);
  curl_url_set(h.get(), CURLUPART_FRAGMENT, nullptr, 0);
  curl_url_set(h.get(), CURLUPART_USER, nullptr, 0);
  curl_url_set(h.get(), CURLUPART_PASSWORD, nullptr, 0);
  return GetPart(h.get(), CURLUPART_URL).value_or("");
}

std::string FileUrlPath(std::string_view url) {
  if (UrlScheme(url) != "file") return "";
  CurlUrl h = Parse({}, url);
  if (!h) return "";
  return GetPart(h.get(), CURLUPART_PATH, CURLU_URLDECODE).value_or("");
}

std::optional<std::string> UrlDeduper::Insert(std::string_view url) {
  auto canonical = CanonicalizeUrl(url);
  if (!canonical) return std::nullopt;
  if (!seen_.insert(*canonical).second) return std::nullopt;
  return canonical;
}

bool UrlDeduper::Contains(std::string_view url) const {
  auto canonical = CanonicalizeUrl(url);
  return canonical && seen_.contains(*canonical);
}

}  // namespace cn
