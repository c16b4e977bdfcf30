#include "pipeline/ingest/crawl_feed.h"

#include <chrono>

#include "pipeline/article/article_parser.h"
#include "pipeline/article/page_check.h"
#include "pipeline/ingest/article_bounds.h"
#include "pipeline/web/date_time.h"

namespace cn {

void CrawlFeed::Run(FeedSink& sink) {
  // Once the sink wants no more articles (--max-articles reached, or a stop
  // signal), the crawl ends: no further page is requested, and transfers in
  // flight are abandoned.
  CrawlOptions options = options_;
  options.should_stop = [this, outer = options_.should_stop] { return stopped_ || (outer && outer()); };
  options.on_listing_done = [this, &sink, outer = options_.on_listing_done](const std::string& source,
                                                                      const std::string& url,
                                                                      const std::string& error) {
    listings_.insert(url);
    sink.OnListingDone(url);
    if (outer) outer(source, url, error);
  };
  options.on_listing_started = [&sink](const std::string&, const std::string& url) { sink.OnListingStarted(url); };
  options.on_pages_selected = [&sink](const std::string&, int pages) { sink.OnPagesSelected(pages); };
  CrawlSummary summary =
      Crawl(sources_, options, &state_, [&](CrawledPage&& page) { OnPage(std::move(page), sink); });
  for (const SourceReport& report : summary.sources) {
    SourceOutcome outcome;
    outcome.source = report.name;
    outcome.feeds_ok = report.listings_ok + report.listings_unchanged;
    outcome.feeds_failed = report.listings_failed;
    // Page errors were reported one by one through OnArticleFailed.
    for (const std::string& error : report.errors)
      if (!error.starts_with("page ")) outcome.errors.push_back({report.name, ListingNamedIn(error), error});
    sink.OnSourceDone(outcome);
  }
  // Listings whose pages were not all seen to the end are read in full next
  // time: a 304 would hide the pages this run did not store.
  const bool cut_short = stopped_ || summary.stopped || (options_.should_stop && options_.should_stop());
  for (const std::string& listing : cut_short ? listings_ : listings_to_reread_) state_.ForgetValidators(listing);
  if (auto r = state_.CommitAll(); !r) state_error_ = r.error();
}

std::string CrawlFeed::ListingNamedIn(const std::string& error) const {
  // The crawler's messages name their feed or sitemap; the longest listing
  // URL found wins, so ".../feed" does not match inside ".../feed2".
  std::string best;
  for (const std::string& listing : listings_)
    if (listing.size() > best.size() && error.find(listing) != std::string::npos) best = listing;
  return best;
}

void CrawlFeed::OnPage(CrawledPage&& page, FeedSink& sink) {
  const FetchResult& fetch = page.fetch;
  const std::string& url = fetch.url;
  if (stopped_) {
    state_.Discard(url);
    return;
  }
  if (page.source != current_source_) {
    current_source_ = page.source;
    sink.OnSource(page.source);
  }
  if (fetch.skipped == SkipReason::kNotModified) {
    sink.OnArticleNotModified(page.source, page.candidate.url);
    state_.Commit(url);
    return;
  }
  if (!fetch.ok()) {
    state_.Discard(url);
    if (fetch.skipped != SkipReason::kNone) {
      // Refused on purpose (robots.txt, address policy, unsafe redirect):
      // not a failure to retry, but counted and listed by reason.
      sink.OnArticleRefused({page.source, url, fetch.skip_detail}, fetch.skipped);
    } else {
      sink.OnArticleFailed({page.source, url, fetch.error.empty() ? "HTTP " + std::to_string(fetch.status) : fetch.error});
      if (!page.candidate.listed_in.empty() && state_.Failures(url) <= kMaxPageRetries)
        listings_to_reread_.insert(page.candidate.listed_in);
    }
    return;
  }

  // An image, a binary blob or an error page is no article: it must not
  // become one, nor replace the one stored for this URL.
  if (std::string why = NonHtmlReason(fetch.body, fetch.content_type); !why.empty()) {
    state_.Discard(url);
    sink.OnArticleFailed({page.source, fetch.final_url, "not an HTML page: " + why});
    return;
  }
  auto fetched_at = std::chrono::floor<std::chrono::seconds>(fetch.fetched_at);
  Article parsed =
      ParseArticle(std::move(page.fetch.body), fetch.content_type, fetch.final_url, fetched_at, kMaxArticleTextBytes);
  if (parsed.text.empty()) {
    state_.Discard(url);
    std::string why = parsed.warnings.empty() ? "no article text found" : "no article text: " + parsed.warnings.front();
    sink.OnArticleFailed({page.source, fetch.final_url, why});
    return;
  }
  if (LooksLikeErrorPage(parsed.title, parsed.text)) {
    state_.Discard(url);
    sink.OnArticleFailed({page.source, fetch.final_url,
                          "an error page answered with HTTP " + std::to_string(fetch.status) + " (title '" +
                              parsed.title.substr(0, 120) + "')"});
    return;
  }
  ArticleRecord record;
  record.source = page.source;
  record.url = fetch.final_url;
  record.canonical_url = parsed.canonical_url.empty() ? page.candidate.url : parsed.canonical_url;
  record.title = parsed.title.empty() ? page.candidate.title : std::move(parsed.title);
  record.authors = std::move(parsed.authors);
  if (record.authors.empty() && !page.candidate.author.empty()) record.authors.push_back(page.candidate.author);
  record.published_at = parsed.published_at.empty() ? page.candidate.published_at : parsed.published_at;
  record.modified_at = std::move(parsed.modified_at);
  record.fetched_at = FormatUtc(fetch.fetched_at);
  record.language = std::move(parsed.language);
  record.site_name = std::move(parsed.site_name);
  record.text = std::move(parsed.text);
  record.text_truncated = parsed.text_cut;

  ArticleAck ack = sink.OnArticle(std::move(record));
  if (ack.stored) state_.Commit(url);
  else state_.Discard(url);
  if (!ack.more) stopped_ = true;
}

}  // namespace cn
