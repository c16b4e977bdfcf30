#include "pipeline/crawl/crawler.h"

#include <algorithm>
#include <map>

#include "pipeline/feeds/feed_parser.h"
#include "pipeline/fetch/file_fetcher.h"
#include "pipeline/feeds/sitemap_parser.h"
#include "pipeline/web/url.h"

namespace cn {

namespace {

constexpr size_t kMaxErrorsPerSource = 50;

enum class Kind { kFeed, kSitemap, kPage };

// What a fetch tag stands for.
struct Pending {
  Kind kind;
  size_t source;
  int depth = 0;  // sitemaps: levels below a listed sitemap
  CandidateArticle candidate;
};

class CrawlRun {
 public:
  CrawlRun(const std::vector<SourceConfig>& sources, const CrawlOptions& options, PageFetcher& fetcher,
           const std::function<void(CrawledPage&&)>& on_page)
      : options_(options), fetcher_(fetcher), on_page_(on_page) {
    for (const SourceConfig& s : sources)
      if (s.enabled) sources_.push_back(&s);
    reports_.resize(sources_.size());
    pools_.resize(sources_.size());
    listings_pending_.assign(sources_.size(), 0);
    sitemaps_seen_.assign(sources_.size(), 0);
  }

  std::vector<SourceReport> Run() {
    for (size_t i = 0; i < sources_.size(); ++i) {
      const SourceConfig& s = *sources_[i];
      reports_[i].name = s.name;
      if (options_.use_source_delays) {
        for (const auto* list : {&s.feeds, &s.sitemaps})
          for (const std::string& url : *list)
            if (IsHttpUrl(url)) fetcher_.SetHostDelay(UrlHost(url), s.politeness_delay);
      }
      for (const std::string& url : s.feeds) StartListing(i, Kind::kFeed, url, 0);
      for (const std::string& url : s.sitemaps) StartListing(i, Kind::kSitemap, url, 0);
    }
    for (size_t i = 0; i < sources_.size(); ++i)
      if (listings_pending_[i] == 0) SelectAndFetch(i);
    if (!stopped_) fetcher_.Run([this](FetchResult&& r) { OnResult(std::move(r)); });
    return std::move(reports_);
  }

  bool stopped() const { return stopped_; }

 private:
  void Error(size_t source, const std::string& message) {
    auto& errors = reports_[source].errors;
    if (errors.size() < kMaxErrorsPerSource) errors.push_back(message);
    else if (errors.size() == kMaxErrorsPerSource) errors.push_back("(further errors not listed)");
  }

  static void CountRefusal(SourceReport& report, SkipReason reason) {
    ++report.skipped;
    if (reason == SkipReason::kRobots) ++report.refused_robots;
    else if (reason == SkipReason::kUnsafeRedirect) ++report.refused_redirect;
    else ++report.refused_address;
  }

  uint64_t NewTag(Pending pending) {
    pending_.emplace(next_tag_, std::move(pending));
    return next_tag_++;
  }

  void StartListing(size_t source, Kind kind, const std::string& url, int depth) {
    if (kind == Kind::kSitemap && ++sitemaps_seen_[source] > options_.max_sitemaps_per_source) {
      if (sitemaps_seen_[source] == options_.max_sitemaps_per_source + 1)
        Error(source, "sitemap " + url + ": more than " + std::to_string(options_.max_sitemaps_per_source) +
                          " sitemaps for this source; the rest ignored");
      return;
    }
    ++listings_pending_[source];
    if (options_.on_listing_started) options_.on_listing_started(sources_[source]->name, url);
    FetchRequest request;
    request.url = url;
    request.operator_supplied = depth == 0;  // listed in the sources file
    if (UrlScheme(url) == "file") request.max_body_bytes = options_.max_local_file_bytes;
    request.tag = NewTag(Pending{kind, source, depth, {}});
    fetcher_.Add(std::move(request));
  }

  void AddCandidate(size_t source, CandidateArticle candidate) {
    ++reports_[source].items;
    pools_[source].push_back(std::move(candidate));
  }

  void ListingDone(size_t source, const std::string& url, const std::string& error) {
    if (options_.on_listing_done) options_.on_listing_done(sources_[source]->name, url, error);
  }

