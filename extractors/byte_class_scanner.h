// ByteClassScanner: where the runs of a class of bytes (word characters,
// letters) begin and end in a text, found 64 bytes at a time. The class of
// each byte is read into a bit mask without branching, and the next member
// or non-member is a count of trailing zeros. A scan that tests one byte per
// iteration branches at every run's end, which the processor mispredicts
// about once a word; the tokenizers of the figure extractor run over every
// analysed sentence, so that cost is theirs.
//
// Same answers as a byte-by-byte scan. Holds a view of the text and a
// reference to the class table: both must outlive it. Scans forward; a scan
// may also jump backwards (the mask of a chunk is then read again).
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace cn {

using ByteClass = std::array<bool, 256>;

class ByteClassScanner {
 public:
  ByteClassScanner(std::string_view text, const ByteClass& members) : text_(text), members_(members) {}

  // The first position >= from whose byte is a member; text.size() when none.
  size_t NextMember(size_t from) {
    while (from < text_.size()) {
      const uint64_t bits = MaskAt(from / 64) >> (from % 64);
      if (bits != 0) return from + static_cast<size_t>(std::countr_zero(bits));
      from = (from / 64 + 1) * 64;
    }
    return text_.size();
  }

  // The first position >= from whose byte is not a member; text.size() when none.
  size_t NextNonMember(size_t from) {
    while (from < text_.size()) {
      // Bits past the text's end are 0 in the mask, so they count as non-members.
      const uint64_t bits = ~MaskAt(from / 64) >> (from % 64);
      if (bits != 0) {
        const size_t at = from + static_cast<size_t>(std::countr_zero(bits));
        return at < text_.size() ? at : text_.size();
      }
      from = (from / 64 + 1) * 64;
    }
    return text_.size();
  }

 private:
  // Bit k set where byte 64 * chunk + k is a member.
  uint64_t MaskAt(size_t chunk) {
    if (chunk != chunk_) {
      const size_t base = chunk * 64;
      const size_t n = text_.size() - base < 64 ? text_.size() - base : 64;
      const auto* bytes = reinterpret_cast<const unsigned char*>(text_.data() + base);
      uint64_t mask = 0;
      for (size_t k = 0; k < n; ++k) mask |= uint64_t{members_[bytes[k]]} << k;
      chunk_ = chunk;
      mask_ = mask;
    }
    return mask_;
  }

  std::string_view text_;
  const ByteClass& members_;
  size_t chunk_ = SIZE_MAX;
  uint64_t mask_ = 0;
};

}  // namespace cn
