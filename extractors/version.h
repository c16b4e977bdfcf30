// The extractor version. Stored with every article so `reprocess` can re-run
// newer extractors over stored text. Bump it whenever any stage's output can
// change for the same input (patterns, lexicons, attribution rules).
#pragma once

#include <string_view>

namespace cn {

inline constexpr int kExtractorVersion = 3;
inline constexpr std::string_view kExtractorVersionString = "cryptonews 0.1.0 (extractors v3)";

}  // namespace cn
