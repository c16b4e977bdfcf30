#include "pipeline/ingest/warc_article.h"

#include <chrono>

#include "pipeline/article/article_parser.h"
#include "pipeline/warc/http_response.h"
#include "pipeline/web/date_time.h"
#include "pipeline/web/media_type.h"
#include "pipeline/web/url.h"

namespace cn {
namespace {

bool IsHtml(std::string_view media_type) {
  return media_type == "text/html" || media_type == "application/xhtml+xml";
}

// WARC-Target-URI may be written <in angle brackets> (WARC 1.0's grammar).
std::string_view TargetUri(const WarcRecord& record) {
  std::string_view uri = record.Field("WARC-Target-URI");
  if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') uri = uri.substr(1, uri.size() - 2);
  return uri;
}

}  // namespace

// UrlHost lower-cases the host.
std::string WarcTargetHost(const WarcRecord& record) { return UrlHost(TargetUri(record)); }

WarcRecordArticle ArticleFromWarcRecord(const WarcRecord& record) {
  WarcRecordArticle out;
  const std::string_view type = record.type;
  if (type == "warcinfo" || type == "request" || type == "metadata" || type == "revisit") {
    out.skipped = std::string(type);
    return out;
  }
  if (type != "response" && type != "resource") {
    out.skipped = "other type";
    return out;
  }
  const std::string_view uri = TargetUri(record);
  if (uri.empty()) {
    out.skipped = "no target URI";
    return out;
  }

  std::string body;
  std::string content_type;
  if (type == "response") {
    HttpResponse http;
    std::string error;
    if (!ParseHttpResponse(record.block, &http, &error)) {
      out.skipped = "not http";
      out.detail = error;
      return out;
    }
    if (http.status < 200 || http.status >= 300) {
      out.skipped = "http status";
      return out;
    }
    content_type = std::string(http.Header("Content-Type"));
    if (!IsHtml(MediaType(content_type))) {
      out.skipped = "not html";
      return out;
    }
    if (!DecodeHttpBody(http, kMaxWarcBodyBytes, &body, &error)) {
      out.skipped = "undecodable";
      out.detail = error;
      return out;
    }
  } else {
    content_type = std::string(record.Field("Content-Type"));
    if (!IsHtml(MediaType(content_type))) {
      out.skipped = "not html";
      return out;
    }
    body.assign(record.block);
  }

  // WARC-Date is when the page was fetched; it bounds the page's own dates.
  std::chrono::sys_seconds fetch_time = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  std::string fetched_at;
  if (auto date = ParseDateTime(record.Field("WARC-Date"))) {
    fetch_time = *date;
    fetched_at = FormatUtc(*date);
  }
  const std::string url(uri);
  Article parsed = ParseArticle(body, content_type, url, fetch_time);
  if (parsed.text.empty()) {
    out.skipped = "no article text";
    if (!parsed.warnings.empty()) out.detail = parsed.warnings.front();
    return out;
  }
  ArticleRecord& a = out.article;
  a.source = WarcTargetHost(record);
  a.url = url;
  a.canonical_url = parsed.canonical_url.empty() ? url : std::move(parsed.canonical_url);
  a.title = std::move(parsed.title);
  a.authors = std::move(parsed.authors);
  a.published_at = std::move(parsed.published_at);
  a.modified_at = std::move(parsed.modified_at);
  a.fetched_at = fetched_at.empty() ? FormatUtc(std::chrono::system_clock::now()) : fetched_at;
  a.language = std::move(parsed.language);
  a.site_name = std::move(parsed.site_name);
  a.text = std::move(parsed.text);
  return out;
}

}  // namespace cn
