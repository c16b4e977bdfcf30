// What the benchmark process has used so far: CPU seconds of all its threads
// (user + system), the steadier measure on a shared machine, and its peak
// resident memory.
#pragma once

#include <sys/resource.h>

namespace cn::bench {

inline double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

inline long MaxRssKb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

}  // namespace cn::bench
