// ReadBoundedFile: the whole of a small input file (a sources file, a hosts
// list), read with a size cap so that `--sources /dev/zero` or a huge file
// by mistake fails at once instead of filling memory.
//
// Reads at most cap + 1 bytes; more than `cap` is an error, as are a
// directory and a file that cannot be opened or read. Messages start with
// the path and call the file by `what` ("sources file"), e.g.
// "/dev/zero: larger than 1 MiB, the limit for a sources file".
//
// Pure function of the file system; thread-safe.
#pragma once

#include <cstddef>
#include <expected>
#include <string>
#include <string_view>

namespace cn {

std::expected<std::string, std::string> ReadBoundedFile(const std::string& path, size_t cap, std::string_view what);

// "1 MiB", "512 KiB", "100 bytes": a cap as a person reads it.
std::string ByteSizeText(size_t bytes);

}  // namespace cn
