#include "pipeline/web/bounded_file.h"

#include <filesystem>
#include <fstream>

namespace cn {

std::string ByteSizeText(size_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= (1u << 10) && bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

std::expected<std::string, std::string> ReadBoundedFile(const std::string& path, size_t cap, std::string_view what) {
  const std::string name(what);
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return std::unexpected(path + ": is a directory, not a " + name);
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::unexpected(path + ": cannot open the " + name);
  std::string text(cap + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad()) return std::unexpected(path + ": read error");
  text.resize(static_cast<size_t>(in.gcount()));
  if (text.size() > cap)
    return std::unexpected(path + ": larger than " + ByteSizeText(cap) + ", the limit for a " + name);
  return text;
}

}  // namespace cn
