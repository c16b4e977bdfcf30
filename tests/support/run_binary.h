// Test helper: runs the real cryptonews binary and captures its output.
#pragma once

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

namespace cn::testing {

struct BinaryResult {
  int exit_code = -1;
  std::string out;  // stdout, and stderr too when merged
};

// Runs `PREFIX cryptonews ARGS` through the shell. `merge_stderr` appends stderr.
inline BinaryResult RunBinaryWithPrefix(const std::string& prefix, const std::string& args, bool merge_stderr) {
  std::string cmd = prefix + std::string(CRYPTONEWS_BINARY) + " " + args + (merge_stderr ? " 2>&1" : " 2>/dev/null");
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

// Runs `cryptonews ARGS` through the shell. `merge_stderr` appends stderr.
inline BinaryResult RunBinary(const std::string& args, bool merge_stderr = true) {
  return RunBinaryWithPrefix("", args, merge_stderr);
}

// Runs `cryptonews ARGS` as a user who can read `dir` and everything in it
// but write none of it. Root writes everywhere whatever the mode bits say,
// so as root the binary runs as `nobody` (util-linux's setpriv); otherwise
// the directory is made read-only for the run.
inline BinaryResult RunBinaryWithoutWriteAccess(const std::filesystem::path& dir, const std::string& args,
                                                bool merge_stderr = true) {
  namespace fs = std::filesystem;
  const auto readable_dir = fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                            fs::perms::others_read | fs::perms::others_exec;
  const auto readable_file = fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                             fs::perms::others_read;
  fs::permissions(dir, readable_dir);
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    fs::permissions(entry.path(), entry.is_directory() ? readable_dir : readable_file);
  if (geteuid() == 0)
    return RunBinaryWithPrefix("setpriv --reuid=65534 --regid=65534 --clear-groups ", args, merge_stderr);
  fs::permissions(dir, fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                  fs::perm_options::remove);
  BinaryResult r = RunBinary(args, merge_stderr);
  fs::permissions(dir, readable_dir);
  return r;
}

}  // namespace cn::testing
