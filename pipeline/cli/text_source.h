// TextSource: reads article text from a file or stdin in pieces, so that
// extraction runs in bounded memory however large the input.
//
// Pieces end at a line break where one exists within the piece limit
// (sentences never span a line break), else at a UTF-8 character boundary,
// so a multi-byte character is never split.
//
// Open() checks the input first and names it in every error: a missing file,
// a directory, or binary data (a NUL byte in the first block).
#pragma once

#include <cstdio>
#include <expected>
#include <memory>
#include <string>

namespace cn {

class TextSource {
 public:
  // "-" means standard input.
  static std::expected<TextSource, std::string> Open(const std::string& path,
                                                     size_t piece_limit = 1 << 20);

  // Reads the next piece into *piece. Returns false at the end of input;
  // on a read error returns false and sets error().
  bool Next(std::string* piece);
  const std::string& error() const { return error_; }
  const std::string& name() const { return name_; }

 private:
  struct FileCloser {
    void operator()(std::FILE* f) const {
      if (f != nullptr && f != stdin) std::fclose(f);
    }
  };
  std::unique_ptr<std::FILE, FileCloser> file_;
  std::string name_;
  std::string pending_;  // bytes read but not yet handed out
  size_t piece_limit_ = 1 << 20;
  bool eof_ = false;
  std::string error_;
};

}  // namespace cn
