#include "base/clock.h"

#include <gtest/gtest.h>

namespace perfgate {
namespace {

TEST(UnixSecondsTest, KeepsMilliseconds) {
  TimePoint time = FromUnixSeconds(1700000000.123);
  EXPECT_DOUBLE_EQ(ToUnixSeconds(time), 1700000000.123);
  EXPECT_EQ(time.time_since_epoch(), std::chrono::duration_cast<TimePoint::duration>(
                                         std::chrono::milliseconds(1700000000123)));
}

TEST(SystemClockTest, IsOneInstanceThatMovesForward) {
  Clock& clock = SystemClock();
  EXPECT_EQ(&clock, &SystemClock());
  TimePoint before = clock.Now();
  clock.SleepFor(std::chrono::milliseconds(1));
  EXPECT_GT(clock.Now(), before);
}

}  // namespace
}  // namespace perfgate
