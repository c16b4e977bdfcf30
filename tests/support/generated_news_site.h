// Test and bench helper: a generated crypto news site — one RSS feed listing
// N articles and their HTML pages, each with a handful of figures — served by
// cpp-httplib on 127.0.0.1 at an ephemeral port. Nothing is ever bound or
// sent anywhere but the loopback interface.
//
// Pages are a pure function of their number, so two runs against two servers
// store the same articles. `page_delay` slows each page response, so a test
// can kill an ingest while it is still going.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <thread>

namespace cn::testing {

inline std::string GeneratedArticlePath(int i) { return "/news/article-" + std::to_string(i) + ".html"; }

// One article every 7 minutes back from 2026-11-20T00:00:00Z, newest first;
// `format` is a strftime format.
inline std::string GeneratedTime(int i, const char* format) {
  std::time_t t = 1795132800 - static_cast<std::time_t>(i) * 7 * 60;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, format, &tm);
  return buf;
}
inline std::string GeneratedPublishedAt(int i) { return GeneratedTime(i, "%Y-%m-%dT%H:%M:%SZ"); }

inline std::string GeneratedArticleHtml(int i, const std::string& base_url) {
  static const char* kAssets[] = {"Bitcoin", "Ether", "Solana", "XRP", "BNB"};
  const char* asset = kAssets[i % 5];
  int pct = 2 + i % 17;
  int price = 1000 + (i * 37) % 90000;
  int longs = 50 + (i * 13) % 900;
  int shorts = 10 + (i * 7) % 300;
  std::string title = std::string(asset) + " moves " + std::to_string(pct) + "% in market report number " +
                      std::to_string(i);
  std::string text =
      "<p>" + std::string(asset) + " fell " + std::to_string(pct) + "% over the past 24 hours to $" +
      std::to_string(price) + ", according to report " + std::to_string(i) + ".</p>\n"
      "<p>Long positions worth $" + std::to_string(longs) + " million were liquidated across exchanges, while shorts "
      "lost $" + std::to_string(shorts) + " million.</p>\n"
      "<p>Trading volume reached $" + std::to_string(1 + i % 9) + "." + std::to_string(i % 10) +
      " billion and the Fear and Greed index stood at " + std::to_string(10 + i % 80) + ".</p>\n"
      "<p>Analysts expect more volatility before the weekly close, and desks kept positions small.</p>\n";
  std::string url = base_url + GeneratedArticlePath(i);
  return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
         "<link rel=\"canonical\" href=\"" + url + "\">"
         "<meta property=\"article:published_time\" content=\"" + GeneratedPublishedAt(i) + "\">"
         "<meta name=\"author\" content=\"Generated Desk\"></head><body><nav><a href=\"/\">Home</a></nav>"
         "<article><h1>" + title + "</h1>\n" + text + "</article><footer>Generated test site</footer></body></html>";
}

inline std::string GeneratedFeedXml(int articles, const std::string& base_url) {
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Generated</title>"
                    "<link>" + base_url + "/</link><description>generated</description>\n";
  for (int i = 0; i < articles; ++i) {
    xml += "<item><title>Market report " + std::to_string(i) + "</title><link>" + base_url + GeneratedArticlePath(i) +
           "</link><pubDate>" + GeneratedTime(i, "%a, %d %b %Y %H:%M:%S GMT") + "</pubDate></item>\n";
  }
  return xml + "</channel></rss>\n";
}

class GeneratedNewsSite {
 public:
  // `etags`: the feed and pages carry an ETag and answer a matching
  // If-None-Match with 304, like a real site between two nightly runs.
  explicit GeneratedNewsSite(int articles, std::chrono::milliseconds page_delay = std::chrono::milliseconds(0),
                             bool etags = false)
      : articles_(articles) {
    server_.set_tcp_nodelay(true);
    server_.set_keep_alive_max_count(100000);
    port_ = server_.bind_to_any_port("127.0.0.1");
    base_url_ = "http://127.0.0.1:" + std::to_string(port_);
    feed_ = GeneratedFeedXml(articles_, base_url_);
    server_.Get("/feed.xml", [this, etags](const httplib::Request& req, httplib::Response& res) {
      ++requests_;
      if (etags && NotModified(req, res, "\"feed-v1\"")) return;
      res.set_content(feed_, "application/rss+xml");
    });
    server_.Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("User-agent: *\nAllow: /\n", "text/plain");
    });
    server_.Get(R"(/news/article-(\d+)\.html)", [this, page_delay, etags](const httplib::Request& req,
                                                                          httplib::Response& res) {
      ++requests_;
      int i = std::stoi(req.matches[1]);
      if (etags && NotModified(req, res, "\"page-" + std::to_string(i) + "-v1\"")) return;
      if (i >= articles_) {
        res.status = 404;
        return;
      }
      if (page_delay.count() > 0) std::this_thread::sleep_for(page_delay);
      res.set_content(GeneratedArticleHtml(i, base_url_), "text/html; charset=utf-8");
    });
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    for (int i = 0; i < 400 && !server_.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ~GeneratedNewsSite() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  GeneratedNewsSite(const GeneratedNewsSite&) = delete;
  GeneratedNewsSite& operator=(const GeneratedNewsSite&) = delete;

  int requests() const { return requests_; }  // feed and page requests so far
  std::string FeedUrl() const { return base_url_ + "/feed.xml"; }
  const std::string& base_url() const { return base_url_; }

  // A sources file listing this site's feed with room for every article.
  std::string SourcesToml() const {
    return "[[sources]]\nname = \"Generated\"\nfeeds = [\"" + FeedUrl() + "\"]\nmax_articles = " +
           std::to_string(articles_) + "\npoliteness_delay_ms = 0\n";
  }

 private:
  // Sets the ETag; true (and a 304) when the client already has it.
  static bool NotModified(const httplib::Request& req, httplib::Response& res, const std::string& etag) {
    res.set_header("ETag", etag);
    if (req.get_header_value("If-None-Match") != etag) return false;
    res.status = 304;
    return true;
  }

  std::atomic<int> requests_{0};
  int articles_;
  int port_ = 0;
  std::string base_url_;
  std::string feed_;
  httplib::Server server_;
  std::thread thread_;
};

}  // namespace cn::testing
