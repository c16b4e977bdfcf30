// Test helper: reads a file under the source tree (fixtures/...) whole.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace cn::testing {

inline std::string FixturePath(const std::string& relative) {
  return std::string(CRYPTONEWS_SOURCE_DIR) + "/" + relative;
}

inline std::string ReadFixture(const std::string& relative) {
  std::ifstream in(FixturePath(relative), std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace cn::testing
