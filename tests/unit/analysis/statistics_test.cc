#include "analysis/statistics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "analysis/rank_distributions.h"

namespace perfgate {
namespace {

// Reference p-values: scipy.stats.mannwhitneyu(x, y) (method "exact" / "asymptotic" with
// use_continuity=True), cross-checked by enumerating every ordering of the pooled values.

TEST(MedianTest, OddCountIsTheMiddleValue) {
  std::vector<double> values = {5, 1, 3};
  EXPECT_EQ(Median(values), 3);
}

TEST(MedianTest, EvenCountIsTheMeanOfTheMiddleTwo) {
  std::vector<double> values = {4, 1, 3, 2};
  EXPECT_EQ(Median(values), 2.5);
}

TEST(MedianTest, SingleValue) {
  std::vector<double> values = {0.125};
  EXPECT_EQ(Median(values), 0.125);
}

TEST(MedianTest, EmptyIsNaN) { EXPECT_TRUE(std::isnan(Median({}))); }

TEST(MannWhitneyUTest, SeparatedSamplesOfFiveExact) {
  std::vector<double> x = {1, 2, 3, 4, 5};
  std::vector<double> y = {6, 7, 8, 9, 10};
  MannWhitneyResult result = MannWhitneyU(x, y);
  EXPECT_TRUE(result.exact);
  EXPECT_EQ(result.u, 0);
  EXPECT_NEAR(result.p_value, 0.007936507936507936, 1e-12);
}

TEST(MannWhitneyUTest, SymmetricInItsArguments) {
  std::vector<double> x = {1, 2, 3, 4, 5};
  std::vector<double> y = {6, 7, 8, 9, 10};
  MannWhitneyResult result = MannWhitneyU(y, x);
  EXPECT_EQ(result.u, 25);
  EXPECT_NEAR(result.p_value, 0.007936507936507936, 1e-12);
}

TEST(MannWhitneyUTest, ThreeVersusThreeCannotGoBelowOneTenth) {
  std::vector<double> x = {1, 2, 3};
  std::vector<double> y = {4, 5, 6};
  EXPECT_NEAR(MannWhitneyU(x, y).p_value, 0.1, 1e-12);
}

TEST(MannWhitneyUTest, InterleavedUnequalSizesExact) {
  std::vector<double> x = {1.1, 2.5, 3.2, 4.8, 6.0};
  std::vector<double> y = {2.0, 3.9, 5.5, 7.1, 8.3, 9.0};
  MannWhitneyResult result = MannWhitneyU(x, y);
  EXPECT_TRUE(result.exact);
  EXPECT_EQ(result.u, 7);
  EXPECT_NEAR(result.p_value, 0.1774891774891775, 1e-12);
}

TEST(MannWhitneyUTest, CentralStatisticGivesOne) {
  std::vector<double> x = {10, 30, 20};
  std::vector<double> y = {25, 15, 5, 35};
  EXPECT_EQ(MannWhitneyU(x, y).p_value, 1);
}

TEST(MannWhitneyUTest, TiesUseNormalApproximationWithTieCorrection) {
  std::vector<double> x = {1, 2, 2, 3, 4};
  std::vector<double> y = {2, 3, 5, 6, 6, 7};
  MannWhitneyResult result = MannWhitneyU(x, y);
  EXPECT_FALSE(result.exact);
  EXPECT_EQ(result.u, 4.5);
  EXPECT_NEAR(result.p_value, 0.06414661873440443, 1e-12);
}

TEST(MannWhitneyUTest, LargeSamplesUseNormalApproximation) {
  std::vector<double> x, y;
  // 60 per side: x_i > y_j when i >= j + 2, so U = 1 + ... + 58 = 1711; mean 1800,
  // variance 60 * 60 * 121 / 12 = 36300; z = (89 - 0.5) / sqrt(36300).
  for (int i = 0; i < 60; ++i) {
    x.push_back(2.0 * i);
    y.push_back(2.0 * i + 3);
  }
  MannWhitneyResult result = MannWhitneyU(x, y);
  EXPECT_FALSE(result.exact);
  EXPECT_EQ(result.u, 1711);
  EXPECT_NEAR(result.p_value, 0.6422863113297959, 1e-12);
}

TEST(MannWhitneyUTest, LargestExactSizeStaysExact) {
  std::vector<double> x, y;
  for (size_t i = 0; i < kMaxExactRankSize; ++i) {
    x.push_back(static_cast<double>(i));
    y.push_back(static_cast<double>(i + kMaxExactRankSize));
  }
  MannWhitneyResult result = MannWhitneyU(x, y);
  EXPECT_TRUE(result.exact);
  // 2 / C(100, 50), about 2e-29: compared relatively.
  EXPECT_NEAR(result.p_value / MinimumTwoSidedP(x.size(), y.size()), 1, 1e-9);
}

TEST(MannWhitneyUTest, AllValuesTiedGivesOne) {
  std::vector<double> x = {3, 3, 3};
  std::vector<double> y = {3, 3};
  EXPECT_EQ(MannWhitneyU(x, y).p_value, 1);
}

TEST(MannWhitneyUTest, EmptySideGivesNaN) {
  std::vector<double> x = {1, 2};
  EXPECT_TRUE(std::isnan(MannWhitneyU(x, {}).p_value));
  EXPECT_TRUE(std::isnan(MannWhitneyU({}, x).p_value));
}

TEST(MinimumTwoSidedPTest, IsTwoOverTheNumberOfOrderings) {
  EXPECT_NEAR(MinimumTwoSidedP(3, 3), 0.1, 1e-12);        // 2 / C(6, 3)
  EXPECT_NEAR(MinimumTwoSidedP(4, 4), 2.0 / 70, 1e-12);   // 2 / C(8, 4)
  EXPECT_NEAR(MinimumTwoSidedP(3, 4), 2.0 / 35, 1e-12);   // 2 / C(7, 3)
  EXPECT_NEAR(MinimumTwoSidedP(5, 5), 2.0 / 252, 1e-12);  // 2 / C(10, 5)
}

TEST(MinimumTwoSidedPTest, CappedAtOne) {
  EXPECT_EQ(MinimumTwoSidedP(1, 1), 1);
  EXPECT_EQ(MinimumTwoSidedP(0, 5), 1);
}

}  // namespace
}  // namespace perfgate
