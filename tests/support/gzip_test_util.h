// Test helper: gzip-compresses bytes with zlib (for .xml.gz sitemaps and the
// gzip-bomb fault).
#pragma once

#include <zlib.h>

#include <cstring>
#include <string>
#include <string_view>

namespace cn::testing {

inline std::string Gzip(std::string_view data) {
  z_stream s;
  std::memset(&s, 0, sizeof s);
  deflateInit2(&s, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&s, data.size()) + 64, '\0');
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  s.avail_in = static_cast<uInt>(data.size());
  s.next_out = reinterpret_cast<Bytef*>(out.data());
  s.avail_out = static_cast<uInt>(out.size());
  deflate(&s, Z_FINISH);
  out.resize(s.total_out);
  deflateEnd(&s);
  return out;
}

}  // namespace cn::testing
