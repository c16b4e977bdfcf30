// Decompression of gzip (and zlib) bodies with a hard cap on the output
// size, for sitemap files served as .xml.gz. A body that would inflate past
// the cap is refused, so a small "gzip bomb" cannot exhaust memory.
//
// Pure functions, thread-safe. No <expected> (reachable from fuzz targets).
#pragma once

#include <string>
#include <string_view>

namespace cn {

// True when `bytes` start with the gzip magic number (1f 8b).
bool LooksGzipped(std::string_view bytes);

// Inflates gzip or zlib data into *out. Returns false with *error set when
// the data is corrupt, truncated, or inflates to more than `max_output_bytes`.
bool GunzipCapped(std::string_view bytes, size_t max_output_bytes, std::string* out, std::string* error);

}  // namespace cn
