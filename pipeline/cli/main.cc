// cryptonews: the thin executable. Parses the command line, runs one
// subcommand, and maps anything thrown to an exit code (the only place
// exceptions are caught).
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

int main(int argc, char** argv) {
  auto commands = cn::MakeCommands();
  CLI::App app{"cryptonews: crypto news figures and sentiment into SQLite"};
  app.set_version_flag("--version", std::string(cn::kExtractorVersionString));
  app.require_subcommand(1);
  app.fallthrough(false);
  std::vector<std::pair<CLI::App*, cn::Command*>> subs;
  for (auto& c : commands) {
    CLI::App* sub = app.add_subcommand(std::string(c->Name()), std::string(c->Summary()));
    c->Setup(*sub);
    subs.emplace_back(sub, c.get());
  }

  // A mistyped subcommand gets a suggestion instead of CLI11's generic error.
  if (argc > 1 && argv[1][0] != '-') {
    std::string_view word = argv[1];
    bool known = std::any_of(commands.begin(), commands.end(),
                             [&](const auto& c) { return c->Name() == word; });
    if (!known) {
      std::string best;
      size_t best_d = 3;
      for (auto& c : commands) {
        size_t d = EditDistance(word, c->Name());
        if (d < best_d) best_d = d, best = std::string(c->Name());
      }
      std::fprintf(stderr, "cryptonews: unknown command '%s'", argv[1]);
      if (!best.empty()) std::fprintf(stderr, "; did you mean '%s'?", best.c_str());
      std::fprintf(stderr, "\nRun 'cryptonews --help' for the list of commands.\n");
      return cn::kExitUsage;
    }
  }

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
