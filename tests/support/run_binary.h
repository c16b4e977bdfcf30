// Test helper: runs the real cryptonews binary and captures its output.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace cn::testing {

struct BinaryResult {
  int exit_code = -1;
  std::string out;  // stdout, and stderr too when merged
};

// Runs `cryptonews ARGS` through the shell. `merge_stderr` appends stderr.
inline BinaryResult RunBinary(const std::string& args, bool merge_stderr = true) {
  std::string cmd = std::string(CRYPTONEWS_BINARY) + " " + args + (merge_stderr ? " 2>&1" : " 2>/dev/null");
  BinaryResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace cn::testing
