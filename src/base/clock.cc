#include "base/clock.h"

#include <cmath>
#include <thread>

namespace perfgate {
namespace {

class RealClock final : public Clock {
 public:
  TimePoint Now() override { return std::chrono::system_clock::now(); }
  void SleepFor(Duration duration) override { std::this_thread::sleep_for(duration); }
};

}  // namespace

Clock& SystemClock() {
  static RealClock clock;
  return clock;
}

double ToUnixSeconds(TimePoint time) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch());
  return static_cast<double>(ms.count()) / 1000.0;
}

TimePoint FromUnixSeconds(double seconds) {
  return TimePoint(std::chrono::milliseconds(std::llround(seconds * 1000.0)));
}

}  // namespace perfgate
