#include "analysis/t_test.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace perfgate {
namespace {

TEST(WelchTTestTest, EqualVariancesGiveAnIntegerDf) {
  // Means 3 and 5, variances 2.5 and 2.5: se = sqrt(0.5 + 0.5) = 1, t = 2,
  // df = 1 / (0.25/4 + 0.25/4) = 8; p = 0.0805162 (A&S 26.7.4, even df closed form).
  std::vector<double> x = {1, 2, 3, 4, 5};
  std::vector<double> y = {3, 4, 5, 6, 7};
  TTestResult result = WelchTTest(x, y);
  EXPECT_NEAR(result.difference, 2, 1e-14);
  EXPECT_NEAR(result.standard_error, 1, 1e-14);
  EXPECT_NEAR(result.t, 2, 1e-14);
  EXPECT_NEAR(result.df, 8, 1e-12);
  EXPECT_NEAR(result.p_value, 0.0805162379572627, 1e-13);
  EXPECT_NEAR(WelchTTest(y, x).t, -2, 1e-14);
}

TEST(WelchTTestTest, UnequalVariancesUseSatterthwaite) {
  // var(x) = 5/3, var(y) = 350; se^2 = 5/12 + 350/6 = 58.75;
  // t = (35 - 2.5) / sqrt(58.75) = 4.2401325;
  // df = 58.75^2 / ((5/12)^2 / 3 + (350/6)^2 / 5) = 5.0712524.
  std::vector<double> x = {1, 2, 3, 4};
  std::vector<double> y = {10, 20, 30, 40, 50, 60};
  TTestResult result = WelchTTest(x, y);
  EXPECT_NEAR(result.t, 4.240132474847375, 1e-12);
  EXPECT_NEAR(result.df, 5.071252444520025, 1e-12);
  EXPECT_GT(result.p_value, 0);
  EXPECT_LT(result.p_value, 0.01);
}

TEST(WelchTTestTest, ConstantSides) {
  std::vector<double> tens = {10, 10, 10};
  std::vector<double> twenties = {20, 20, 20, 20};
  TTestResult different = WelchTTest(tens, twenties);
  EXPECT_EQ(different.t, INFINITY);
  EXPECT_EQ(different.p_value, 0);
  TTestResult same = WelchTTest(tens, tens);
  EXPECT_EQ(same.t, 0);
  EXPECT_EQ(same.p_value, 1);
  // A value that does not sum exactly still counts as constant.
  std::vector<double> tenths = {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1};
  EXPECT_EQ(WelchTTest(tenths, tenths).p_value, 1);
}

TEST(WelchTTestTest, FewerThanTwoValuesIsNaN) {
  std::vector<double> one = {1};
  std::vector<double> three = {1, 2, 3};
  EXPECT_TRUE(std::isnan(WelchTTest(one, three).p_value));
  EXPECT_TRUE(std::isnan(WelchTTest(three, {}).t));
}

// Reference values for the paired tests from Python's statistics module (mean, stdev) and
// Student's t through mpmath.betainc: p = I_{df / (df + t^2)}(df / 2, 1 / 2).
TEST(PairedTTestTest, TenDifferences) {
  // mean 0.0304, sd 0.0120572707, se = sd / sqrt(10) = 0.0038128438, t = 7.9730515, df 9.
  std::vector<double> d = {0.031, 0.012, 0.044, 0.027, 0.018, 0.039, 0.025, 0.051, 0.022, 0.035};
  TTestResult result = PairedTTest(d);
  EXPECT_NEAR(result.difference, 0.0304, 1e-15);
  EXPECT_NEAR(result.standard_error, 0.003812843791421014, 1e-15);
  EXPECT_NEAR(result.t, 7.973051523485094, 1e-11);
  EXPECT_EQ(result.df, 9);
  EXPECT_NEAR(result.p_value, 2.273941581573096e-05, 1e-15);
  // t_{0.975, 9} = 2.2621571628.
  EXPECT_NEAR(THalfWidth(result, 0.95), 2.262157162798205 * 0.003812843791421014, 1e-12);
}

TEST(PairedTTestTest, TwoDifferencesHaveOneDegreeOfFreedom) {
  // mean 0.02, se 0.01, t = 2; with 1 df, p = 1 - (2 / pi) atan(2) = 0.2951672353.
  std::vector<double> d = {0.01, 0.03};
  TTestResult result = PairedTTest(d);
  EXPECT_NEAR(result.t, 2, 1e-12);
  EXPECT_EQ(result.df, 1);
  EXPECT_NEAR(result.p_value, 0.2951672353008665, 1e-12);
}

TEST(PairedTTestTest, TiedDifferences) {
  // Five 0 and five ln 2: mean ln2 / 2, sd 0.3653206, t = 3 exactly, p = 0.0149563639.
  std::vector<double> d(10, 0.0);
  std::fill(d.begin() + 5, d.end(), std::log(2.0));
  TTestResult result = PairedTTest(d);
  EXPECT_NEAR(result.t, 3, 1e-12);
  EXPECT_NEAR(result.p_value, 0.014956363910414204, 1e-12);
}

TEST(PairedTTestTest, ConstantDifferences) {
  // Every pair moved by exactly as much: a sure shift; by nothing: no change.
  std::vector<double> same = {0.1, 0.1, 0.1};
  TTestResult shifted = PairedTTest(same);
  EXPECT_EQ(shifted.difference, 0.1);
  EXPECT_EQ(shifted.standard_error, 0);
  EXPECT_EQ(shifted.t, INFINITY);
  EXPECT_EQ(shifted.p_value, 0);
  EXPECT_EQ(THalfWidth(shifted, 0.99), 0);
  std::vector<double> down = {-0.1, -0.1};
  EXPECT_EQ(PairedTTest(down).t, -INFINITY);
  std::vector<double> zeros = {0, 0, 0, 0};
  TTestResult none = PairedTTest(zeros);
  EXPECT_EQ(none.t, 0);
  EXPECT_EQ(none.p_value, 1);
  EXPECT_EQ(none.df, 3);
}

TEST(PairedTTestTest, FewerThanTwoDifferencesIsNaN) {
  std::vector<double> one = {0.5};
  EXPECT_TRUE(std::isnan(PairedTTest(one).p_value));
  EXPECT_TRUE(std::isnan(PairedTTest({}).t));
  EXPECT_TRUE(std::isnan(THalfWidth(PairedTTest(one), 0.95)));
}

}  // namespace
}  // namespace perfgate
