// The progress line as a person sees it: the real binary runs `ingest` on a
// pseudo-terminal (forkpty) of a known width against a loopback site whose
// feed is slow, and the test reads what the terminal got.
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/cli/progress_display.h"
#include "tests/support/generated_news_site.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_http_server.h"

namespace cn {
namespace {

constexpr int kColumns = 60;

// A loopback site: one feed answering after `feed_delay`, `pages` articles
// each answering after `page_delay`.
class SlowSite {
 public:
  SlowSite(int pages, std::chrono::milliseconds feed_delay, std::chrono::milliseconds page_delay) {
    std::string feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Slow</title>";
    for (int i = 0; i < pages; ++i)
      feed += "<item><title>Report " + std::to_string(i) + "</title><link>" +
              server_.Url(testing::GeneratedArticlePath(i)) + "</link></item>";
    feed += "</channel></rss>";
    server_.server().Get("/feed.xml", [feed, feed_delay](const httplib::Request&, httplib::Response& res) {
      std::this_thread::sleep_for(feed_delay);
      res.set_content(feed, "application/rss+xml");
    });
    server_.server().Get(R"(/news/article-(\d+)\.html)", [this, page_delay](const httplib::Request& req,
                                                                             httplib::Response& res) {
      std::this_thread::sleep_for(page_delay);
      res.set_content(testing::GeneratedArticleHtml(std::stoi(req.matches[1]), server_.Url("")), "text/html");
    });
    server_.server().Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("User-agent: *\nAllow: /\n", "text/plain");
    });
    server_.Start();
  }
  std::string SourcesToml() const {
    return "[[sources]]\nname = \"Slow Wire\"\nfeeds = [\"" + server_.Url("/feed.xml") + "\"]\npoliteness_delay_ms = 0\n";
  }

 private:
  testing::TestHttpServer server_;
};

struct TerminalRun {
  std::string screen;  // every byte the terminal received, "\r\n" turned into "\n"
  int status = -1;     // waitpid status
};

// Runs `cryptonews ARGS` with stdin, stdout and stderr on a new
// pseudo-terminal kColumns wide. `on_output` sees the output so far and may
// act on the child (send it a signal); it returns true once it has acted.
template <typename OnOutput>
TerminalRun RunOnTerminal(const std::vector<std::string>& args, OnOutput on_output) {
  std::vector<std::string> argv_storage = {CRYPTONEWS_BINARY};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  struct winsize size {};
  size.ws_col = kColumns;
  size.ws_row = 24;
  int master = -1;
  pid_t pid = forkpty(&master, nullptr, nullptr, &size);
  if (pid == 0) {
    unsetenv("COLUMNS");
    execv(argv[0], argv.data());
    _exit(127);
  }
  TerminalRun run;
  if (pid < 0) return run;
  std::string raw;
  bool acted = false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    struct pollfd p {master, POLLIN, 0};
    if (poll(&p, 1, 100) > 0) {
      char buffer[4096];
      ssize_t n = read(master, buffer, sizeof buffer);
      if (n <= 0) break;  // EIO: the child closed the terminal
      raw.append(buffer, static_cast<size_t>(n));
    }
    if (!acted) acted = on_output(raw, pid);
  }
  close(master);
  waitpid(pid, &run.status, 0);
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') continue;
    run.screen += raw[i];
  }
  return run;
}

// Each status line drawn: what follows "\r\033[K" up to the next one, when
// another draw or clear follows it on the same line.
std::vector<std::string> StatusLines(const std::string& screen) {
  const std::string redraw = "\r\033[K";
  std::vector<std::string> lines;
  size_t at = screen.find(redraw);
  while (at != std::string::npos) {
    const size_t start = at + redraw.size();
    const size_t next = screen.find(redraw, start);
    const size_t newline = screen.find('\n', start);
    if (next != std::string::npos && (newline == std::string::npos || next < newline))
      lines.push_back(screen.substr(start, next - start));
    at = next;
  }
  return lines;
}

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

TEST(ProgressTerminalTest, FeedPhaseIsShownAndEveryLineFitsTheWidth) {
  testing::TempDir dir;
  SlowSite site(6, std::chrono::milliseconds(1500), std::chrono::milliseconds(100));
  TerminalRun run = RunOnTerminal({"ingest", "--allow-private", "--politeness-ms", "0", "--sources",
                                   dir.Write("sources.toml", site.SourcesToml()), "--db", dir.File("t.db")},
                                  [](const std::string&, pid_t) { return true; });
  ASSERT_TRUE(WIFEXITED(run.status)) << run.screen;
  EXPECT_EQ(WEXITSTATUS(run.status), 0) << run.screen;
  std::vector<std::string> lines = StatusLines(run.screen);
  ASSERT_FALSE(lines.empty()) << run.screen;
  bool feed_phase = false, clock_moved = false, totals = false;
  for (const std::string& line : lines) {
    feed_phase = feed_phase || line.find("feeds 0/1, waiting for 127.0.0.1") != std::string::npos;
    // Redrawn while the one feed is pending, not only when it answers.
    clock_moved = clock_moved || (line.find("feeds 0/1, waiting for") != std::string::npos && line.ends_with(", 1 s"));
    totals = totals || line.find("/6 articles") != std::string::npos;
    EXPECT_LT(CodePoints(line), static_cast<size_t>(kColumns)) << "wider than the terminal: " << line;
  }
  EXPECT_TRUE(feed_phase) << "no line during the feed phase in:\n" << run.screen;
  EXPECT_TRUE(clock_moved) << "the line was not redrawn while the feed was pending:\n" << run.screen;
  EXPECT_TRUE(totals) << "no line with the total in:\n" << run.screen;
  EXPECT_NE(run.screen.find("ingest: 6 new"), std::string::npos) << run.screen;
  EXPECT_EQ(run.screen.back(), '\n');
}

// Ctrl-C: the run winds down, and the terminal is left at the start of a
// line, after the interrupted line.
TEST(ProgressTerminalTest, AnInterruptEndsTheLineWithANewline) {
  testing::TempDir dir;
  SlowSite site(40, std::chrono::milliseconds(0), std::chrono::milliseconds(400));
  const std::string sources = dir.Write("sources.toml", site.SourcesToml());
  for (int signals : {1, 2}) {
    TerminalRun run = RunOnTerminal(
        {"ingest", "--allow-private", "--politeness-ms", "0", "--max-articles", "40", "--sources", sources, "--db",
         dir.File("i" + std::to_string(signals) + ".db")},
        [signals](const std::string& screen, pid_t pid) {
          if (screen.find("/40 articles") == std::string::npos) return false;
          for (int i = 0; i < signals; ++i) kill(pid, SIGINT);
          return true;
        });
    ASSERT_FALSE(run.screen.empty());
    EXPECT_EQ(run.screen.back(), '\n') << signals << " signal(s): " << run.screen;
    if (signals == 1) {
      ASSERT_TRUE(WIFEXITED(run.status)) << run.screen;
      EXPECT_EQ(WEXITSTATUS(run.status), 5) << run.screen;
      EXPECT_NE(run.screen.find("interrupted by SIGINT"), std::string::npos) << run.screen;
    }
  }
}

}  // namespace
}  // namespace cn
