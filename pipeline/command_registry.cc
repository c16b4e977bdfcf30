// The one list of subcommands. Add a line here when adding a command file.
#include "pipeline/command.h"
#include "pipeline/command_crawl.h"
#include "pipeline/command_extract.h"
#include "pipeline/command_sources.h"

namespace cn {

std::vector<std::unique_ptr<Command>> MakeCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<ExtractCommand>());
  commands.push_back(std::make_unique<SourcesCommand>());
  commands.push_back(std::make_unique<CrawlCommand>());
  return commands;
}

}  // namespace cn