  // Parses a listing; returns its first error ("" when clean).
  std::string Parse(size_t source, Kind kind, const std::string& url, const std::string& body, int depth) {
    SourceReport& report = reports_[source];
    if (kind == Kind::kFeed) {
      FeedParseResult feed = ParseFeed(body, url);
      for (const std::string& e : feed.errors) Error(source, e);
      std::string first = feed.errors.empty() ? "" : feed.errors[0];
      if (feed.format.empty()) {
        ++report.listings_failed;
        return first;
      }
      ++report.listings_ok;
      for (FeedItem& item : feed.items)
        AddCandidate(source, {item.url, item.title, item.published_at, item.author, item.summary, "", url});
      return first;
    }
    SitemapParseResult sitemap = ParseSitemap(body, url);
    for (const std::string& e : sitemap.errors) Error(source, e);
    std::string first = sitemap.errors.empty() ? "" : sitemap.errors[0];
    if (sitemap.kind.empty()) {
      ++report.listings_failed;
      return first;
    }
    ++report.listings_ok;
    for (SitemapEntry& entry : sitemap.entries)
      AddCandidate(source, {entry.url, entry.title, entry.published_at, "", "", entry.lastmod, url});
    for (const std::string& child : sitemap.child_sitemaps) {
      if (depth + 1 > options_.max_sitemap_depth) {
        Error(source, "sitemap " + child + ": nested deeper than " + std::to_string(options_.max_sitemap_depth) +
                          " levels; not followed");
        continue;
      }
      StartListing(source, Kind::kSitemap, child, depth + 1);
    }
    return first;
  }

  // Hands a page over, then asks whether to go on.
  void Hand(CrawledPage&& page) {
    if (stopped_) return;
    on_page_(std::move(page));
    if (options_.should_stop && options_.should_stop()) {
      stopped_ = true;
      fetcher_.Stop();
    }
  }

  // All listings of a source are in: choose its articles and fetch them.
  void SelectAndFetch(size_t source) {
    if (stopped_) return;
    SourceReport& report = reports_[source];
    std::vector<CandidateArticle> pool = MergeListings(source);
    // Newest first; undated items keep their listing order after the dated ones.
    std::stable_sort(pool.begin(), pool.end(), [](const CandidateArticle& a, const CandidateArticle& b) {
      if (a.date().empty() != b.date().empty()) return b.date().empty();
      return a.date() > b.date();
    });
    int limit = options_.max_articles > 0 ? options_.max_articles : sources_[source]->max_articles;
    int taken = 0;
    for (CandidateArticle& c : pool) {
      if (stopped_) return;
      if (!options_.since.empty() && !c.date().empty() && c.date() < options_.since) {
        ++report.too_old;
        continue;
      }
      if (!dedup_.Insert(c.url)) {
        ++report.duplicates;
        continue;
      }
      if (taken >= limit) {
        ++report.over_limit;
        continue;
      }
      if (options_.already_stored && options_.already_stored(c.url)) {
        ++report.already_stored;
        continue;
      }
      ++taken;
      ++report.candidates;
      if (!options_.fetch_articles) continue;
      if (UrlScheme(c.url) == "file" && UrlScheme(c.listed_in) != "file") {
        // The feed parsers already keep file: links to local listings; this
        // holds even if one day they do not: a remote feed reads no file.
        CrawledPage page;
        page.source = sources_[source]->name;
        page.fetch.url = page.fetch.final_url = c.url;
        page.fetch.skipped = SkipReason::kUnsafeScheme;
        page.fetch.skip_detail = "a file: link in the remote listing " + c.listed_in + " is not followed";
        page.candidate = std::move(c);
        CountRefusal(report, SkipReason::kUnsafeScheme);
        Hand(std::move(page));
        continue;
      }
      if (options_.use_source_delays && IsHttpUrl(c.url))
        fetcher_.SetHostDelay(UrlHost(c.url), sources_[source]->politeness_delay);
      FetchRequest request;
      request.url = c.url;
      request.tag = NewTag(Pending{Kind::kPage, source, 0, std::move(c)});
      fetcher_.Add(std::move(request));
    }
    if (options_.on_pages_selected && !stopped_)
      options_.on_pages_selected(sources_[source]->name, options_.fetch_articles ? taken : 0);
  }

