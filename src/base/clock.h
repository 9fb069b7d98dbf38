// Wall-clock time behind an interface, so that code which waits or stamps times can be
// tested with a fake clock instead of sleeps.
//
// Thread-safety: implementations must be safe to call from several threads.
#pragma once

#include <chrono>

namespace perfgate {

using TimePoint = std::chrono::system_clock::time_point;
using Duration = std::chrono::milliseconds;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint Now() = 0;
  virtual void SleepFor(Duration duration) = 0;
};

// The real clock: system_clock for Now(), this_thread::sleep_for for SleepFor().
Clock& SystemClock();

// Seconds since the Unix epoch with millisecond precision (what Prometheus' API takes).
double ToUnixSeconds(TimePoint time);
TimePoint FromUnixSeconds(double seconds);

}  // namespace perfgate
