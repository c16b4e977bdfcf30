// From a WARC record to the article a crawled page would give: the same
// article parser (article/article_parser.h), with WARC-Target-URI as the
// URL, WARC-Date as the fetch time, and for `response` records the HTTP
// headers' charset and Content-Encoding.
//
// Records that cannot hold an article are skipped with a reason that the
// run counts: the record types "warcinfo", "request", "metadata",
// "revisit" (no payload of its own), "other type"; and "no target URI",
// "not http" (a response block that is no HTTP response), "http status"
// (not 2xx), "not html", "undecodable" (a broken chunked or compressed
// body, or one in an encoding we do not decode: detail says which) and
// "no article text".
//
// Pure apart from its arguments; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "pipeline/store/article_record.h"
#include "pipeline/warc/warc_reader.h"

namespace cn {

// Decoded bodies larger than this are skipped as "undecodable".
inline constexpr size_t kMaxWarcBodyBytes = 32u << 20;

struct WarcRecordArticle {
  std::string skipped;  // "" when `article` holds an article; else the reason
  std::string detail;   // for "undecodable": what was wrong
  ArticleRecord article;
};

// The record's target host, lower-cased ("" without WARC-Target-URI):
// what --hosts is checked against before any parsing.
std::string WarcTargetHost(const WarcRecord& record);

// The article of a `response` or `resource` record. The source is the
// page's host.
WarcRecordArticle ArticleFromWarcRecord(const WarcRecord& record);

}  // namespace cn
