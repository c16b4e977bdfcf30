// URL handling for the crawler: resolving links found in feeds and pages,
// canonicalising them so that one article has one URL, and deduplicating.
//
// Canonical form (CanonicalizeUrl):
//   - scheme and host lower-case; default ports (:80 for http, :443 for
//     https) dropped; an empty path becomes "/"; "." and ".." segments
//     removed; spaces and other unsafe bytes percent-encoded;
//   - the fragment and any user:password@ part dropped;
//   - tracking parameters removed from the query (utm_*, fbclid, gclid,
//     dclid, gbraid, wbraid, msclkid, mc_cid, mc_eid, yclid, igshid, twclid,
//     _ga, _gl, _hsenc, _hsmi, ref_src, cmpid, ocid); the remaining
//     parameters keep their order; an empty query is dropped.
// Only http, https and file URLs are accepted; anything else (mailto:,
// javascript:, ftp:, garbage) yields std::nullopt.
//
// Thread safety: every function is pure and may be called from any thread;
// UrlDeduper is a plain value type (not synchronised).
// This file is reachable from the feed fuzz target: no <expected> here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace cn {

// Resolves `ref` (absolute, scheme-relative, or relative) against the
// absolute URL `base` (RFC 3986, by libcurl's URL API), and canonicalises the
// result. The one resolver of the pipeline: feed and sitemap links and a
// page's <link rel=canonical> / og:url all go through it, so one article has
// one identity. An empty `base`, or one that is no absolute URL, accepts
// only absolute refs. Surrounding C0 controls and space in `ref` are ignored.
std::optional<std::string> ResolveUrl(std::string_view base, std::string_view ref);

// Canonicalises an absolute URL (see the file comment).
std::optional<std::string> CanonicalizeUrl(std::string_view url);

// Lower-case scheme ("http", "https", "file", ...) of an absolute URL, or ""
// when `url` has none. Does not validate the rest of the URL.
std::string UrlScheme(std::string_view url);

// Lower-case host of an absolute URL without port or brackets handling
// beyond what libcurl does ("example.com", "[::1]"), or "" when it has none
// (file URLs, garbage).
std::string UrlHost(std::string_view url);

// "host:port" with the scheme's default port filled in: the key for
// per-host limits and the robots.txt cache ("example.com:443").
std::string UrlHostKey(std::string_view url);

// Path plus query of an http(s) URL ("/a/b?x=1"), "/" when empty: what
// robots.txt rules match against.
std::string UrlPathAndQuery(std::string_view url);

// "scheme://host[:port]/robots.txt" for an http(s) URL, "" for anything else.
std::string RobotsTxtUrl(std::string_view url);

// The local path of a file: URL, percent-decoded ("" when not a file URL).
std::string FileUrlPath(std::string_view url);

// True for absolute "http" and "https" URLs that libcurl parses and that
// name a host ("https:+/x" and "https://" are not).
bool IsHttpUrl(std::string_view url);

// True when the query parameter name is a known tracking parameter.
bool IsTrackingParameter(std::string_view name);

// Remembers canonical URLs already seen. Insert() canonicalises first, so
// "HTTP://A.com/x?utm_source=y#z" and "http://a.com/x" are one URL.
class UrlDeduper {
 public:
  // Returns the canonical URL when it was not seen before; std::nullopt for
  // a duplicate or an URL that does not canonicalise.
  std::optional<std::string> Insert(std::string_view url);
  bool Contains(std::string_view url) const;
  size_t size() const { return seen_.size(); }

 private:
  std::unordered_set<std::string> seen_;
};

}  // namespace cn
