#include "pipeline/cli/progress_display.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>

namespace cn {
namespace {

// Runs a short job through a display and returns what it printed.
std::string Render(bool interactive, Verbosity verbosity) {
  std::FILE* f = std::tmpfile();
  {
    ProgressDisplay d(f, interactive, verbosity, "ingest");
    d.SetSource("Demo Ledger");
    d.ArticleDone("new", "https://x.example/a", 3);
    d.Error("https://x.example/b: HTTP 500");
    d.ArticleDone("unchanged", "https://x.example/c", 0);
    d.Summary("2 articles");
  }
  std::rewind(f);
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  std::fclose(f);
  return out;
}

TEST(ProgressDisplayTest, CronGetsOnlyErrorsAndTheSummary) {
  EXPECT_EQ(Render(false, Verbosity::kNormal),
            "ingest: error: https://x.example/b: HTTP 500\ningest: 2 articles\n");
}

TEST(ProgressDisplayTest, QuietKeepsOnlyErrors) {
  EXPECT_EQ(Render(true, Verbosity::kQuiet), "ingest: error: https://x.example/b: HTTP 500\n");
}

TEST(ProgressDisplayTest, TerminalRedrawsOneStatusLineAndClearsItForMessages) {
  std::string out = Render(true, Verbosity::kNormal);
  EXPECT_NE(out.find("\r\033[Kingest: 0 articles"), std::string::npos) << out;
  EXPECT_NE(out.find("source Demo Ledger"), std::string::npos) << out;
  EXPECT_NE(out.find("\r\033[Kingest: error: https://x.example/b: HTTP 500\n"), std::string::npos) << out;
  EXPECT_TRUE(out.ends_with("\r\033[Kingest: 2 articles\n")) << out;
}

// While one slow feed holds the run, nothing else happens: Tick() (called by
// the fetcher as it waits) moves the line's clock on, once a second at most.
TEST(ProgressDisplayTest, TickRedrawsTheLineOnceASecondHasPassed) {
  std::FILE* f = std::tmpfile();
  auto size = [f] {
    std::fflush(f);
    return std::ftell(f);
  };
  {
    ProgressDisplay d(f, true, Verbosity::kNormal, "ingest");
    d.ListingStarted("https://slow.example/feed.xml");
    const long drawn = size();
    d.Tick();  // just drawn: nothing new
    EXPECT_EQ(size(), drawn);
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    d.Tick();
    EXPECT_GT(size(), drawn);
    const long redrawn = size();
    d.Tick();
    EXPECT_EQ(size(), redrawn);
  }
  std::rewind(f);
  std::string out(4096, '\0');
  out.resize(std::fread(out.data(), 1, out.size(), f));
  std::fclose(f);
  EXPECT_NE(out.find("waiting for slow.example; 0 articles, 1 s"), std::string::npos) << out;

  std::FILE* cron = std::tmpfile();
  {
    ProgressDisplay d(cron, false, Verbosity::kNormal, "ingest");
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    d.Tick();
    std::fflush(cron);
    EXPECT_EQ(std::ftell(cron), 0);  // not a terminal: no line
  }
  std::fclose(cron);
}

TEST(ProgressDisplayTest, VerboseAddsALinePerSourceAndArticle) {
  std::string out = Render(false, Verbosity::kVerbose);
  EXPECT_NE(out.find("ingest: source Demo Ledger\n"), std::string::npos) << out;
  EXPECT_NE(out.find("ingest: new       https://x.example/a (3 figures)\n"), std::string::npos) << out;
  EXPECT_NE(out.find("ingest: unchanged https://x.example/c (0 figures)\n"), std::string::npos) << out;
}

std::string ReadAll(std::FILE* f) {
  std::rewind(f);
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  return out;
}

TEST(ProgressDisplayTest, FeedPhaseThenTotalsAndAnEta) {
  std::FILE* f = std::tmpfile();
  {
    ProgressDisplay d(f, true, Verbosity::kNormal, "ingest");
    EXPECT_NE(d.StatusLine().find("ingest: 0 articles"), std::string::npos) << "drawn before any event";
    d.ListingStarted("https://a.example/feed");
    d.ListingStarted("file:///srv/feeds/b.xml");
    EXPECT_NE(d.StatusLine().find("feeds 0/2, waiting for a.example"), std::string::npos) << d.StatusLine();
    d.ListingDone("https://a.example/feed");
    EXPECT_NE(d.StatusLine().find("feeds 1/2, waiting for b.xml"), std::string::npos) << d.StatusLine();
    d.PagesExpected(4);
    EXPECT_NE(d.StatusLine().find("0 articles of 4 found so far"), std::string::npos) << d.StatusLine();
    d.ListingDone("file:///srv/feeds/b.xml");
    d.PagesExpected(6);
    d.SetSource("Wire");
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    d.ArticleDone("new", "u1", 1);
    d.ArticleFailed("u2: HTTP 500");
    d.Refused(SkipReason::kRobots, "u3", "Disallow: /");
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    const std::string line = d.StatusLine();
    EXPECT_NE(line.find("ingest: 3/10 articles, "), std::string::npos) << line;
    EXPECT_NE(line.find(", ETA "), std::string::npos) << line;
    EXPECT_NE(line.find("source Wire"), std::string::npos) << line;
    EXPECT_EQ(line.find("feeds"), std::string::npos) << line;
  }  // the display writes its last newline before the file closes
  std::fclose(f);
}

// Not a terminal, so no TIOCGWINSZ: $COLUMNS, else 80 columns.
TEST(ProgressDisplayTest, TheLineIsCutToColumnsElseEighty) {
  const std::string source(200, 'x');
  for (const char* columns : {"30", ""}) {
    if (*columns) setenv("COLUMNS", columns, 1);
    else unsetenv("COLUMNS");
    std::FILE* f = std::tmpfile();
    {
      ProgressDisplay d(f, true, Verbosity::kNormal, "ingest");
      d.SetSource(source);
    }
    std::string out = ReadAll(f);
    std::fclose(f);
    const size_t width = *columns ? 30 : 80;
    const std::string redraw = "\r\033[K";
    size_t drawn = 0;
    for (size_t at = out.find(redraw); at != std::string::npos; at = out.find(redraw, at + 1)) {
      size_t end = out.find_first_of("\r\n", at + redraw.size());
      EXPECT_LE(end - at - redraw.size(), width - 1) << out;
      ++drawn;
    }
    EXPECT_GE(drawn, 2u) << out;
    EXPECT_TRUE(out.ends_with("\n")) << "the display ends its line when it goes away";
  }
  unsetenv("COLUMNS");
}

TEST(ProgressDisplayTest, CutToColumnsNeverSplitsACharacter) {
  EXPECT_EQ(CutToColumns("abcdef", 3), "abc");
  EXPECT_EQ(CutToColumns("ab", 3), "ab");
  EXPECT_EQ(CutToColumns("\xc3\xa9t\xc3\xa9 \xe2\x82\xac", 3), "\xc3\xa9t\xc3\xa9");
  EXPECT_EQ(CutToColumns("\xe2\x82\xac\xe2\x82\xac", 1), "\xe2\x82\xac");
}

}  // namespace
}  // namespace cn
