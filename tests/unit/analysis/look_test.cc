#include "analysis/look.h"

#include <gtest/gtest.h>

namespace perfgate {
namespace {

// Reference levels: alpha(t) = 2 - 2 Phi(z_{0.995} / sqrt(t)) from Python's
// statistics.NormalDist: alpha(0.5) = 0.000269716956631, alpha(0.3) = 2.566185424e-6,
// alpha(0.6) = 0.000883, so the look at 6 after 3 of 10 gets 0.000880410601927.

Comparison WithVerdicts(std::initializer_list<Verdict> verdicts) {
  Comparison comparison;
  for (Verdict verdict : verdicts) {
    SeriesComparison s;
    s.verdict = verdict;
    comparison.series.push_back(s);
  }
  return comparison;
}

TEST(FirstLookLevelTest, SpendsTheWholeLevelWhenNoLookCanFollow) {
  Result<double> level = FirstLookLevel(0.01, 10, 10);
  ASSERT_TRUE(level.has_value());
  EXPECT_EQ(*level, 0.01);
}

TEST(FirstLookLevelTest, AnEarlyLookSpendsLittle) {
  Result<double> level = FirstLookLevel(0.01, 5, 10);
  ASSERT_TRUE(level.has_value());
  EXPECT_NEAR(*level, 0.00026971695663147166, 1e-15);
}

TEST(FirstLookLevelTest, RejectsImpossibleLooks) {
  EXPECT_FALSE(FirstLookLevel(0.01, 0, 10).has_value());
  EXPECT_FALSE(FirstLookLevel(0.01, 11, 10).has_value());
  EXPECT_FALSE(FirstLookLevel(0, 5, 10).has_value());
}

TEST(NextLookTest, InconclusiveSeriesDoubleThePairsWithTheRestOfTheLevel) {
  Result<PairsDecision> decision =
      NextLook(WithVerdicts({Verdict::kUnchanged, Verdict::kInconclusive}), 5, 10, 0.01);
  ASSERT_TRUE(decision.has_value());
  EXPECT_EQ(decision->more_pairs, 5u);
  EXPECT_NEAR(decision->level, 0.009730283043368529, 1e-15);
}

TEST(NextLookTest, DoublingIsCappedAtTheMaximum) {
  Result<PairsDecision> decision = NextLook(WithVerdicts({Verdict::kInconclusive}), 3, 10, 0.01);
  ASSERT_TRUE(decision.has_value());
  EXPECT_EQ(decision->more_pairs, 3u);
  EXPECT_NEAR(decision->level, 0.0008804106019268954, 1e-15);
  decision = NextLook(WithVerdicts({Verdict::kInconclusive}), 6, 10, 0.01);
  ASSERT_TRUE(decision.has_value());
  EXPECT_EQ(decision->more_pairs, 4u);
}

TEST(NextLookTest, StopsWhenNothingIsInconclusiveOrNoPairIsLeft) {
  Comparison settled = WithVerdicts({Verdict::kRegression, Verdict::kUnchanged, Verdict::kMissing});
  EXPECT_EQ(NextLook(settled, 5, 10, 0.01)->more_pairs, 0u);
  EXPECT_EQ(NextLook(WithVerdicts({Verdict::kInconclusive}), 10, 10, 0.01)->more_pairs, 0u);
  EXPECT_EQ(NextLook(Comparison{}, 5, 10, 0.01)->more_pairs, 0u);
}

TEST(NextLookTest, RejectsImpossibleLooks) {
  EXPECT_FALSE(NextLook(Comparison{}, 12, 10, 0.01).has_value());
  EXPECT_FALSE(NextLook(Comparison{}, 5, 10, 1.5).has_value());
}

}  // namespace
}  // namespace perfgate
