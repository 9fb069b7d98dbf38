#include "analysis/rank_distributions.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "analysis/shift_estimate.h"

namespace perfgate {
namespace {

// Brute force: every one of the 2^n sign assignments of the ranks 1..n, equally likely.
std::vector<double> EnumerateSignedRank(size_t n) {
  std::vector<double> counts(n * (n + 1) / 2 + 1, 0);
  for (uint32_t signs = 0; signs < (1u << n); ++signs) {
    size_t sum = 0;
    for (size_t rank = 1; rank <= n; ++rank) {
      if (signs >> (rank - 1) & 1) sum += rank;
    }
    counts[sum] += 1;
  }
  for (double& c : counts) c /= static_cast<double>(1u << n);
  return counts;
}

// Brute force: every placement of m x's among m + n sorted positions, equally likely; U
// counts the y's below each x.
std::vector<double> EnumerateRankSum(size_t m, size_t n) {
  std::vector<double> counts(m * n + 1, 0);
  double orderings = 0;
  for (uint32_t xs = 0; xs < (1u << (m + n)); ++xs) {
    if (static_cast<size_t>(__builtin_popcount(xs)) != m) continue;
    size_t u = 0, ys_below = 0;
    for (size_t position = 0; position < m + n; ++position) {
      if (xs >> position & 1) {
        u += ys_below;
      } else {
        ++ys_below;
      }
    }
    counts[u] += 1;
    orderings += 1;
  }
  for (double& c : counts) c /= orderings;
  return counts;
}

void ExpectSameDistribution(const std::vector<double>& actual,
                            const std::vector<double>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) EXPECT_NEAR(actual[i], expected[i], 1e-15) << i;
}

TEST(SignedRankDistributionTest, MatchesEnumeration) {
  for (size_t n : {0, 1, 2, 5, 9, 14})
    ExpectSameDistribution(SignedRankDistribution(n), EnumerateSignedRank(n));
}

TEST(SignedRankDistributionTest, OnePair) {
  EXPECT_EQ(SignedRankDistribution(1), (std::vector<double>{0.5, 0.5}));
}

TEST(RankSumDistributionTest, MatchesEnumeration) {
  for (auto [m, n] : std::vector<std::pair<size_t, size_t>>{
           {0, 3}, {1, 1}, {1, 4}, {3, 5}, {5, 3}, {6, 6}, {4, 9}}) {
    ExpectSameDistribution(RankSumDistribution(m, n), EnumerateRankSum(m, n));
  }
}

// Critical values of the two-sided 5% signed-rank test, from the standard table (e.g.
// Hollander & Wolfe, table A.4; also reproduced by enumerating 2^n signs): the interval
// uses k = critical value + 1. n = 5 has no critical value: the interval is unbounded.
TEST(ExactIntervalRankTest, SignedRankTable) {
  const std::vector<std::pair<size_t, size_t>> table = {
      {6, 0},   {7, 2},   {8, 3},   {9, 5},   {10, 8},  {11, 10}, {12, 13}, {13, 17},
      {14, 21}, {15, 25}, {16, 29}, {17, 34}, {18, 40}, {19, 46}, {20, 52}};
  for (auto [n, critical] : table) {
    EXPECT_EQ(ExactIntervalRank(SignedRankDistribution(n), 0.95).k, critical + 1) << n;
  }
  EXPECT_EQ(ExactIntervalRank(SignedRankDistribution(5), 0.95).k, 0);
}

TEST(ExactIntervalRankTest, AchievedConfidenceIsReported) {
  // n = 6: P(T+ = 0) = 1/64, so [W_(1), W_(21)] covers with 1 - 2/64 = 0.96875.
  IntervalRank rank = ExactIntervalRank(SignedRankDistribution(6), 0.95);
  EXPECT_EQ(rank.k, 1);
  EXPECT_DOUBLE_EQ(rank.confidence, 0.96875);
  // n = 5 at 90%: 1 - 2/32 = 0.9375 reaches 0.9.
  rank = ExactIntervalRank(SignedRankDistribution(5), 0.90);
  EXPECT_EQ(rank.k, 1);
  EXPECT_DOUBLE_EQ(rank.confidence, 0.9375);
}

TEST(ExactIntervalRankTest, TooFewValuesGiveNoFiniteInterval) {
  IntervalRank rank = ExactIntervalRank(SignedRankDistribution(1), 0.95);
  EXPECT_EQ(rank.k, 0);
  EXPECT_EQ(rank.confidence, 1);
}

// Critical values of the two-sided 5% Mann–Whitney test, from the standard U table (e.g.
// Siegel & Castellan, table J; also reproduced by enumerating the orderings).
TEST(ExactIntervalRankTest, MannWhitneyTable) {
  const std::vector<std::tuple<size_t, size_t, size_t>> table = {
      {3, 5, 0}, {4, 4, 0}, {5, 5, 2}, {4, 6, 2}, {6, 6, 5}, {5, 10, 8}, {8, 8, 13}, {7, 9, 12}};
  for (auto [m, n, critical] : table) {
    EXPECT_EQ(ExactIntervalRank(RankSumDistribution(m, n), 0.95).k, critical + 1)
        << m << " vs " << n;
  }
  EXPECT_EQ(ExactIntervalRank(RankSumDistribution(3, 3), 0.95).k, 0);
}

TEST(NormalIntervalRankTest, FromMeanAndSd) {
  // Signed rank, n = 60: mean 915, sd sqrt(60*61*121/24) = 135.83998;
  // k = floor(915 - 1.959964 * 135.83998 + 0.5) = 649, coverage
  // 1 - 2 Phi((649 - 0.5 - 915) / 135.83998) = 0.950222.
  IntervalRank rank = NormalIntervalRank(915, 135.83997938751315, 0.95);
  EXPECT_EQ(rank.k, 649);
  EXPECT_NEAR(rank.confidence, 0.950222052567406, 1e-9);
  // The exact distribution agrees to within a couple of ranks at this size.
  IntervalRank exact = ExactIntervalRank(SignedRankDistribution(60), 0.95);
  EXPECT_NEAR(static_cast<double>(exact.k), 649, 2);
}

TEST(NormalIntervalRankTest, SmallMeanGivesNoFiniteInterval) {
  EXPECT_EQ(NormalIntervalRank(1, 1, 0.95).k, 0);
}

}  // namespace
}  // namespace perfgate
