#include "report/format.h"

#include <gtest/gtest.h>

#include <limits>

namespace perfgate {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

TEST(FormatValueTest, SecondsInHumanUnits) {
  EXPECT_EQ(FormatValue(0.00123, "s"), "1.23 ms");
  EXPECT_EQ(FormatValue(2.5e-6, "s"), "2.50 µs");
  EXPECT_EQ(FormatValue(1.5, "s"), "1.50 s");
  EXPECT_EQ(FormatValue(0.0123, "s"), "12.3 ms");
  EXPECT_EQ(FormatValue(0.123, "s"), "123 ms");
  EXPECT_EQ(FormatValue(4.2e-8, "s"), "42.0 ns");
  EXPECT_EQ(FormatValue(1234.0, "s"), "1234 s");
}

TEST(FormatValueTest, SecondsRoundingCarriesIntoTheNextUnit) {
  EXPECT_EQ(FormatValue(0.99996, "s"), "1.00 s");
  EXPECT_EQ(FormatValue(0.0099996, "s"), "10.0 ms");
}

TEST(FormatValueTest, ZeroAndNegativeSeconds) {
  EXPECT_EQ(FormatValue(0, "s"), "0 s");
  EXPECT_EQ(FormatValue(-0.002, "s"), "-2.00 ms");
}

TEST(FormatValueTest, RatioAsPercent) {
  EXPECT_EQ(FormatValue(0.0123, "ratio"), "1.23%");
  EXPECT_EQ(FormatValue(0.5, "ratio"), "50.0%");
  EXPECT_EQ(FormatValue(1, "ratio"), "100%");
  EXPECT_EQ(FormatValue(0, "ratio"), "0%");
}

TEST(FormatValueTest, PercentKeepsItsValue) { EXPECT_EQ(FormatValue(12.34, "%"), "12.3%"); }

TEST(FormatValueTest, OtherUnitsFollowTheNumber) {
  EXPECT_EQ(FormatValue(1234.4, "req/s"), "1234 req/s");
  EXPECT_EQ(FormatValue(12.345, "req/s"), "12.3 req/s");
  EXPECT_EQ(FormatValue(0.5, "req/s"), "0.500 req/s");
  EXPECT_EQ(FormatValue(0, "req/s"), "0 req/s");
}

TEST(FormatValueTest, NoUnitIsTheBareNumber) {
  EXPECT_EQ(FormatValue(42, ""), "42.0");
  EXPECT_EQ(FormatValue(9.996, ""), "10.0");
}

TEST(FormatValueTest, UnknownAndInfiniteValues) {
  EXPECT_EQ(FormatValue(kNaN, "s"), "n/a");
  EXPECT_EQ(FormatValue(std::numeric_limits<double>::infinity(), "s"), "inf");
}

TEST(FormatChangeTest, SignedPercentWithOneDecimal) {
  EXPECT_EQ(FormatChange(0.123), "+12.3%");
  EXPECT_EQ(FormatChange(-0.04), "-4.0%");
  EXPECT_EQ(FormatChange(1.0325), "+103.2%");
}

TEST(FormatChangeTest, NoChangeHasNoSign) {
  EXPECT_EQ(FormatChange(0), "0.0%");
  EXPECT_EQ(FormatChange(-0.0001), "0.0%");
}

TEST(FormatChangeTest, UndefinedChange) { EXPECT_EQ(FormatChange(kNaN), "n/a"); }

TEST(FormatChangeTest, Infinite) {
  EXPECT_EQ(FormatChange(kInfinity), "+inf");
  EXPECT_EQ(FormatChange(-kInfinity), "-inf");
}

TEST(FormatIntervalTest, EndsAndCoverage) {
  EXPECT_EQ(FormatInterval(0.0215, 0.0398, 0.951171875), "[+2.1%, +4.0%] 95.1%");
  EXPECT_EQ(FormatInterval(-0.004, 0.011, kNaN), "[-0.4%, +1.1%]");
  EXPECT_EQ(FormatInterval(0, 0, 0.9375), "[0.0%, 0.0%] 93.8%");
}

TEST(FormatIntervalTest, UnboundedAndUnknown) {
  EXPECT_EQ(FormatInterval(-1, kInfinity, 1), "unbounded");
  EXPECT_EQ(FormatInterval(-1, 0.5, 0.9), "unbounded");
  EXPECT_EQ(FormatInterval(kNaN, kNaN, kNaN), "n/a");
}

TEST(FormatPValueTest, ThreeDecimals) {
  EXPECT_EQ(FormatPValue(0.007936507936507936), "0.008");
  EXPECT_EQ(FormatPValue(0.1), "0.100");
  EXPECT_EQ(FormatPValue(1), "1.000");
}

TEST(FormatPValueTest, TinyAndUnknown) {
  EXPECT_EQ(FormatPValue(0.00002), "<0.001");
  EXPECT_EQ(FormatPValue(kNaN), "n/a");
}

TEST(ShortCommitTest, FirstSevenCharacters) {
  EXPECT_EQ(ShortCommit("1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b"), "1a2b3c4");
  EXPECT_EQ(ShortCommit("abc"), "abc");
}

TEST(FormatUtcTimeTest, ToTheSecondInUtc) {
  TimePoint time = TimePoint(std::chrono::milliseconds(1714564805999));
  EXPECT_EQ(FormatUtcTime(time), "2024-05-01 12:00:05 UTC");
}

TEST(FormatElapsedTest, TenthsOfASecondUnderAMinute) {
  EXPECT_EQ(FormatElapsed(std::chrono::milliseconds(260)), "0.3 s");
  EXPECT_EQ(FormatElapsed(std::chrono::milliseconds(12340)), "12.3 s");
  EXPECT_EQ(FormatElapsed(std::chrono::milliseconds(0)), "0.0 s");
}

TEST(FormatElapsedTest, MinutesAndHoursToTheSecond) {
  EXPECT_EQ(FormatElapsed(std::chrono::milliseconds(59960)), "1 min 0 s");
  EXPECT_EQ(FormatElapsed(std::chrono::seconds(75)), "1 min 15 s");
  EXPECT_EQ(FormatElapsed(std::chrono::seconds(3725)), "1 h 2 min 5 s");
}

TEST(FormatElapsedTest, NegativeReadsAsZero) {
  EXPECT_EQ(FormatElapsed(std::chrono::milliseconds(-5)), "0.0 s");
}

TEST(FormatAgoTest, LargestWholeUnit) {
  TimePoint now = TimePoint(std::chrono::hours(500000));
  EXPECT_EQ(FormatAgo(now - std::chrono::milliseconds(400), now), "just now");
  EXPECT_EQ(FormatAgo(now - std::chrono::seconds(12), now), "12 s ago");
  EXPECT_EQ(FormatAgo(now - std::chrono::seconds(199), now), "3 min ago");
  EXPECT_EQ(FormatAgo(now - std::chrono::minutes(150), now), "2 h ago");
  EXPECT_EQ(FormatAgo(now - std::chrono::hours(47), now), "47 h ago");
  EXPECT_EQ(FormatAgo(now - std::chrono::hours(24 * 5 + 3), now), "5 days ago");
}

TEST(FormatAgoTest, FutureTimes) {
  TimePoint now = TimePoint(std::chrono::hours(500000));
  EXPECT_EQ(FormatAgo(now + std::chrono::seconds(180), now), "in 3 min");
}

}  // namespace
}  // namespace perfgate
