// UrlByteSource: a WARC file read straight from an http(s) URL, streamed
// through the CurlFetcher (fetch/curl_fetcher.h) with its policy: http and https
// only, robots.txt obeyed, private addresses refused except on the first hop
// of this operator-typed URL, redirects checked hop by hop, connect and
// low-speed timeouts (no total timeout: a 1 GB file takes a while), and a
// size cap.
//
// The transfer runs on a thread of its own and hands its pieces to Read()
// through a bounded queue (kUrlQueueBytes), so memory stays flat whatever
// the file's size; a slow reader slows the transfer down. Cannot seek.
//
// Destroying the source stops the transfer. Read() is for one thread.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "pipeline/warc/byte_source.h"

namespace cn {

inline constexpr size_t kUrlQueueBytes = 8u << 20;
inline constexpr uint64_t kMaxWarcDownloadBytes = uint64_t{64} << 30;  // 64 GiB

struct UrlSourceOptions {
  bool allow_private_addresses = false;  // tests on 127.0.0.1 (redirects included)
  std::string user_agent;                // "" sends the fetcher's default, cryptonews/VERSION
  uint64_t max_bytes = kMaxWarcDownloadBytes;
  std::function<bool()> cancelled;  // polled by the transfer (stop signals)
};

class UrlByteSource final : public ByteSource {
 public:
  explicit UrlByteSource(std::string url, UrlSourceOptions options = {});
  ~UrlByteSource() override;
  UrlByteSource(const UrlByteSource&) = delete;
  UrlByteSource& operator=(const UrlByteSource&) = delete;

  size_t Read(char* buffer, size_t capacity) override;
  const std::string& error() const override { return error_; }
  const std::string& name() const override { return url_; }

 private:
  void Transfer();
  bool Push(std::string_view piece);

  std::string url_;
  UrlSourceOptions options_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::string> pieces_;  // guarded by mutex_
  size_t queued_ = 0;               // bytes in pieces_
  size_t front_used_ = 0;           // bytes of pieces_.front() already read
  bool done_ = false;               // the transfer ended (error_ says how)
  bool closing_ = false;            // the reader went away: stop the transfer
  std::string transfer_error_;      // guarded by mutex_ until done_
  std::string error_;               // the reader's copy
  std::thread thread_;
};

}  // namespace cn
