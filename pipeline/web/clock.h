// Clock: where the fetcher and the crawler read the time and wait for it, so
// that tests can drive politeness delays, backoff and Retry-After by hand
// instead of sleeping.
//
// Now() is a monotonic time for delays and deadlines; WallNow() the calendar
// time stamped on results (fetched_at). SleepUntil() is called only when
// nothing but the passing of time can move the caller on; a test clock jumps
// to the deadline at once.
//
// SystemClock() is the process-wide real clock; it is thread-safe. Test
// clocks (tests/support/manual_clock.h) say what they promise themselves.
#pragma once

#include <chrono>

namespace cn {

class Clock {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;

  virtual ~Clock() = default;
  virtual TimePoint Now() = 0;
  virtual std::chrono::system_clock::time_point WallNow() = 0;
  // Returns at the deadline, or earlier (a signal, a real clock's cap on one
  // wait): callers re-check what they wait for and call again.
  virtual void SleepUntil(TimePoint deadline) = 0;
};

// The real clock: steady_clock, system_clock, and nanosleep (which a signal
// interrupts, so a stop request is seen at once).
Clock& SystemClock();

}  // namespace cn
