#include "analysis/detectable_effect.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace perfgate {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(MinimumDetectableEffectTest, TenPairsAtTenPercentSpread) {
  // (z_.975 + z_.8) * sigma / sqrt(n * 3/pi) = (1.959964 + 0.841621) * 0.1 / sqrt(9.549297)
  // = 0.0906605; exp(0.0906605) - 1 = 0.0948972; 1 - exp(-0.0906605) = 0.0866723.
  Result<DetectableEffect> effect = MinimumDetectableEffect(0.1, 10);
  ASSERT_TRUE(effect.has_value());
  EXPECT_NEAR(effect->log_ratio, 0.09066050759535249, 1e-12);
  EXPECT_NEAR(effect->increase, 0.0948972328606577, 1e-12);
  EXPECT_NEAR(effect->decrease, 0.08667227390165011, 1e-12);
}

TEST(MinimumDetectableEffectTest, FourTimesThePairsHalveTheEffect) {
  double ten = MinimumDetectableEffect(0.1, 10)->log_ratio;
  double forty = MinimumDetectableEffect(0.1, 40)->log_ratio;
  EXPECT_NEAR(forty, ten / 2, 1e-12);
}

TEST(MinimumDetectableEffectTest, EdgeCases) {
  EXPECT_EQ(MinimumDetectableEffect(0, 10)->log_ratio, 0);
  EXPECT_EQ(MinimumDetectableEffect(0.1, 0)->increase, std::numeric_limits<double>::infinity());
  EXPECT_EQ(MinimumDetectableEffect(0, 0)->decrease, 1);
}

TEST(MinimumDetectableEffectTest, RejectsBadArguments) {
  EXPECT_FALSE(MinimumDetectableEffect(-0.1, 10).has_value());
  EXPECT_FALSE(MinimumDetectableEffect(kNaN, 10).has_value());
  EXPECT_FALSE(MinimumDetectableEffect(0.1, 10, 0).has_value());
  EXPECT_FALSE(MinimumDetectableEffect(0.1, 10, 0.05, 1).has_value());
}

TEST(TTestDetectableEffectTest, NineDegreesOfFreedom) {
  // (t_{0.975, 9} + t_{0.8, 9}) * 0.01 = (2.2621571628 + 0.8834038597) * 0.01 (mpmath).
  Result<DetectableEffect> effect = TTestDetectableEffect(0.01, 9);
  ASSERT_TRUE(effect.has_value());
  EXPECT_NEAR(effect->log_ratio, 0.031455610224837394, 1e-11);
  EXPECT_NEAR(effect->increase, 0.03195556630335535, 1e-11);
  EXPECT_NEAR(effect->decrease, 0.030966029300879456, 1e-11);
}

TEST(TTestDetectableEffectTest, EdgeCasesAndBadArguments) {
  EXPECT_EQ(TTestDetectableEffect(0, 4)->log_ratio, 0);
  EXPECT_FALSE(TTestDetectableEffect(-0.1, 9).has_value());
  EXPECT_FALSE(TTestDetectableEffect(kNaN, 9).has_value());
  EXPECT_FALSE(TTestDetectableEffect(0.1, 0).has_value());
  EXPECT_FALSE(TTestDetectableEffect(0.1, kNaN).has_value());
  EXPECT_FALSE(TTestDetectableEffect(0.1, 9, 1).has_value());
  EXPECT_FALSE(TTestDetectableEffect(0.1, 9, 0.05, 0).has_value());
}

TEST(RobustScaleTest, IgnoresOneOutlier) {
  // Median 3; absolute deviations 2 1 0 1 97, median 1: scale 1.4826.
  std::vector<double> values = {1, 2, 3, 4, 100};
  EXPECT_NEAR(RobustScale(values), 1.4826, 1e-15);
}

TEST(RobustScaleTest, ConstantSingleAndEmpty) {
  EXPECT_EQ(RobustScale(std::vector<double>{5, 5, 5}), 0);
  EXPECT_EQ(RobustScale(std::vector<double>{5}), 0);
  EXPECT_TRUE(std::isnan(RobustScale({})));
}

}  // namespace
}  // namespace perfgate
