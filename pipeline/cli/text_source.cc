#include "pipeline/cli/text_source.h"
#include "pipeline/web/utf8_text.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

namespace cn {

std::expected<TextSource, std::string> TextSource::Open(const std::string& path, size_t piece_limit) {
  TextSource src;
  src.piece_limit_ = piece_limit < 16 ? 16 : piece_limit;
  if (path == "-") {
    src.name_ = "<stdin>";
    src.file_.reset(stdin);
  } else {
    src.name_ = path;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
      return std::unexpected(path + ": cannot open: " + std::strerror(errno));
    if (S_ISDIR(st.st_mode)) return std::unexpected(path + ": is a directory, not a text file");
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) return std::unexpected(path + ": cannot open: " + std::strerror(errno));
    src.file_.reset(f);
  }
  // Look at the first block: text never holds NUL bytes.
  std::string head(8192, '\0');
  size_t n = std::fread(head.data(), 1, head.size(), src.file_.get());
  head.resize(n);
  if (std::ferror(src.file_.get())) return std::unexpected(src.name_ + ": read error: " + std::strerror(errno));
  size_t nul = head.find('\0');
  if (nul != std::string::npos)
    return std::unexpected(src.name_ + ": looks like binary data (NUL byte at offset " +
                           std::to_string(nul) + "), expected UTF-8 text");
  src.pending_ = std::move(head);
  if (n == 0) src.eof_ = true;
  return src;
}

bool TextSource::Next(std::string* piece) {
  piece->clear();
  // Fill until we hold more than one piece's worth or reach the end.
  while (!eof_ && pending_.size() < piece_limit_) {
    size_t old = pending_.size();
    pending_.resize(old + piece_limit_);
    size_t n = std::fread(pending_.data() + old, 1, piece_limit_, file_.get());
    pending_.resize(old + n);
    if (n == 0) {
      if (std::ferror(file_.get())) {
        error_ = name_ + ": read error: " + std::strerror(errno);
        return false;
      }
      eof_ = true;
    }
  }
  if (pending_.empty()) return false;
  size_t cut = pending_.size();
  if (cut > piece_limit_) {
    size_t nl = pending_.rfind('\n', piece_limit_ - 1);
    if (nl != std::string::npos) {
      cut = nl + 1;
    } else {
      cut = utf8::CharacterStartAtOrBefore(pending_, piece_limit_);
      if (cut == 0) cut = piece_limit_;
    }
  }
  piece->assign(pending_, 0, cut);
  pending_.erase(0, cut);
  return true;
}

}  // namespace cn
