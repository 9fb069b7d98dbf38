#include "analysis/normality.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace perfgate {
namespace {

TEST(ScreenNormalityTest, EvenlySpacedValuesPass) {
  // 1..5: mean 3, m2 = 2, m3 = 0, m4 = 34/5 = 6.8; S = 0, K = 6.8 / 4 = 1.7;
  // JB = 5/6 (0 + 1.3^2 / 4) = 0.3520833; p = exp(-JB/2) = 0.8385830.
  std::vector<double> values = {1, 2, 3, 4, 5};
  NormalityScreen screen = ScreenNormality(values);
  EXPECT_NEAR(screen.skewness, 0, 1e-15);
  EXPECT_NEAR(screen.kurtosis, 1.7, 1e-14);
  EXPECT_NEAR(screen.jarque_bera, 0.35208333333333336, 1e-14);
  EXPECT_NEAR(screen.p_value, 0.8385830416490585, 1e-14);
  EXPECT_TRUE(screen.plausible);
}

TEST(ScreenNormalityTest, OneOutlierFails) {
  // Nine 0s and one 5: mean 0.5, m2 = 2.25, m3 = 9, m4 = 41.0625; S = 9 / 3.375 = 8/3,
  // K = 41.0625 / 5.0625 = 73/9; JB = 10/6 (64/9 + (46/9)^2 / 4) = 22.7366255;
  // p = exp(-JB/2) = 1.15559e-5.
  std::vector<double> values = {0, 0, 0, 0, 0, 0, 0, 0, 0, 5};
  NormalityScreen screen = ScreenNormality(values);
  EXPECT_NEAR(screen.skewness, 8.0 / 3, 1e-14);
  EXPECT_NEAR(screen.kurtosis, 73.0 / 9, 1e-13);
  EXPECT_NEAR(screen.jarque_bera, 22.736625514403293, 1e-12);
  EXPECT_NEAR(screen.p_value, 1.1555919318122882e-05, 1e-15);
  EXPECT_FALSE(screen.plausible);
}

TEST(ScreenNormalityTest, TooFewOrConstantValuesAreNotScreened) {
  std::vector<double> two = {1, 2};
  std::vector<double> constant = {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1};
  for (const auto& values : {two, constant}) {
    NormalityScreen screen = ScreenNormality(values);
    EXPECT_TRUE(std::isnan(screen.p_value));
    EXPECT_FALSE(screen.plausible);
  }
}

}  // namespace
}  // namespace perfgate
