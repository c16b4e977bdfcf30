#include "pipeline/cli/progress_display.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

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

TEST(ProgressDisplayTest, VerboseAddsALinePerSourceAndArticle) {
  std::string out = Render(false, Verbosity::kVerbose);
  EXPECT_NE(out.find("ingest: source Demo Ledger\n"), std::string::npos) << out;
  EXPECT_NE(out.find("ingest: new       https://x.example/a (3 figures)\n"), std::string::npos) << out;
  EXPECT_NE(out.find("ingest: unchanged https://x.example/c (0 figures)\n"), std::string::npos) << out;
}

}  // namespace
}  // namespace cn
