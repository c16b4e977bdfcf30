#include "pipeline/article/article_parser.h"

#include "pipeline/article/article_metadata.h"
#include "pipeline/article/charset.h"
#include "pipeline/article/html_document.h"
#include "pipeline/article/html_main_text.h"

namespace cn {

Article ParseArticle(std::string_view html, std::string_view content_type, const std::string& url,
                     std::chrono::sys_seconds fetch_time) {
  Article article;
  article.url = url;
  article.canonical_url = url;
  if (html.empty()) {
    article.warnings.push_back("empty page");
    return article;
  }
  Utf8Page page = DecodeToUtf8(html, content_type);
  article.charset = page.charset;
  article.warnings = std::move(page.warnings);

  HtmlDocument doc = HtmlDocument::Parse(page.text, url);
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

  article.text = ExtractMainText(doc.root(), article.title);
  if (article.text.empty()) article.warnings.push_back("no main text found");
  return article;
}

}  // namespace cn
