#include "analysis/paired.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

namespace perfgate {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Candidates base_i * exp(d_i): the pairs' log-ratios are d_i up to rounding.
std::vector<double> Scaled(const std::vector<double>& base, const std::vector<double>& d) {
  std::vector<double> candidate;
  for (size_t i = 0; i < base.size(); ++i) candidate.push_back(base[i] * std::exp(d[i]));
  return candidate;
}

TEST(ComparePairedTest, SixPairsAllSlower) {
  // d = 0.01, 0.02, 0.03, 0.05, 0.08, 0.13. The 21 Walsh averages, sorted by hand:
  // .01 .015 .02 .02 .025 .03 .03 .035 .04 .045 | .05 | .05 .055 .065 .07 .075 .08 .08 .09
  // .105 .13: the median (11th) is 0.05. Exact 95% interval: k = 1 (table: n = 6 has
  // critical value 0), so [W_(1), W_(21)] = [0.01, 0.13] with coverage 1 - 2/64.
  // All signs positive: T+ = 21, exact two-sided p = 2 / 2^6 = 0.03125.
  std::vector<double> base = {100, 200, 50, 80, 120, 90};
  std::vector<double> candidate = Scaled(base, {0.01, 0.02, 0.03, 0.05, 0.08, 0.13});
  Result<PairedComparison> result = ComparePaired(base, candidate);
  ASSERT_TRUE(result.has_value()) << result.error().ToString();
  EXPECT_EQ(result->pairs_used, 6);
  EXPECT_EQ(result->pairs_dropped, 0);
  EXPECT_NEAR(result->shift.log_shift, 0.05, 1e-12);
  EXPECT_NEAR(result->shift.change, std::expm1(0.05), 1e-12);
  EXPECT_NEAR(result->shift.log_low, 0.01, 1e-12);
  EXPECT_NEAR(result->shift.log_high, 0.13, 1e-12);
  EXPECT_NEAR(result->shift.low, std::expm1(0.01), 1e-12);
  EXPECT_NEAR(result->shift.high, std::expm1(0.13), 1e-12);
  EXPECT_DOUBLE_EQ(result->shift.confidence, 0.96875);
  EXPECT_TRUE(result->shift.exact);
  EXPECT_TRUE(result->exact_p_value);
  EXPECT_DOUBLE_EQ(result->p_value, 0.03125);
}

TEST(ComparePairedTest, MirroredDataMirrorsTheResult) {
  std::vector<double> base = {100, 200, 50, 80, 120, 90};
  std::vector<double> candidate = Scaled(base, {0.01, 0.02, 0.03, 0.05, 0.08, 0.13});
  Result<PairedComparison> forward = ComparePaired(base, candidate);
  Result<PairedComparison> backward = ComparePaired(candidate, base);
  ASSERT_TRUE(forward && backward);
  EXPECT_NEAR(backward->shift.log_shift, -forward->shift.log_shift, 1e-12);
  EXPECT_NEAR(backward->shift.log_low, -forward->shift.log_high, 1e-12);
  EXPECT_DOUBLE_EQ(backward->p_value, forward->p_value);
}

TEST(ComparePairedTest, TiesAndZeroUseTheNormalApproximation) {
  // Ratios 2, 2, 1/2, 4, 4, 4, 1: d = ln2 * (1, 1, -1, 2, 2, 2, 0), exactly tied.
  // p: the zero is dropped (n = 6); |d| ranks: ln2 x3 -> 2, 2ln2 x3 -> 5; T+ = 2+2+15 = 19.
  // mean 6*7/4 = 10.5; variance 6*7*13/24 - (24 + 24)/48 = 21.75;
  // z = (|19 - 10.5| - 0.5) / sqrt(21.75) = 1.7153801; p = 2 (1 - Phi(z)) = 0.0862756.
  // Estimate: the 28 Walsh averages in units of ln2, sorted: -1 -.5 0 0 0 .5 x5 1 x6 1.5 x6
  // 2 x6; the median is 1 (ln2: the candidate is twice the base). Interval: n = 7, k = 3
  // (table critical value 2): [W_(3), W_(26)] = [0, 2 ln2], i.e. [+0%, +300%].
  std::vector<double> base = {1, 3, 2, 1, 0.5, 2.5, 7};
  std::vector<double> candidate = {2, 6, 1, 4, 2, 10, 7};
  Result<PairedComparison> result = ComparePaired(base, candidate);
  ASSERT_TRUE(result.has_value());
  EXPECT_FALSE(result->exact_p_value);
  EXPECT_NEAR(result->p_value, 0.0862755695825295, 1e-12);
  EXPECT_NEAR(result->shift.change, 1, 1e-12);
  EXPECT_NEAR(result->shift.low, 0, 1e-12);
  EXPECT_NEAR(result->shift.high, 3, 1e-12);
}

TEST(ComparePairedTest, OnePairHasAnEstimateButNoFiniteInterval) {
  // n = 1: T+ is 0 or 1 with probability 1/2 each; the two-sided p is 1.
  std::vector<double> base = {10};
  std::vector<double> candidate = {12};
  Result<PairedComparison> result = ComparePaired(base, candidate);
  ASSERT_TRUE(result.has_value());
  EXPECT_NEAR(result->shift.change, 0.2, 1e-12);
  EXPECT_EQ(result->shift.low, -1);
  EXPECT_EQ(result->shift.high, kInfinity);
  EXPECT_EQ(result->shift.confidence, 1);
  EXPECT_EQ(result->p_value, 1);
}

TEST(ComparePairedTest, FivePairsReachNinetyButNotNinetyFivePercent) {
  std::vector<double> base = {1, 1, 1, 1, 1};
  std::vector<double> candidate = Scaled(base, {0.1, 0.2, 0.3, 0.4, 0.5});
  Result<PairedComparison> at95 = ComparePaired(base, candidate, 0.95);
  Result<PairedComparison> at90 = ComparePaired(base, candidate, 0.90);
  ASSERT_TRUE(at95 && at90);
  EXPECT_EQ(at95->shift.high, kInfinity);
  EXPECT_NEAR(at90->shift.log_low, 0.1, 1e-12);
  EXPECT_NEAR(at90->shift.log_high, 0.5, 1e-12);
  EXPECT_DOUBLE_EQ(at90->shift.confidence, 0.9375);
  // Exact p with every sign positive: 2 / 2^5.
  EXPECT_DOUBLE_EQ(at95->p_value, 0.0625);
}

TEST(ComparePairedTest, IdenticalSamplesShowNoChange) {
  std::vector<double> values = {3, 1, 4, 1, 5, 9, 2, 6};
  Result<PairedComparison> result = ComparePaired(values, values);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->shift.change, 0);
  EXPECT_EQ(result->shift.low, 0);
  EXPECT_EQ(result->shift.high, 0);
  EXPECT_EQ(result->p_value, 1);
  EXPECT_FALSE(result->exact_p_value);
}

