// ByteClassScanner: where the runs of a class of bytes (word characters,
// letters) begin and end in a text, found 64 bytes at a time. The class of
// each byte is read into a bit mask without branching (16 bytes per step
// with SSE2, which every x86-64 processor has; a table look-up per byte
// elsewhere), and the next member or non-member is a count of trailing
// zeros. A scan that tests one byte per iteration branches at every run's
// end, which the processor mispredicts about once a word; the tokenizers of
// the figure extractor run over every analysed sentence, so that cost is
// theirs.
//
// Same answers as a byte-by-byte scan. Holds a view of the text and a
// reference to the class: both must outlive it. Scans forward; a scan may
// also jump backwards (the mask of a chunk is then read again).
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace cn {

// A class of bytes: a few ranges of ASCII bytes, and optionally every byte
// >= 0x80 (the bytes of UTF-8 beyond ASCII).
class ByteClass {
 public:
  // Ranges are inclusive ("a".."z"); at most kMaxRanges of them.
  constexpr ByteClass(std::initializer_list<std::pair<char, char>> ranges, bool non_ascii = false)
      : non_ascii_(non_ascii) {
    for (const auto& [first, last] : ranges) {
      if (count_ == kMaxRanges) break;
      ranges_[count_++] = {static_cast<unsigned char>(first), static_cast<unsigned char>(last)};
      for (int c = static_cast<unsigned char>(first); c <= static_cast<unsigned char>(last); ++c) table_[c] = true;
    }
    if (non_ascii)
      for (int c = 0x80; c < 256; ++c) table_[c] = true;
  }

  constexpr bool Contains(unsigned char c) const { return table_[c]; }

  // Bit k set where bytes[k] is a member, for k < n <= 64; the `before`
  // bytes before `bytes` may be read too.
  uint64_t Mask(const unsigned char* bytes, size_t n, size_t before) const {
    uint64_t mask = 0;
    size_t k = 0;
#if defined(__SSE2__)
    for (; k + 16 <= n; k += 16) mask |= static_cast<uint64_t>(Mask16(bytes + k)) << k;
    if (k < n && n + before >= 16) {
      // The last bytes: the sixteen that end with them, shifted down.
      const uint32_t bits = Mask16(bytes + n - 16) >> (16 - (n - k));
      return mask | static_cast<uint64_t>(bits) << k;
    }
#endif
    for (; k < n; ++k) mask |= uint64_t{table_[bytes[k]]} << k;
    return mask;
  }

 private:
#if defined(__SSE2__)
  // Bit k set where bytes[k] is a member, for k < 16.
  uint32_t Mask16(const unsigned char* bytes) const {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes));
    __m128i in = _mm_setzero_si128();
    // first <= c <= last: c - first, compared unsigned with the range's size
    // (SSE2 compares signed, so both sides are flipped by 0x80).
    const __m128i flip = _mm_set1_epi8(static_cast<char>(0x80));
    for (size_t r = 0; r < count_; ++r) {
      const __m128i offset = _mm_xor_si128(_mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(ranges_[r].first))), flip);
      const int size = ranges_[r].last - ranges_[r].first + 1;
      in = _mm_or_si128(in, _mm_cmplt_epi8(offset, _mm_set1_epi8(static_cast<char>(size - 128))));
    }
    uint32_t bits = static_cast<uint32_t>(_mm_movemask_epi8(in));
    if (non_ascii_) bits |= static_cast<uint32_t>(_mm_movemask_epi8(v));  // the sign bit is bit 7
    return bits;
  }
#endif

  static constexpr size_t kMaxRanges = 8;
  struct Range {
    unsigned char first = 0, last = 0;
  };
  std::array<Range, kMaxRanges> ranges_{};
  size_t count_ = 0;
  bool non_ascii_ = false;
  std::array<bool, 256> table_{};
};

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
      mask_ = members_.Mask(reinterpret_cast<const unsigned char*>(text_.data() + base), n, base);
      chunk_ = chunk;
    }
    return mask_;
  }

  std::string_view text_;
  const ByteClass& members_;
  size_t chunk_ = SIZE_MAX;
  uint64_t mask_ = 0;
};

}  // namespace cn
