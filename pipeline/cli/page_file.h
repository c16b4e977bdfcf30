// Reads a saved web page from disk, transparently gunzipping it when the file
// is gzip-compressed (detected by its magic bytes, so "page.html.gz" and a
// mislabelled "page.html" both work). "-" reads standard input.
//
// Errors name the file. The decompressed size is capped so that a gzip bomb
// is an error, not an out-of-memory. Thread-safe.
#pragma once

#include <cstddef>
#include <expected>
#include <string>

namespace cn {

inline constexpr size_t kMaxPageBytes = 64u << 20;  // 64 MiB, after decompression

std::expected<std::string, std::string> ReadPageFile(const std::string& path,
                                                     size_t max_bytes = kMaxPageBytes);

}  // namespace cn