TEST(ComparePairedTest, DropsPairsThatCannotBeLogged) {
  std::vector<double> base = {1, kNaN, 0, -1, 2, 1, 1};
  std::vector<double> candidate = {2, 1, 1, 1, kInfinity, 0, 2};
  Result<PairedComparison> result = ComparePaired(base, candidate);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->pairs_used, 2);
  EXPECT_EQ(result->pairs_dropped, 5);
  EXPECT_NEAR(result->shift.log_shift, std::numbers::ln2, 1e-15);
}

TEST(ComparePairedTest, NoUsablePairIsAllNaN) {
  std::vector<double> base = {0, kNaN};
  std::vector<double> candidate = {1, 1};
  Result<PairedComparison> result = ComparePaired(base, candidate);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->pairs_used, 0);
  EXPECT_EQ(result->pairs_dropped, 2);
  EXPECT_TRUE(std::isnan(result->shift.change));
  EXPECT_TRUE(std::isnan(result->shift.low));
  EXPECT_TRUE(std::isnan(result->p_value));
}

TEST(ComparePairedTest, ManyPairsUseTheNormalApproximation) {
  // d_i = 0.001 i for i = 1..60. k = 649 from the normal approximation (see
  // rank_distributions_test); the Walsh averages of 1..60 have 649th smallest 25.5 and
  // 649th largest 35.5, median 30.5 (enumerated). p: T+ = 1830, mean 915, sd 135.84,
  // z = (1830 - 915 - 0.5) / 135.84, p = erfc(z / sqrt 2) = 1.6713e-11.
  std::vector<double> base(60, 1.0), d;
  for (int i = 1; i <= 60; ++i) d.push_back(0.001 * i);
  Result<PairedComparison> result = ComparePaired(base, Scaled(base, d));
  ASSERT_TRUE(result.has_value());
  EXPECT_FALSE(result->shift.exact);
  EXPECT_NEAR(result->shift.log_shift, 0.0305, 1e-12);
  EXPECT_NEAR(result->shift.log_low, 0.0255, 1e-12);
  EXPECT_NEAR(result->shift.log_high, 0.0355, 1e-12);
  EXPECT_FALSE(result->exact_p_value);
  EXPECT_NEAR(result->p_value / 1.671328569652656e-11, 1, 1e-6);
}

