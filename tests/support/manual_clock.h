// Test helper: a Clock that moves only when told to, or when the code under
// test sleeps (SleepUntil jumps to the deadline at once). Politeness, backoff
// and Retry-After tests then run in milliseconds of real time while the
// delays they check are exact.
//
// Thread-safe: a loopback server's handler threads may read Now() to stamp
// the (fake) time a request arrived.
#pragma once

#include <mutex>
#include <vector>

#include "pipeline/web/clock.h"

namespace cn::testing {

class ManualClock final : public Clock {
 public:
  // Starts at an arbitrary steady time and at 2026-11-20T00:00:00Z on the wall.
  ManualClock() : now_(std::chrono::hours(1000)), wall_(std::chrono::seconds(1795132800)) {}

  TimePoint Now() override {
    std::lock_guard<std::mutex> lock(mutex_);
    return now_;
  }
  std::chrono::system_clock::time_point WallNow() override {
    std::lock_guard<std::mutex> lock(mutex_);
    return wall_ + std::chrono::duration_cast<std::chrono::system_clock::duration>(now_ - start_);
  }
  void SleepUntil(TimePoint deadline) override {
    std::lock_guard<std::mutex> lock(mutex_);
    sleeps_.push_back(deadline - now_);
    if (deadline > now_) now_ = deadline;
  }
  void Advance(std::chrono::milliseconds by) {
    std::lock_guard<std::mutex> lock(mutex_);
    now_ += by;
  }
  // How long each SleepUntil() asked to wait, in call order.
  std::vector<TimePoint::duration> Sleeps() {
    std::lock_guard<std::mutex> lock(mutex_);
    return sleeps_;
  }

 private:
  std::mutex mutex_;
  const TimePoint start_{std::chrono::hours(1000)};
  TimePoint now_;
  std::chrono::system_clock::time_point wall_;
  std::vector<TimePoint::duration> sleeps_;
};

}  // namespace cn::testing
