// Help texts of the flags `ingest` and `crawl` share, so both say the same
// thing about what they mean.
#pragma once

namespace cn {

// --max-articles: per source and per run, like max_articles in sources.toml.
inline constexpr const char* kMaxArticlesHelp =
    "Newest articles fetched per source in this run; overrides every source's max_articles in the sources "
    "file (0 = the file's, 30 when it sets none)";

}  // namespace cn
