#include <CLI/CLI.hpp>
#include <gtest/gtest.h>

#include "pipeline/cli/command.h"

#include "tests/support/run_binary.h"

namespace cn {
namespace {

using testing::RunBinary;

TEST(CliTest, UnknownCommandSuggestsTheClosestOne) {
  auto r = RunBinary("extrct");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("did you mean 'extract'"), std::string::npos) << r.out;
}

// `cryptonews` alone shows what it can do, and exits 2 so that a script
// that lost its command does not look successful.
TEST(CliTest, NoCommandPrintsTheHelpAndIsAUsageError) {
  auto r = RunBinary("");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  auto help = RunBinary("--help", false);
  ASSERT_EQ(help.exit_code, 0);
  EXPECT_EQ(r.out, help.out);
  EXPECT_NE(r.out.find("ingest"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("cryptonews help COMMAND"), std::string::npos) << r.out;
}

TEST(CliTest, HelpCommandPrintsTheHelpOfCryptonewsOrOfOneCommand) {
  auto top = RunBinary("help", false);
  EXPECT_EQ(top.exit_code, 0) << top.out;
  EXPECT_EQ(top.out, RunBinary("--help", false).out);
  for (const char* name : {"ingest", "export", "crawl"}) {
    auto one = RunBinary(std::string("help ") + name, false);
    EXPECT_EQ(one.exit_code, 0) << name << ": " << one.out;
    EXPECT_EQ(one.out, RunBinary(std::string(name) + " --help", false).out) << name;
    EXPECT_NE(one.out.find(std::string("Usage: cryptonews ") + name), std::string::npos) << one.out;
  }
  auto unknown = RunBinary("help exprot");
  EXPECT_EQ(unknown.exit_code, 2) << unknown.out;
  EXPECT_NE(unknown.out.find("did you mean 'export'"), std::string::npos) << unknown.out;
}

TEST(CliTest, VersionCommandAndFlagPrintTheVersion) {
  auto command = RunBinary("version", false);
  auto flag = RunBinary("--version", false);
  EXPECT_EQ(command.exit_code, 0) << command.out;
  EXPECT_EQ(flag.exit_code, 0) << flag.out;
  EXPECT_TRUE(command.out.starts_with("cryptonews 0.1.0")) << command.out;
  EXPECT_EQ(command.out, flag.out);
  EXPECT_EQ(RunBinary("version extra").exit_code, 2);
}

TEST(CliTest, ExtractHelpExplainsEveryField) {
  auto r = RunBinary("extract --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* field : {"kind", "asset", "value_high", "unit", "qualifier", "direction", "window",
                            "side", "name", "role", "metric", "start, end", "text"})
    EXPECT_NE(r.out.find(field), std::string::npos) << field;
}

}  // namespace
}  // namespace cn

namespace cn {
namespace {

TEST(CliTest, EverySubcommandHasHelp) {
  auto top = testing::RunBinary("--help");
  ASSERT_EQ(top.exit_code, 0);
  for (const char* name : {"ingest", "extract", "article", "sentiment", "reprocess", "query", "export", "stats",
                           "sources", "crawl"}) {
    EXPECT_NE(top.out.find(name), std::string::npos) << name << " missing from --help";
    auto r = testing::RunBinary(std::string(name) + " --help");
    EXPECT_EQ(r.exit_code, 0) << name;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << name << ": " << r.out;
  }
}

}  // namespace
}  // namespace cn

namespace cn {
namespace {

// No hidden flags: every option a command accepts (as its parser is built)
// appears in that command's --help, with a description.
TEST(CliTest, EveryFlagACommandAcceptsIsInItsHelp) {
  for (auto& command : MakeCommands()) {
    CLI::App app;
    CLI::App* sub = app.add_subcommand(std::string(command->Name()), std::string(command->Summary()));
    command->Setup(*sub);
    auto help = testing::RunBinary(std::string(command->Name()) + " --help", false);
    ASSERT_EQ(help.exit_code, 0) << command->Name();
    for (const CLI::Option* option : sub->get_options()) {
      for (const std::string& name : option->get_lnames()) {
        if (name == "help") continue;
        const std::string flag = "--" + name;
        EXPECT_NE(help.out.find(flag), std::string::npos) << command->Name() << " accepts " << flag
                                                          << " but its --help does not list it";
        EXPECT_FALSE(option->get_group().empty()) << command->Name() << " hides " << flag;
        EXPECT_FALSE(option->get_description().empty()) << command->Name() << " " << flag << " has no description";
      }
    }
  }
}

}  // namespace
}  // namespace cn
