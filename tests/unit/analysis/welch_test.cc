#include "analysis/welch.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace perfgate {
namespace {

TEST(WelchTTestTest, EqualVariancesGiveAnIntegerDf) {
  // Means 3 and 5, variances 2.5 and 2.5: se = sqrt(0.5 + 0.5) = 1, t = 2,
  // df = 1 / (0.25/4 + 0.25/4) = 8; p = 0.0805162 (A&S 26.7.4, even df closed form).
  std::vector<double> x = {1, 2, 3, 4, 5};
  std::vector<double> y = {3, 4, 5, 6, 7};
  WelchResult result = WelchTTest(x, y);
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
  WelchResult result = WelchTTest(x, y);
  EXPECT_NEAR(result.t, 4.240132474847375, 1e-12);
  EXPECT_NEAR(result.df, 5.071252444520025, 1e-12);
  EXPECT_GT(result.p_value, 0);
  EXPECT_LT(result.p_value, 0.01);
}

TEST(WelchTTestTest, ConstantSides) {
  std::vector<double> tens = {10, 10, 10};
  std::vector<double> twenties = {20, 20, 20, 20};
  WelchResult different = WelchTTest(tens, twenties);
  EXPECT_EQ(different.t, INFINITY);
  EXPECT_EQ(different.p_value, 0);
  WelchResult same = WelchTTest(tens, tens);
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

}  // namespace
}  // namespace perfgate
