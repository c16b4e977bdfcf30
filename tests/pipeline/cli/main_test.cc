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

TEST(CliTest, NoCommandIsAUsageError) {
  auto r = RunBinary("");
  EXPECT_EQ(r.exit_code, 2) << r.out;
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
