// DecodedStream: the bytes of a WARC file as the record parser sees them —
// gzip undone, member after member — through a window that slides forward,
// so memory does not grow with the file.
//
// Positions are offsets in the decoded stream (the file's own bytes when it
// is not compressed). Besides bytes it knows:
//   - where each gzip member starts, in the file and in the stream, so a
//     record can be located in the compressed file;
//   - breaks: stream positions where decoded data is missing (a corrupt or
//     truncated member's output is dropped, junk between members skipped).
//     Bytes on the two sides of a break do not belong together, so a record
//     that spans one is not a record.
// Problems are WarcIssues naming the input and the file byte.
//
// Part of WarcReader (warc_reader.h); not meant for other callers.
// Not thread-safe. No <expected>.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "pipeline/warc/byte_source.h"
#include "pipeline/warc/warc_reader.h"
#include "pipeline/web/gzip_stream.h"

namespace cn {

class DecodedStream {
 public:
  DecodedStream(ByteSource& source, uint64_t start_offset, uint64_t start_stream_offset);

  // Makes at least `n` bytes from Tell() available, fewer only at the end of
  // the input. Returns how many are available.
  size_t Fill(size_t n);
  const char* data() const { return buf_.data() + pos_; }
  size_t available() const { return end_ - pos_; }
  uint64_t Tell() const { return buf_offset_ + pos_; }
  // Consumes `n` available bytes.
  void Skip(size_t n) { pos_ += n; }
  // True when nothing is left and nothing more will come.
  bool AtEnd() { return Fill(1) == 0; }

  // The first break strictly between stream positions `from` and `to`, or
  // UINT64_MAX: bytes [from, to) span it when there is one.
  uint64_t BreakIn(uint64_t from, uint64_t to) const;
  // True when stream position `at` is a break or the start of a member:
  // a record may start there without a line break before it.
  bool IsFreshStart(uint64_t at) const;

  struct Member {
    uint64_t file_offset = 0;  // file byte of the member (of `at` itself when not compressed)
    bool starts_here = false;  // `at` is the member's first decoded byte
  };
  // Where stream position `at` (not before the last Forget()) is in the file.
  Member MemberAt(uint64_t at) const;
  // Positions before `at` will not be asked about again.
  void Forget(uint64_t at);

  WarcCompression compression() const { return compression_; }
  uint64_t bytes_read() const { return file_read_; }
  const std::string& source_error() const { return source_.error(); }
  const std::string& input_name() const { return source_.name(); }
  std::vector<WarcIssue>& issues() { return issues_; }

 private:
  enum class GzipState { kBetweenMembers, kInMember, kSeeking };
  void MakeRoom(size_t n);
  void Produce();
  void ProducePlain();
  void ProduceGzip();
  bool RefillInput(size_t want);
  void DropBrokenMember(const std::string& why);
  void AddBreak(uint64_t at);
  void Issue(uint64_t file_offset, const std::string& what);
  uint64_t StreamEnd() const { return buf_offset_ + end_; }
  uint64_t InputFileOffset(size_t index) const { return in_offset_ + index; }

  ByteSource& source_;
  WarcCompression compression_ = WarcCompression::kUnknown;
  bool eof_ = false;         // no more decoded bytes will come
  bool source_eof_ = false;  // the source has nothing more
  uint64_t file_read_ = 0;   // bytes taken from the source, from start_offset on

  // Decoded bytes [pos_, end_) of buf_; buf_[0] is stream position buf_offset_.
  std::vector<char> buf_;
  size_t pos_ = 0, end_ = 0;
  uint64_t buf_offset_ = 0;

  // Compressed input [in_pos_, in_end_) of in_; in_[0] is file byte in_offset_.
  std::vector<char> in_;
  size_t in_pos_ = 0, in_end_ = 0;
  uint64_t in_offset_ = 0;

  GzipMemberInflater inflater_;
  GzipState state_ = GzipState::kBetweenMembers;
  uint64_t member_file_start_ = 0;    // the member being inflated
  uint64_t member_stream_start_ = 0;
  uint64_t seek_began_ = 0;           // kSeeking: where the bytes being skipped began
  bool seeking_after_error_ = false;  // kSeeking: the broken member was reported already

  struct MemberStart {
    uint64_t file_offset = 0;
    uint64_t stream_start = 0;
  };
  std::deque<MemberStart> members_;  // in order; the first may start before the window
  std::deque<uint64_t> breaks_;      // in order
  uint64_t start_offset_ = 0;
  std::vector<WarcIssue> issues_;
};

}  // namespace cn
