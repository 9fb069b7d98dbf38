#include "analysis/fdr.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace perfgate {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(BenjaminiHochbergTest, HandDerivedExample) {
  // The five non-NaN p-values sorted: .005 .01 .03 .04 .5 (m = 5); m p / rank:
  // .025 .025 .05 .05 .5; running minimum from the largest: .025 .025 .05 .05 .5.
  std::vector<double> p = {0.01, 0.04, 0.03, 0.005, kNaN, 0.5};
  std::vector<double> q = BenjaminiHochbergQValues(p);
  ASSERT_EQ(q.size(), 6);
  EXPECT_NEAR(q[0], 0.025, 1e-15);
  EXPECT_NEAR(q[1], 0.05, 1e-15);
  EXPECT_NEAR(q[2], 0.05, 1e-15);
  EXPECT_NEAR(q[3], 0.025, 1e-15);
  EXPECT_TRUE(std::isnan(q[4]));
  EXPECT_NEAR(q[5], 0.5, 1e-15);
}

TEST(BenjaminiHochbergTest, MonotoneInP) {
  // m p / rank = .04, .021: the smaller p may not get the larger q, so both are .021.
  std::vector<double> q = BenjaminiHochbergQValues(std::vector<double>{0.02, 0.021});
  EXPECT_NEAR(q[0], 0.021, 1e-15);
  EXPECT_NEAR(q[1], 0.021, 1e-15);
}

TEST(BenjaminiHochbergTest, TiesAndCap) {
  std::vector<double> tied = BenjaminiHochbergQValues(std::vector<double>{0.01, 0.01});
  EXPECT_NEAR(tied[0], 0.01, 1e-15);
  EXPECT_NEAR(tied[1], 0.01, 1e-15);
  // 2 * 0.8 / 1 = 1.6 is capped; 2 * 0.9 / 2 = 0.9.
  std::vector<double> capped = BenjaminiHochbergQValues(std::vector<double>{0.9, 0.8});
  EXPECT_NEAR(capped[0], 0.9, 1e-15);
  EXPECT_NEAR(capped[1], 0.9, 1e-15);
}

TEST(BenjaminiHochbergTest, SingleEmptyAndAllNaN) {
  EXPECT_EQ(BenjaminiHochbergQValues(std::vector<double>{0.03}), std::vector<double>{0.03});
  EXPECT_TRUE(BenjaminiHochbergQValues({}).empty());
  std::vector<double> q = BenjaminiHochbergQValues(std::vector<double>{kNaN, kNaN});
  EXPECT_TRUE(std::isnan(q[0]) && std::isnan(q[1]));
}

TEST(FalseCoverageConfidenceTest, OneMinusRqOverM) {
  // Benjamini & Yekutieli (2005): 3 of 20 selected at q = 0.05 -> 1 - 3 * 0.05 / 20.
  EXPECT_NEAR(FalseCoverageConfidence(3, 20, 0.05).value(), 0.9925, 1e-15);
  EXPECT_NEAR(FalseCoverageConfidence(20, 20, 0.05).value(), 0.95, 1e-15);
  // Nothing selected: the level of one selection, 1 - q / m.
  EXPECT_NEAR(FalseCoverageConfidence(0, 20, 0.05).value(), 0.9975, 1e-15);
}

TEST(FalseCoverageConfidenceTest, RejectsImpossibleCounts) {
  EXPECT_EQ(FalseCoverageConfidence(1, 0, 0.05).error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(FalseCoverageConfidence(5, 4, 0.05).error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(FalseCoverageConfidence(1, 4, 0).error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(FalseCoverageConfidence(1, 4, kNaN).error().kind, ErrorKind::kInvalidInput);
}

}  // namespace
}  // namespace perfgate
