#include "pipeline/cli/date_flag.h"

#include <chrono>
#include <cstdio>

#include "pipeline/web/since.h"

namespace cn {

bool ReadDateFlag(std::string_view command, std::string_view flag, const std::string& value, std::string* out) {
  out->clear();
  if (value.empty()) return true;
  auto parsed = ParseSince(value, std::chrono::system_clock::now());
  if (!parsed) {
    std::fprintf(stderr, "cryptonews %.*s: %.*s: %s\n", static_cast<int>(command.size()), command.data(),
                 static_cast<int>(flag.size()), flag.data(), parsed.error().c_str());
    return false;
  }
  *out = *parsed;
  return true;
}

}  // namespace cn
