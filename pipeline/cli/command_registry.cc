// The one list of subcommands. Add a line here when adding a command file.
#include "pipeline/cli/command.h"
#include "pipeline/cli/command_article.h"
#include "pipeline/cli/command_crawl.h"
#include "pipeline/cli/command_export.h"
#include "pipeline/cli/command_extract.h"
#include "pipeline/cli/command_ingest.h"
#include "pipeline/cli/command_merge.h"
#include "pipeline/cli/command_query.h"
#include "pipeline/cli/command_reprocess.h"
#include "pipeline/cli/command_sentiment.h"
#include "pipeline/cli/command_sources.h"
#include "pipeline/cli/command_stats.h"
#include "pipeline/cli/command_warc.h"

namespace cn {

std::vector<std::unique_ptr<Command>> MakeCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<IngestCommand>());
  commands.push_back(std::make_unique<ExtractCommand>());
  commands.push_back(std::make_unique<ArticleCommand>());
  commands.push_back(std::make_unique<SentimentCommand>());
  commands.push_back(std::make_unique<WarcCommand>());
  commands.push_back(std::make_unique<MergeCommand>());
  commands.push_back(std::make_unique<ReprocessCommand>());
  commands.push_back(std::make_unique<QueryCommand>());
  commands.push_back(std::make_unique<ExportCommand>());
  commands.push_back(std::make_unique<StatsCommand>());
  commands.push_back(std::make_unique<SourcesCommand>());
  commands.push_back(std::make_unique<CrawlCommand>());
  return commands;
}

}  // namespace cn
