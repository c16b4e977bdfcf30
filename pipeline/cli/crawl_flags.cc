#include "pipeline/cli/crawl_flags.h"

#include "pipeline/fetch/curl_fetcher.h"

namespace cn {

std::expected<std::string, std::string> ChooseUserAgent(const std::string& user_agent_flag,
                                                        const std::string& contact_flag,
                                                        const CrawlerIdentity& from_file) {
  const std::string rule = ": must be 1 to " + std::to_string(kMaxHeaderTextBytes) + " printable ASCII characters";
  if (!user_agent_flag.empty() && !IsHeaderText(user_agent_flag)) return std::unexpected("--user-agent" + rule);
  if (!contact_flag.empty() && !IsHeaderText(contact_flag)) return std::unexpected("--contact" + rule);
  if (!user_agent_flag.empty()) return user_agent_flag;
  if (!from_file.user_agent.empty()) return from_file.user_agent;
  return DefaultUserAgent(contact_flag.empty() ? from_file.contact : contact_flag);
}

}  // namespace cn
