#include "analysis/unpaired.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace perfgate {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

std::vector<double> Exp(const std::vector<double>& logs) {
  std::vector<double> values;
  for (double v : logs) values.push_back(std::exp(v));
  return values;
}

TEST(CompareUnpairedTest, FiveVersusFiveExact) {
  // Logs x = 0 .1 .2 .3 .4, y = .15 .35 .5 .6 .7. The 25 differences y - x, sorted:
  // -.25 -.15 -.05 -.05 .05 .05 .1 .15 .15 .2 .2 .25 | .3 | .3 .3 .35 .4 .4 .4 .5 .5 .5 .6
  // .6 .7: median 0.3. 95% interval: k = 3 (U table critical value 2 for 5 vs 5):
  // [D_(3), D_(23)] = [-0.05, 0.6], coverage 1 - 2 P(U <= 2) = 1 - 2 * 4/252.
  // U = #(x > y) = 4; exact p = 2 * 12/252 = 0.0952381 (enumerating the 252 orderings).
  Result<UnpairedComparison> result =
      CompareUnpaired(Exp({0, 0.1, 0.2, 0.3, 0.4}), Exp({0.15, 0.35, 0.5, 0.6, 0.7}));
  ASSERT_TRUE(result.has_value()) << result.error().ToString();
  EXPECT_EQ(result->base_used, 5);
  EXPECT_EQ(result->candidate_used, 5);
  EXPECT_EQ(result->dropped, 0);
  EXPECT_NEAR(result->shift.log_shift, 0.3, 1e-12);
  EXPECT_NEAR(result->shift.change, std::expm1(0.3), 1e-12);
  EXPECT_NEAR(result->shift.log_low, -0.05, 1e-12);
  EXPECT_NEAR(result->shift.log_high, 0.6, 1e-12);
  EXPECT_NEAR(result->shift.confidence, 1 - 8.0 / 252, 1e-12);
  EXPECT_TRUE(result->shift.exact);
  EXPECT_NEAR(result->p_value, 0.09523809523809523, 1e-12);
}

TEST(CompareUnpairedTest, WelchOnLogsWithNormalityScreen) {
  // Logs .1 .. .5 and .3 .. .7: t = 2, df = 8, p = 0.0805162 (see welch_test); both sides
  // are evenly spaced and pass the screen (p = 0.83858, see normality_test).
  Result<UnpairedComparison> result =
      CompareUnpaired(Exp({0.1, 0.2, 0.3, 0.4, 0.5}), Exp({0.3, 0.4, 0.5, 0.6, 0.7}));
  ASSERT_TRUE(result.has_value());
  EXPECT_NEAR(result->welch.t, 2, 1e-9);
  EXPECT_NEAR(result->welch.df, 8, 1e-9);
  EXPECT_NEAR(result->welch.p_value, 0.0805162379572627, 1e-9);
  EXPECT_NEAR(result->base_normality.p_value, 0.8385830416490585, 1e-9);
  EXPECT_TRUE(result->welch_appropriate);
}

TEST(CompareUnpairedTest, AnOutlierMakesWelchInappropriate) {
  std::vector<double> base = {1, 1, 1, 1, 1, 1, 1, 1, 1, std::exp(5.0)};
  std::vector<double> candidate = {1.1, 1.2, 1.3, 1.4, 1.5};
  Result<UnpairedComparison> result = CompareUnpaired(base, candidate);
  ASSERT_TRUE(result.has_value());
  EXPECT_FALSE(result->base_normality.plausible);
  EXPECT_FALSE(result->welch_appropriate);
}

TEST(CompareUnpairedTest, ManyValuesUseTheNormalApproximation) {
  // Logs 0.001 * (1..60) and 0.001 * (11..70): differences 0.001 * (10 + j - i).
  // m = n = 60: mean 1800, sd sqrt(3600 * 121 / 12) = 190.52559,
  // k = floor(1800 - 1.959964 * 190.52559 + 0.5) = 1427, coverage 0.950047.
  // The sorted differences (enumerated) have 1427th smallest 3, 1427th largest 17, median 10.
  std::vector<double> x, y;
  for (int i = 1; i <= 60; ++i) {
    x.push_back(0.001 * i);
    y.push_back(0.001 * (i + 10));
  }
  Result<UnpairedComparison> result = CompareUnpaired(Exp(x), Exp(y));
  ASSERT_TRUE(result.has_value());
  EXPECT_FALSE(result->shift.exact);
  EXPECT_NEAR(result->shift.log_shift, 0.010, 1e-12);
  EXPECT_NEAR(result->shift.log_low, 0.003, 1e-12);
  EXPECT_NEAR(result->shift.log_high, 0.017, 1e-12);
  EXPECT_NEAR(result->shift.confidence, 0.9500470427264741, 1e-9);
}

TEST(CompareUnpairedTest, OneValueEachHasNoFiniteInterval) {
  std::vector<double> base = {2};
  std::vector<double> candidate = {3};
  Result<UnpairedComparison> result = CompareUnpaired(base, candidate);
  ASSERT_TRUE(result.has_value());
  EXPECT_NEAR(result->shift.change, 0.5, 1e-12);
  EXPECT_EQ(result->shift.low, -1);
  EXPECT_EQ(result->shift.high, kInfinity);
  EXPECT_EQ(result->p_value, 1);
  EXPECT_TRUE(std::isnan(result->welch.p_value));
  EXPECT_FALSE(result->welch_appropriate);
}

TEST(CompareUnpairedTest, IdenticalSamplesAreCentredOnZero) {
  std::vector<double> values = {3, 1, 4, 1.5, 5};
  Result<UnpairedComparison> result = CompareUnpaired(values, values);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->shift.change, 0);
  EXPECT_NEAR(result->shift.log_low, -result->shift.log_high, 1e-15);
  EXPECT_LT(result->shift.low, 0);
  EXPECT_EQ(result->p_value, 1);
  EXPECT_EQ(result->welch.t, 0);
  EXPECT_EQ(result->welch.p_value, 1);
}

TEST(CompareUnpairedTest, DropsValuesThatCannotBeLogged) {
  std::vector<double> base = {0, kNaN, -3, 2, kInfinity};
  std::vector<double> candidate = {kNaN, 4};
  Result<UnpairedComparison> result = CompareUnpaired(base, candidate);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->base_used, 1);
  EXPECT_EQ(result->candidate_used, 1);
  EXPECT_EQ(result->dropped, 5);
  EXPECT_NEAR(result->shift.change, 1, 1e-12);
}

TEST(CompareUnpairedTest, AnEmptySideIsAllNaN) {
  std::vector<double> base = {1, 2};
  std::vector<double> candidate = {0, kNaN};
  Result<UnpairedComparison> result = CompareUnpaired(base, candidate);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->candidate_used, 0);
  EXPECT_TRUE(std::isnan(result->shift.change));
  EXPECT_TRUE(std::isnan(result->p_value));
}

TEST(CompareUnpairedTest, RejectsBadConfidence) {
  std::vector<double> values = {1, 2};
  Result<UnpairedComparison> result = CompareUnpaired(values, values, 0);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().kind, ErrorKind::kInvalidInput);
}

}  // namespace
}  // namespace perfgate
