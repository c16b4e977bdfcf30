// The cursor file of `cryptonews export --cursor FILE`: the highest figure
// id an earlier export has seen, so a tool that polls exports each figure
// once. Figure ids are never reused (schema 0011), so "id > cursor" is
// exactly what was stored since.
//
// Format: the id in decimal and a newline ("1234\n"), nothing else. A
// missing file means "nothing exported yet" (0). The file is replaced
// atomically: written beside it as FILE.tmp, flushed to disk, renamed over
// it, so a crash leaves either the old id or the new one, never a torn file.
//
// Errors name the file. Not thread-safe (one export at a time per file).
#pragma once

#include <cstdint>
#include <expected>
#include <string>

namespace cn {

// The id stored in `path`, 0 when the file does not exist.
std::expected<int64_t, std::string> ReadExportCursor(const std::string& path);

// Stores `id` in `path`, atomically.
std::expected<void, std::string> WriteExportCursor(const std::string& path, int64_t id);

}  // namespace cn
