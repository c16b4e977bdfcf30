// The one list of subcommands. Add a line here when adding a command file.
#include "pipeline/command.h"
#include "pipeline/command_article.h"
#include "pipeline/command_extract.h"
#include "pipeline/command_sentiment.h"

namespace cn {

std::vector<std::unique_ptr<Command>> MakeCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<ExtractCommand>());
  commands.push_back(std::make_unique<SentimentCommand>());
  commands.push_back(std::make_unique<ArticleCommand>());
  return commands;
}

}  // namespace cn