  // One entry per URL within a source; later listings fill empty fields.
  std::vector<CandidateArticle> MergeListings(size_t source) {
    std::vector<CandidateArticle> merged;
    std::map<std::string, size_t> index;
    for (CandidateArticle& c : pools_[source]) {
      auto [it, inserted] = index.emplace(c.url, merged.size());
      if (inserted) {
        merged.push_back(std::move(c));
        continue;
      }
      ++reports_[source].duplicates;
      CandidateArticle& kept = merged[it->second];
      for (auto field : {&CandidateArticle::title, &CandidateArticle::published_at, &CandidateArticle::author,
                         &CandidateArticle::summary, &CandidateArticle::modified_at})
        if ((kept.*field).empty()) kept.*field = std::move(c.*field);
    }
    pools_[source].clear();
    return merged;
  }

  void OnResult(FetchResult&& result) {
    auto it = pending_.find(result.tag);
    if (it == pending_.end()) return;
    Pending pending = std::move(it->second);
    pending_.erase(it);
    size_t source = pending.source;
    SourceReport& report = reports_[source];
    if (pending.kind == Kind::kPage) {
      if (result.ok()) {
        ++report.fetched;
      } else if (result.skipped == SkipReason::kNotModified) {
        ++report.not_modified;
      } else if (result.skipped != SkipReason::kNone) {
        CountRefusal(report, result.skipped);
      } else {
        ++report.failed;
        Error(source, "page " + result.url + ": " + result.error);
      }
      CrawledPage page;
      page.source = sources_[source]->name;
      page.candidate = std::move(pending.candidate);
      page.fetch = std::move(result);
      Hand(std::move(page));
      return;
    }
    const std::string what = pending.kind == Kind::kFeed ? "feed " : "sitemap ";
    std::string error;
    if (result.ok()) {
      error = Parse(source, pending.kind, result.url, result.body, pending.depth);
    } else if (result.skipped == SkipReason::kNotModified) {
      ++report.listings_unchanged;
    } else {
      ++report.listings_failed;
      if (result.skipped != SkipReason::kNone)
        error = what + result.url + ": skipped (" + SkipReasonName(result.skipped) + "): " + result.skip_detail;
      else
        error = what + result.url + ": " + result.error;
      Error(source, error);
    }
    ListingDone(source, result.url, error);
    if (--listings_pending_[source] == 0) SelectAndFetch(source);
  }

  const CrawlOptions& options_;
  PageFetcher& fetcher_;
  const std::function<void(CrawledPage&&)>& on_page_;
  std::vector<const SourceConfig*> sources_;
  std::vector<SourceReport> reports_;
  std::vector<std::vector<CandidateArticle>> pools_;
  std::vector<int> listings_pending_;
  std::vector<int> sitemaps_seen_;
  std::map<uint64_t, Pending> pending_;
  uint64_t next_tag_ = 1;
  UrlDeduper dedup_;
  bool stopped_ = false;
};

}  // namespace

int CrawlSummary::pages_fetched() const {
  int n = 0;
  for (const SourceReport& r : sources) n += r.fetched;
  return n;
}

bool CrawlSummary::ok() const {
  return std::all_of(sources.begin(), sources.end(), [](const SourceReport& r) { return r.ok(); });
}

CrawlSummary Crawl(const std::vector<SourceConfig>& sources, const CrawlOptions& options, PageFetcher& fetcher,
                   const std::function<void(CrawledPage&&)>& on_page) {
  Clock& clock = options.fetch.clock != nullptr ? *options.fetch.clock : SystemClock();
  auto start = clock.Now();
  CrawlRun run(sources, options, fetcher, on_page);
  CrawlSummary summary;
  summary.sources = run.Run();
  summary.stopped = run.stopped();
  summary.seconds = std::chrono::duration<double>(clock.Now() - start).count();
  return summary;
}

CrawlSummary Crawl(const std::vector<SourceConfig>& sources, const CrawlOptions& options, FetchStateStore* state,
                   const std::function<void(CrawledPage&&)>& on_page) {
  CurlFetcher network(options.fetch, state);
  FileFetcher fetcher(std::min(options.max_local_file_bytes, options.fetch.max_body_bytes), &network,
                      options.fetch.clock);
  return Crawl(sources, options, fetcher, on_page);
}

}  // namespace cn
