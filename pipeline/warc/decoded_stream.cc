#include "pipeline/warc/decoded_stream.h"

#include <algorithm>
#include <cstring>

namespace cn {
namespace {

constexpr size_t kReadPiece = 256u << 10;       // bytes asked of the source at a time
constexpr size_t kMinRoom = 256u << 10;         // free decoded space before producing more
constexpr size_t kInputCapacity = 1u << 20;     // compressed bytes kept (a member's, for rescanning)

}  // namespace

DecodedStream::DecodedStream(ByteSource& source, uint64_t start_offset, uint64_t start_stream_offset)
    : source_(source),
      buf_(1u << 20),
      buf_offset_(start_stream_offset),
      in_(kInputCapacity),
      in_offset_(start_offset),
      start_offset_(start_offset) {
  // The place reading starts at is a fresh start (a record may begin there).
  breaks_.push_back(start_stream_offset);
}

size_t DecodedStream::Fill(size_t n) {
  while (end_ - pos_ < n && !eof_) {
    MakeRoom(n);
    Produce();
  }
  return end_ - pos_;
}

void DecodedStream::MakeRoom(size_t n) {
  if (buf_.size() - end_ >= kMinRoom && buf_.size() - pos_ >= n) return;
  // Slide the unread bytes to the front: done only when the tail is short,
  // so each byte is moved about once.
  if (pos_ > 0) {
    std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
    buf_offset_ += pos_;
    end_ -= pos_;
    pos_ = 0;
  }
  const size_t want = std::max(n, end_) + kMinRoom;
  if (buf_.size() < want) buf_.resize(std::max(want, buf_.size() * 2));
}

void DecodedStream::Produce() {
  if (compression_ == WarcCompression::kUnknown) {
    RefillInput(2);
    const size_t have = in_end_ - in_pos_;
    if (have == 0) {
      eof_ = true;
      return;
    }
    const auto* b = reinterpret_cast<const unsigned char*>(in_.data() + in_pos_);
    if (have >= 2 && b[0] == 0x1f && b[1] == 0x8b) {
      compression_ = WarcCompression::kGzip;
    } else {
      // Not compressed: what was read is the first decoded data.
      compression_ = WarcCompression::kNone;
      std::memcpy(buf_.data() + end_, in_.data() + in_pos_, have);
      end_ += have;
      in_pos_ = in_end_;
      return;
    }
  }
  if (compression_ == WarcCompression::kNone) ProducePlain();
  else ProduceGzip();
}

void DecodedStream::ProducePlain() {
  const size_t n = source_.Read(buf_.data() + end_, buf_.size() - end_);
  if (n == 0) {
    eof_ = true;
    return;
  }
  end_ += n;
  file_read_ += n;
}

bool DecodedStream::RefillInput(size_t want) {
  while (in_end_ - in_pos_ < want && !source_eof_) {
    if (in_.size() - in_end_ < kReadPiece) {
      // Keep the current member's bytes when they fit: after a corrupt
      // member the next one is looked for right after its start.
      size_t keep = in_pos_;
      if (state_ == GzipState::kInMember && member_file_start_ >= in_offset_) {
        const size_t member_index = static_cast<size_t>(member_file_start_ - in_offset_);
        if (in_end_ - member_index + kReadPiece <= in_.size()) keep = std::min(keep, member_index);
      }
      std::memmove(in_.data(), in_.data() + keep, in_end_ - keep);
      in_offset_ += keep;
      in_pos_ -= keep;
      in_end_ -= keep;
    }
    const size_t n = source_.Read(in_.data() + in_end_, std::min(kReadPiece, in_.size() - in_end_));
    if (n == 0) {
      source_eof_ = true;
      break;
    }
    in_end_ += n;
    file_read_ += n;
  }
  return in_end_ - in_pos_ >= want;
}

void DecodedStream::ProduceGzip() {
  switch (state_) {
    case GzipState::kBetweenMembers: {
      RefillInput(3);
      const size_t have = in_end_ - in_pos_;
      if (have == 0) {
        eof_ = true;
        return;
      }
      if (StartsGzipMember(std::string_view(in_.data() + in_pos_, have))) {
        member_file_start_ = InputFileOffset(in_pos_);
        member_stream_start_ = StreamEnd();
        members_.push_back({member_file_start_, member_stream_start_});
        inflater_.Reset();
        state_ = GzipState::kInMember;
        return;
      }
      // Junk after a member (or trailing padding): look for the next one.
      seek_began_ = InputFileOffset(in_pos_);
      seeking_after_error_ = false;
      state_ = GzipState::kSeeking;
      return;
    }
    case GzipState::kSeeking: {
      RefillInput(3);
      const char* d = in_.data();
      size_t i = in_pos_;
      while (i + 3 <= in_end_) {
        const void* hit = std::memchr(d + i, 0x1f, in_end_ - i - 2);
        if (hit == nullptr) {
          i = in_end_ - 2;
          break;
        }
        i = static_cast<size_t>(static_cast<const char*>(hit) - d);
        if (StartsGzipMember(std::string_view(d + i, 3))) {
          if (!seeking_after_error_)
            Issue(seek_began_, "byte " + std::to_string(seek_began_) + ": " +
                                   std::to_string(InputFileOffset(i) - seek_began_) +
                                   " bytes between gzip members are not gzip data; skipped");
          in_pos_ = i;
          AddBreak(StreamEnd());
          state_ = GzipState::kBetweenMembers;
          return;
        }
        ++i;
      }
      in_pos_ = std::max(in_pos_, std::min(i, in_end_));
      if (source_eof_) {
        // Nothing more will come: the rest is not gzip data.
        if (!seeking_after_error_ && InputFileOffset(in_end_) > seek_began_)
          Issue(seek_began_, "byte " + std::to_string(seek_began_) + ": " +
                                 std::to_string(InputFileOffset(in_end_) - seek_began_) +
                                 " bytes after the last gzip member are not gzip data; skipped");
        in_pos_ = in_end_;
        eof_ = true;
        return;
      }
      RefillInput(in_end_ - in_pos_ + 1);
      return;
    }
    case GzipState::kInMember: {
      if (in_pos_ == in_end_) RefillInput(1);
      const size_t have = in_end_ - in_pos_;
      GzipMemberInflater::Step step =
          inflater_.Inflate(in_.data() + in_pos_, have, buf_.data() + end_, buf_.size() - end_);
      in_pos_ += step.consumed;
      end_ += step.produced;
      if (step.status == GzipMemberInflater::Status::kMemberEnd) {
        state_ = GzipState::kBetweenMembers;
      } else if (step.status == GzipMemberInflater::Status::kError) {
        DropBrokenMember("corrupt gzip data (" + inflater_.error() + ")");
      } else if (step.consumed == 0 && step.produced == 0) {
        // No progress with output room: only the lack of input explains it.
        if (have == 0 && source_eof_) DropBrokenMember("the input ends inside it (truncated)");
        else if (have > 0) DropBrokenMember("inflate made no progress");
      }
      return;
    }
  }
}

void DecodedStream::DropBrokenMember(const std::string& why) {
  Issue(member_file_start_, "gzip member at byte " + std::to_string(member_file_start_) + ": " + why +
                                "; the record in it is skipped");
  // The member's decoded bytes not yet consumed go: they end mid-record or
  // are garbage, and must not join the next member's record.
  const uint64_t cut = std::max(Tell(), member_stream_start_);
  end_ = static_cast<size_t>(cut - buf_offset_);
  AddBreak(cut);
  // The next member is looked for from the byte after this one's start.
  if (member_file_start_ + 1 >= in_offset_ && member_file_start_ + 1 <= InputFileOffset(in_end_))
    in_pos_ = static_cast<size_t>(member_file_start_ + 1 - in_offset_);
  seek_began_ = InputFileOffset(in_pos_);
  seeking_after_error_ = true;
  state_ = GzipState::kSeeking;
}

void DecodedStream::AddBreak(uint64_t at) {
  if (breaks_.empty() || breaks_.back() < at) breaks_.push_back(at);
}

void DecodedStream::Issue(uint64_t file_offset, const std::string& what) {
  issues_.push_back({file_offset, source_.name() + ": " + what});
}

uint64_t DecodedStream::BreakIn(uint64_t from, uint64_t to) const {
  for (uint64_t b : breaks_)
    if (b > from && b < to) return b;
  return UINT64_MAX;
}

bool DecodedStream::IsFreshStart(uint64_t at) const {
  for (uint64_t b : breaks_)
    if (b == at) return true;
  for (const MemberStart& m : members_)
    if (m.stream_start == at) return true;
  return false;
}

DecodedStream::Member DecodedStream::MemberAt(uint64_t at) const {
  if (compression_ != WarcCompression::kGzip) return {at, true};  // not compressed: stream and file bytes coincide
  const MemberStart* found = nullptr;
  for (const MemberStart& m : members_) {
    if (m.stream_start > at) break;
    found = &m;
  }
  if (found == nullptr) return {start_offset_, false};
  return {found->file_offset, found->stream_start == at};
}

void DecodedStream::Forget(uint64_t at) {
  while (members_.size() >= 2 && members_[1].stream_start <= at) members_.pop_front();
  while (!breaks_.empty() && breaks_.front() < at) breaks_.pop_front();
}

}  // namespace cn
