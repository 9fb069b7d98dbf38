#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "analysis/comparison.h"

namespace perfgate {
namespace {

using ::testing::HasSubstr;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

ComparisonPolicy Policy(Better better, double relative_threshold = 0.05) {
  ComparisonPolicy policy;
  policy.better = better;
  policy.threshold = {true, relative_threshold};
  return policy;
}

ComparisonPolicy AbsolutePolicy(Better better, double threshold) {
  ComparisonPolicy policy = Policy(better);
  policy.threshold = {false, threshold};
  return policy;
}

const std::vector<double> kLow = {10, 11, 12, 13, 14};   // median 12
const std::vector<double> kHigh = {20, 21, 22, 23, 24};  // median 22

TEST(CompareSeriesTest, HigherValueOfLowerIsBetterMetricIsRegression) {
  SeriesComparison result = CompareSeries(kLow, kHigh, Policy(Better::kLower));
  EXPECT_EQ(result.verdict, Verdict::kRegression);
  EXPECT_EQ(result.base_median, 12);
  EXPECT_EQ(result.candidate_median, 22);
  EXPECT_DOUBLE_EQ(result.change, 10.0 / 12);
  EXPECT_NEAR(result.p_value, 2.0 / 252, 1e-12);
  EXPECT_EQ(result.base_values, kLow);
  EXPECT_EQ(result.candidate_values, kHigh);
  EXPECT_EQ(result.note, "");
}

TEST(CompareSeriesTest, LowerValueOfLowerIsBetterMetricIsImprovement) {
  SeriesComparison result = CompareSeries(kHigh, kLow, Policy(Better::kLower));
  EXPECT_EQ(result.verdict, Verdict::kImprovement);
  EXPECT_DOUBLE_EQ(result.change, -10.0 / 22);
}

TEST(CompareSeriesTest, HigherValueOfHigherIsBetterMetricIsImprovement) {
  EXPECT_EQ(CompareSeries(kLow, kHigh, Policy(Better::kHigher)).verdict, Verdict::kImprovement);
}

TEST(CompareSeriesTest, LowerValueOfHigherIsBetterMetricIsRegression) {
  EXPECT_EQ(CompareSeries(kHigh, kLow, Policy(Better::kHigher)).verdict, Verdict::kRegression);
}

TEST(CompareSeriesTest, SignificantChangeWithinThresholdIsUnchanged) {
  std::vector<double> base = {100.0, 100.1, 100.2, 100.3, 100.4};
  std::vector<double> candidate = {102.0, 102.1, 102.2, 102.3, 102.4};  // +2%, p = 0.008
  SeriesComparison result = CompareSeries(base, candidate, Policy(Better::kLower));
  EXPECT_LT(result.p_value, 0.05);
  EXPECT_EQ(result.verdict, Verdict::kUnchanged);
}

TEST(CompareSeriesTest, ChangeEqualToThresholdIsUnchanged) {
  std::vector<double> base = {4, 4, 4};
  std::vector<double> candidate = {5, 5, 5};  // exactly +25%
  EXPECT_EQ(CompareSeries(base, candidate, Policy(Better::kLower, 0.25)).verdict,
            Verdict::kUnchanged);
}

TEST(CompareSeriesTest, TooFewSamplesIsInconclusiveAndSaysSo) {
  std::vector<double> base = {1, 2, 3};
  std::vector<double> candidate = {4, 5, 6};
  SeriesComparison result = CompareSeries(base, candidate, Policy(Better::kLower));
  EXPECT_EQ(result.verdict, Verdict::kInconclusive);
  EXPECT_EQ(result.note,
            "p = 0.1 with 3 vs 3 samples; the smallest p reachable is 0.1: use more repetitions");
}

TEST(CompareSeriesTest, NoisyChangeIsInconclusiveAndSaysSo) {
  std::vector<double> base = {10, 20, 30, 40, 50};
  std::vector<double> candidate = {15, 25, 35, 45, 55};
  SeriesComparison result = CompareSeries(base, candidate, Policy(Better::kLower));
  EXPECT_EQ(result.verdict, Verdict::kInconclusive);
  EXPECT_THAT(result.note, HasSubstr("with 5 vs 5 samples is not below alpha = 0.05"));
}

TEST(CompareSeriesTest, AlphaComesFromThePolicy) {
  ComparisonPolicy policy = Policy(Better::kLower);
  policy.alpha = 0.001;  // 5 vs 5 samples cannot reach it: the smallest p is 0.0079
  SeriesComparison result = CompareSeries(kLow, kHigh, policy);
  EXPECT_EQ(result.verdict, Verdict::kInconclusive);
  EXPECT_THAT(result.note, HasSubstr("the smallest p reachable is 0.0079"));
}

TEST(CompareSeriesTest, EmptyBaseIsMissing) {
  SeriesComparison result = CompareSeries({}, kHigh, Policy(Better::kLower));
  EXPECT_EQ(result.verdict, Verdict::kMissing);
  EXPECT_TRUE(std::isnan(result.base_median));
  EXPECT_EQ(result.candidate_median, 22);
  EXPECT_TRUE(std::isnan(result.change));
  EXPECT_TRUE(std::isnan(result.p_value));
  EXPECT_EQ(result.note, "the base has no value for this series");
}

TEST(CompareSeriesTest, EmptyCandidateIsMissing) {
  SeriesComparison result = CompareSeries(kLow, {}, Policy(Better::kLower));
  EXPECT_EQ(result.verdict, Verdict::kMissing);
  EXPECT_EQ(result.note, "the candidate has no value for this series");
}

TEST(CompareSeriesTest, NaNValuesAreMissingSamples) {
  std::vector<double> candidate = {kNaN, kNaN};
  SeriesComparison result = CompareSeries(kLow, candidate, Policy(Better::kLower));
  EXPECT_EQ(result.verdict, Verdict::kMissing);
  EXPECT_TRUE(result.candidate_values.empty());

  std::vector<double> with_gap = {20, kNaN, 21, 22, 23, 24};
  EXPECT_EQ(CompareSeries(kLow, with_gap, Policy(Better::kLower)).candidate_values, kHigh);
}

TEST(CompareSeriesTest, BothZeroIsNoChange) {
  std::vector<double> zeros = {0, 0, 0, 0, 0};
  SeriesComparison result = CompareSeries(zeros, zeros, Policy(Better::kLower));
  EXPECT_EQ(result.change, 0);
  EXPECT_EQ(result.verdict, Verdict::kUnchanged);
}

TEST(CompareSeriesTest, ZeroBaseHasUndefinedChangeAndSaysWhy) {
  std::vector<double> zeros = {0, 0, 0, 0, 0};
  std::vector<double> errors = {0.01, 0.02, 0.01, 0.03, 0.02};
  SeriesComparison result = CompareSeries(zeros, errors, Policy(Better::kLower));
  EXPECT_TRUE(std::isnan(result.change));
  EXPECT_EQ(result.verdict, Verdict::kRegression);
  EXPECT_THAT(result.note, HasSubstr("base median is 0"));
}

TEST(CompareSeriesTest, AbsoluteThresholdComparesTheMediansInTheUnit) {
  std::vector<double> base = {0.010, 0.0101, 0.0102, 0.0103, 0.0104};
  std::vector<double> slower = {0.011, 0.0111, 0.0112, 0.0113, 0.0114};       // +1 ms, +9.8%
  std::vector<double> much_slower = {0.015, 0.0151, 0.0152, 0.0153, 0.0154};  // +5 ms
  EXPECT_EQ(CompareSeries(base, slower, AbsolutePolicy(Better::kLower, 0.002)).verdict,
            Verdict::kUnchanged);
  EXPECT_EQ(CompareSeries(base, much_slower, AbsolutePolicy(Better::kLower, 0.002)).verdict,
            Verdict::kRegression);
  EXPECT_EQ(CompareSeries(much_slower, base, AbsolutePolicy(Better::kLower, 0.002)).verdict,
            Verdict::kImprovement);
}

TEST(CompareSeriesTest, AbsoluteThresholdJudgesZeroBase) {
  std::vector<double> zeros = {0, 0, 0, 0, 0};
  std::vector<double> small = {0.001, 0.001, 0.002, 0.001, 0.001};
  EXPECT_EQ(CompareSeries(zeros, small, AbsolutePolicy(Better::kLower, 0.01)).verdict,
            Verdict::kUnchanged);
}

TEST(CompareSeriesTest, CarriesBetterFromPolicy) {
  EXPECT_EQ(CompareSeries(kLow, kHigh, Policy(Better::kHigher)).better, Better::kHigher);
}

}  // namespace
}  // namespace perfgate
