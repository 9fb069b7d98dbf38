#include "analysis/reachable_level.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "analysis/statistics.h"

namespace perfgate {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

Config WithScenario(ComparisonMode mode, int max_pairs, int repetitions, double fdr) {
  Config config;
  config.analysis.fdr = fdr;
  ScenarioConfig& scenario = config.scenarios.emplace_back();
  scenario.name = "api";
  scenario.comparison = mode;
  scenario.pairs = std::min(5, max_pairs);
  scenario.max_pairs = max_pairs;
  scenario.repetitions = repetitions;
  return config;
}

TEST(SmallestSignedRankPTest, IsTwoOverTwoToThePairs) {
  EXPECT_EQ(SmallestSignedRankP(0), 1);
  EXPECT_EQ(SmallestSignedRankP(1), 1);
  EXPECT_EQ(SmallestSignedRankP(5), 0.0625);
  EXPECT_EQ(SmallestSignedRankP(10), 2.0 / 1024);
}

TEST(UnreachableLevelCautionsTest, TheDefaultsCanReachTheDefaultLevel) {
  EXPECT_THAT(UnreachableLevelCautions(WithScenario(ComparisonMode::kInterleaved, 10, 5, 0.01)),
              IsEmpty());
  EXPECT_THAT(UnreachableLevelCautions(WithScenario(ComparisonMode::kStored, 10, 5, 0.01)),
              IsEmpty());
}

TEST(UnreachableLevelCautionsTest, FivePairsAtMostCannotReachOnePercent) {
  auto cautions = UnreachableLevelCautions(WithScenario(ComparisonMode::kInterleaved, 5, 5, 0.01));
  ASSERT_EQ(cautions.size(), 1u);
  EXPECT_THAT(cautions[0], HasSubstr("scenarios[0].max_pairs: with 5 pairs at most"));
  EXPECT_THAT(cautions[0], HasSubstr("signed-rank test's smallest p-value is 0.0625"));
  EXPECT_THAT(cautions[0], HasSubstr("make max_pairs at least 8"));  // 2/256 <= 0.01 < 2/128
}

TEST(UnreachableLevelCautionsTest, TheCountNeededFollowsTheLevel) {
  auto cautions = UnreachableLevelCautions(WithScenario(ComparisonMode::kInterleaved, 5, 5, 0.05));
  ASSERT_EQ(cautions.size(), 1u);
  EXPECT_THAT(cautions[0], HasSubstr("make max_pairs at least 6"));  // 2/64 <= 0.05 < 2/32
  EXPECT_THAT(UnreachableLevelCautions(WithScenario(ComparisonMode::kInterleaved, 6, 5, 0.05)),
              IsEmpty());
}

TEST(UnreachableLevelCautionsTest, StoredComparisonsNeedEnoughWindowsPerSide) {
  Config config = WithScenario(ComparisonMode::kInterleaved, 10, 3, 0.01);
  config.scenarios.push_back(WithScenario(ComparisonMode::kStored, 10, 4, 0.01).scenarios[0]);
  auto cautions = UnreachableLevelCautions(config);
  ASSERT_EQ(cautions.size(), 1u);  // the interleaved scenario's repetitions do not count
  EXPECT_THAT(cautions[0], HasSubstr("scenarios[1].repetitions: with 4 windows per side"));
  EXPECT_THAT(cautions[0], HasSubstr("rank-sum test's smallest p-value is 0.0286"));  // 2/70
  EXPECT_THAT(cautions[0], HasSubstr("make repetitions at least 5"));                 // 2/252
}

TEST(UnreachableLevelCautionsTest, ALevelNoCountReachesSaysSo) {
  auto cautions =
      UnreachableLevelCautions(WithScenario(ComparisonMode::kInterleaved, 10, 5, 1e-300));
  ASSERT_EQ(cautions.size(), 1u);
  EXPECT_THAT(cautions[0], HasSubstr("no max_pairs up to 50 can reach it"));
}

}  // namespace
}  // namespace perfgate
