// A CLI subcommand. Each subcommand is one class in its own file
// (`command_extract.cc`, …), listed once in `command_registry.cc`.
//
// Call order: Setup() declares options on the CLI11 subcommand and opens
// nothing; after parsing, Run() does the work and returns the process exit
// code (see exit_codes.h). Run() reports its errors on stderr itself; an
// exception escaping Run() is a bug in library code and main() maps it to
// kExitFatal.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace cn {

class Command {
 public:
  virtual ~Command() = default;
  virtual std::string_view Name() const = 0;
  virtual std::string_view Summary() const = 0;
  virtual void Setup(CLI::App& sub) = 0;
  virtual int Run() = 0;
};

// Every subcommand, in the order `--help` lists them.
std::vector<std::unique_ptr<Command>> MakeCommands();

}  // namespace cn
