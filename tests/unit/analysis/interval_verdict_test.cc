#include "analysis/interval_verdict.h"

#include <gtest/gtest.h>

#include <limits>

namespace perfgate {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kMargin = 0.05;

TEST(IntervalVerdictTest, SignificantAndBeyondTheMargin) {
  // Latency (lower is better) up 10%, interval [4%, 16%]: regression.
  EXPECT_EQ(IntervalVerdict(0.10, 0.04, 0.16, kMargin, Better::kLower), Verdict::kRegression);
  EXPECT_EQ(IntervalVerdict(0.10, 0.04, 0.16, kMargin, Better::kHigher), Verdict::kImprovement);
  EXPECT_EQ(IntervalVerdict(-0.10, -0.16, -0.04, kMargin, Better::kLower), Verdict::kImprovement);
  EXPECT_EQ(IntervalVerdict(-0.10, -0.16, -0.04, kMargin, Better::kHigher), Verdict::kRegression);
}

TEST(IntervalVerdictTest, SignificantButWithinTheMarginIsUnchanged) {
  EXPECT_EQ(IntervalVerdict(0.02, 0.01, 0.03, kMargin, Better::kLower), Verdict::kUnchanged);
}

TEST(IntervalVerdictTest, IntervalInsideTheMarginIsUnchanged) {
  EXPECT_EQ(IntervalVerdict(0.0, -0.049, 0.049, kMargin, Better::kLower), Verdict::kUnchanged);
}

TEST(IntervalVerdictTest, IntervalTouchingTheMarginIsNotUnchanged) {
  EXPECT_EQ(IntervalVerdict(0.0, -0.02, 0.05, kMargin, Better::kLower), Verdict::kInconclusive);
}

TEST(IntervalVerdictTest, SignificantWithTheEstimateWithinTheMarginIsInconclusive) {
  // The interval excludes 0 but reaches beyond the margin, the estimate does not.
  EXPECT_EQ(IntervalVerdict(0.04, 0.01, 0.09, kMargin, Better::kLower), Verdict::kInconclusive);
}

TEST(IntervalVerdictTest, LargeEstimateWithAWideIntervalIsInconclusive) {
  EXPECT_EQ(IntervalVerdict(0.30, -0.10, 0.70, kMargin, Better::kLower), Verdict::kInconclusive);
  EXPECT_EQ(IntervalVerdict(0.30, -1, kInfinity, kMargin, Better::kLower), Verdict::kInconclusive);
}

TEST(IntervalVerdictTest, ZeroMarginNeverSaysUnchanged) {
  EXPECT_EQ(IntervalVerdict(0, 0, 0, 0, Better::kLower), Verdict::kInconclusive);
  EXPECT_EQ(IntervalVerdict(0.01, 0.001, 0.02, 0, Better::kLower), Verdict::kRegression);
}

TEST(IntervalVerdictTest, NaNIsMissing) {
  EXPECT_EQ(IntervalVerdict(kNaN, kNaN, kNaN, kMargin, Better::kLower), Verdict::kMissing);
  EXPECT_EQ(IntervalVerdict(0.1, kNaN, 0.2, kMargin, Better::kLower), Verdict::kMissing);
}

}  // namespace
}  // namespace perfgate
