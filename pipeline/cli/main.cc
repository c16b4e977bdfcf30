// cryptonews: the thin executable. Parses the command line, runs one
// subcommand, and maps anything thrown to an exit code (the only place
// exceptions are caught).
//
// Besides the subcommands: `cryptonews help [COMMAND]` prints the help of
// cryptonews or of COMMAND (exit 0), `cryptonews version` the version, as
// `--version` does (exit 0). `cryptonews` alone prints the help on stderr
// and exits 2: a script that forgot its command must not look successful.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <string>

#include "extractors/version.h"
#include "pipeline/cli/command.h"
#include "pipeline/cli/exit_codes.h"

namespace {

// Levenshtein distance, for "did you mean …" on a mistyped subcommand.
size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

constexpr const char* kTopFooter =
    "'cryptonews help COMMAND' (or 'cryptonews COMMAND --help') explains one command;\n"
    "'cryptonews version' (or --version) prints the version.\n"
    "Exit codes: 0 ok, 1 partly failed, 2 bad arguments or input, 3 fatal, 4 database busy,\n"
    "5 stopped by a signal, 6 nothing worked (ingest); each command's --help says which it uses.";

// "did you mean" for a word that is not a command; prints the error.
int UnknownCommand(std::string_view word, const std::vector<std::unique_ptr<cn::Command>>& commands) {
  std::string best;
  size_t best_d = 3;
  for (auto& c : commands) {
    size_t d = EditDistance(word, c->Name());
    if (d < best_d) best_d = d, best = std::string(c->Name());
  }
  std::fprintf(stderr, "cryptonews: unknown command '%.*s'", static_cast<int>(word.size()), word.data());
  if (!best.empty()) std::fprintf(stderr, "; did you mean '%s'?", best.c_str());
  std::fprintf(stderr, "\nRun 'cryptonews help' for the list of commands.\n");
  return cn::kExitUsage;
}

int main(int argc, char** argv) {
  auto commands = cn::MakeCommands();
  CLI::App app{"cryptonews: crypto news figures and sentiment into SQLite"};
  app.name("cryptonews");
  app.footer(kTopFooter);
  app.set_version_flag("--version", std::string(cn::kExtractorVersionString));
  app.require_subcommand(1);
  app.fallthrough(false);
  std::vector<std::pair<CLI::App*, cn::Command*>> subs;
  for (auto& c : commands) {
    CLI::App* sub = app.add_subcommand(std::string(c->Name()), std::string(c->Summary()));
    c->Setup(*sub);
    subs.emplace_back(sub, c.get());
  }

  auto is_command = [&](std::string_view word) {
    return std::any_of(commands.begin(), commands.end(), [&](const auto& c) { return c->Name() == word; });
  };
  if (argc == 1) {
    std::fputs(app.help().c_str(), stderr);
    return cn::kExitUsage;
  }
  const std::string_view word = argv[1];
  if (word == "version") {
    if (argc > 2) {
      std::fprintf(stderr, "cryptonews version: takes no arguments\n");
      return cn::kExitUsage;
    }
    std::printf("%s\n", std::string(cn::kExtractorVersionString).c_str());
    return cn::kExitOk;
  }
  if (word == "help") {
    if (argc > 3) {
      std::fprintf(stderr, "cryptonews help: give at most one command\n");
      return cn::kExitUsage;
    }
    if (argc == 2) {
      std::fputs(app.help().c_str(), stdout);
      return cn::kExitOk;
    }
    if (!is_command(argv[2])) return UnknownCommand(argv[2], commands);
    // Exactly what `cryptonews COMMAND --help` prints.
    std::vector<std::string> as_help = {"--help", argv[2]};  // CLI11 wants the words last to first
    try {
      app.parse(as_help);
    } catch (const CLI::ParseError& e) {
      return app.exit(e) == 0 ? cn::kExitOk : cn::kExitUsage;
    }
    return cn::kExitOk;
  }
  // A mistyped subcommand gets a suggestion instead of CLI11's generic error.
  if (word[0] != '-' && !is_command(word)) return UnknownCommand(word, commands);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? cn::kExitOk : cn::kExitUsage;
  }

  try {
    for (auto& [sub, cmd] : subs) {
      if (sub->parsed()) return cmd->Run();
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cryptonews: internal error: %s\n", e.what());
    return cn::kExitFatal;
  }
  return cn::kExitUsage;
}
