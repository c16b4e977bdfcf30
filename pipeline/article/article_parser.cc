#include "pipeline/article/article_parser.h"

#include "pipeline/article/article_metadata.h"
#include "pipeline/article/charset.h"
#include "pipeline/article/html_document.h"
#include "pipeline/article/html_main_text.h"

namespace cn {

namespace {

// `owned`, when given, holds `html` and is freed as soon as it is decoded.
Article Parse(std::string_view html, std::string* owned, std::string_view content_type, const std::string& url,
              std::chrono::sys_seconds fetch_time, size_t max_text_bytes) {
  Article article;
  article.url = url;
  article.canonical_url = url;
  if (html.empty()) {
    article.warnings.push_back("empty page");
    return article;
  }
  Utf8Page page = DecodeToUtf8(html, content_type);
  if (owned != nullptr) std::string().swap(*owned);
  article.charset = page.charset;
  article.warnings = std::move(page.warnings);

  HtmlDocument doc = HtmlDocument::Parse(page.text, url);
  std::string().swap(page.text);  // the tree holds its own copy
  article.text_cut = doc.elements_cut();
  if (doc.elements_cut())
    article.warnings.push_back("the page has more than " + std::to_string(kMaxHtmlElements) +
                               " elements; the rest is ignored");
  if (doc.root() == nullptr) {
    article.warnings.push_back("no HTML content");
    return article;
  }
  ArticleMetadata meta = ExtractMetadata(doc.root(), url, fetch_time);
  article.canonical_url = meta.canonical_url.empty() ? url : meta.canonical_url;
  article.title = std::move(meta.title);
  article.authors = std::move(meta.authors);
  article.published_at = std::move(meta.published_at);
  article.modified_at = std::move(meta.modified_at);
  article.language = std::move(meta.language);
  article.site_name = std::move(meta.site_name);
  for (std::string& w : meta.warnings) article.warnings.push_back(std::move(w));

  article.text = ExtractMainText(doc.root(), article.title, max_text_bytes);
  if (article.text.size() > max_text_bytes) article.text_cut = true;
  if (article.text.empty()) article.warnings.push_back("no main text found");
  return article;
}

}  // namespace

Article ParseArticle(std::string_view html, std::string_view content_type, const std::string& url,
                     std::chrono::sys_seconds fetch_time, size_t max_text_bytes) {
  return Parse(html, nullptr, content_type, url, fetch_time, max_text_bytes);
}

Article ParseArticle(std::string&& html, std::string_view content_type, const std::string& url,
                     std::chrono::sys_seconds fetch_time, size_t max_text_bytes) {
  std::string body = std::move(html);
  return Parse(body, &body, content_type, url, fetch_time, max_text_bytes);
}

}  // namespace cn