TEST(ComparePairedTest, RejectsMismatchedSidesAndBadConfidence) {
  std::vector<double> two = {1, 2};
  std::vector<double> three = {1, 2, 3};
  Result<PairedComparison> mismatched = ComparePaired(two, three);
  ASSERT_FALSE(mismatched.has_value());
  EXPECT_EQ(mismatched.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(mismatched.error().ToString().find("2 base values but 3 candidate"), std::string::npos);
  EXPECT_FALSE(ComparePaired(two, two, 1.0).has_value());
  EXPECT_FALSE(ComparePaired(two, two, kNaN).has_value());
}

// The paired t-test beside the signed-rank test. Reference values from Python's statistics
// module (mean, stdev) and Student's t through mpmath.betainc.
TEST(ComparePairedTest, NormalLookingLogRatiosMayUseTheTTest) {
  // Jarque–Bera of these ten: S = 0.2048, K = 2.1288, JB = 0.386, p = 0.824: plausible.
  std::vector<double> base = {100, 200, 50, 80, 120, 90, 110, 70, 60, 150};
  std::vector<double> candidate =
      Scaled(base, {0.031, 0.012, 0.044, 0.027, 0.018, 0.039, 0.025, 0.051, 0.022, 0.035});
  Result<PairedComparison> result = ComparePaired(base, candidate);
  ASSERT_TRUE(result.has_value());
  EXPECT_TRUE(result->normality.plausible);
  EXPECT_NEAR(result->normality.jarque_bera, 0.38613590727322006, 1e-9);
  EXPECT_TRUE(result->t_appropriate);
  EXPECT_NEAR(result->t.difference, 0.0304, 1e-12);
  EXPECT_EQ(result->t.df, 9);
  EXPECT_NEAR(result->t.p_value, 2.273941581573096e-05, 1e-11);
  // The signed-rank p is still there, at its floor 2 / 2^10.
  EXPECT_DOUBLE_EQ(result->p_value, 2.0 / 1024);
}

TEST(ComparePairedTest, AnOutlyingPairFailsTheScreen) {
  // One log-ratio of 0.151 among nine near 0.02: S = 2.606, K = 7.925, JB = 21.4, p = 2e-5.
  std::vector<double> base(10, 1.0);
  std::vector<double> candidate =
      Scaled(base, {0.021, 0.012, 0.024, 0.027, 0.018, 0.019, 0.025, 0.151, 0.022, 0.015});
  Result<PairedComparison> result = ComparePaired(base, candidate);
  ASSERT_TRUE(result.has_value());
  EXPECT_FALSE(result->normality.plausible);
  EXPECT_NEAR(result->normality.p_value, 2.2257270857654004e-05, 1e-9);
  EXPECT_FALSE(result->t_appropriate);
}

TEST(ComparePairedTest, TiedLogRatiosCanPassTheScreen) {
  // Ratios 1 x5 and 2 x5: d = 0 or ln 2 exactly. S = 0, K = 1, JB = 5/3, p = 0.4346; t = 3.
  std::vector<double> base(10, 1.0);
  std::vector<double> candidate = {1, 1, 1, 1, 1, 2, 2, 2, 2, 2};
  Result<PairedComparison> result = ComparePaired(base, candidate);
  ASSERT_TRUE(result.has_value());
  EXPECT_NEAR(result->normality.p_value, 0.4345982085070783, 1e-12);
  EXPECT_TRUE(result->t_appropriate);
  EXPECT_NEAR(result->t.p_value, 0.014956363910414204, 1e-12);
}

TEST(ComparePairedTest, FewerThanThreePairsNeverUseTheTTest) {
  std::vector<double> one = {10};
  std::vector<double> one_more = {12};
  Result<PairedComparison> single = ComparePaired(one, one_more);
  ASSERT_TRUE(single.has_value());
  EXPECT_FALSE(single->t_appropriate);
  EXPECT_TRUE(std::isnan(single->t.p_value));
  // Two pairs have a t statistic (1 df) but no screen; equal ratios do not make them sure.
  std::vector<double> base = {4, 8};
  std::vector<double> candidate = {5, 10};
  Result<PairedComparison> pair = ComparePaired(base, candidate);
  ASSERT_TRUE(pair.has_value());
  EXPECT_EQ(pair->t.p_value, 0);
  EXPECT_FALSE(pair->t_appropriate);
}

TEST(ComparePairedTest, EqualLogRatiosOfThreePairsOrMoreAreForTheTTest) {
  // 5/4 = 10/8 = 2.5/2 exactly: every pair moved by +25%.
  std::vector<double> base = {4, 8, 2};
  std::vector<double> candidate = {5, 10, 2.5};
  Result<PairedComparison> shifted = ComparePaired(base, candidate);
  ASSERT_TRUE(shifted.has_value());
  EXPECT_FALSE(shifted->normality.plausible);  // no spread to judge
  EXPECT_TRUE(shifted->t_appropriate);
  EXPECT_EQ(shifted->t.p_value, 0);
  EXPECT_EQ(shifted->t.difference, std::log(1.25));
  Result<PairedComparison> same = ComparePaired(base, base);
  ASSERT_TRUE(same.has_value());
  EXPECT_TRUE(same->t_appropriate);
  EXPECT_EQ(same->t.p_value, 1);
}

TEST(ComparePairedTest, TheTTestSkipsPairsThatCannotBeLogged) {
  // Usable pairs: ratios 2, 2, 4 -> d = ln2 (1, 1, 2): mean 4/3 ln2, se = ln2 / 3, t = 4.
  std::vector<double> base = {1, kNaN, 0, 1, 1, -1};
  std::vector<double> candidate = {2, 1, 1, 2, 4, 1};
  Result<PairedComparison> result = ComparePaired(base, candidate);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->pairs_used, 3);
  EXPECT_NEAR(result->t.difference, 4 * std::numbers::ln2 / 3, 1e-15);
  EXPECT_NEAR(result->t.t, 4, 1e-12);
  EXPECT_EQ(result->t.df, 2);
}

TEST(MinimumPairsForConfidenceTest, Values) {
  // 1 - 2/2^n: n = 5 -> 0.9375, n = 6 -> 0.96875, n = 7 -> 0.984375, n = 8 -> 0.9921875.
  EXPECT_EQ(MinimumPairsForConfidence(0.90), 5);
  EXPECT_EQ(MinimumPairsForConfidence(0.95), 6);
  EXPECT_EQ(MinimumPairsForConfidence(0.99), 8);
  EXPECT_EQ(MinimumPairsForConfidence(0.9375), 5);
}

}  // namespace
}  // namespace perfgate
