#include <gtest/gtest.h>

#include "analysis/comparison.h"

namespace perfgate {
namespace {

TEST(VerdictTest, NamesRoundTrip) {
  for (Verdict verdict : {Verdict::kRegression, Verdict::kImprovement, Verdict::kUnchanged,
                          Verdict::kInconclusive, Verdict::kMissing}) {
    EXPECT_EQ(ParseVerdict(VerdictName(verdict)), verdict) << VerdictName(verdict);
  }
}

TEST(VerdictTest, Names) {
  EXPECT_STREQ(VerdictName(Verdict::kRegression), "regression");
  EXPECT_STREQ(VerdictName(Verdict::kInconclusive), "inconclusive");
}

TEST(VerdictTest, ParseRejectsUnknownNames) {
  EXPECT_EQ(ParseVerdict("Regression"), std::nullopt);
  EXPECT_EQ(ParseVerdict(""), std::nullopt);
}

TEST(StatisticalTestTest, NamesRoundTrip) {
  for (StatisticalTest test :
       {StatisticalTest::kNone, StatisticalTest::kPairedT, StatisticalTest::kSignedRank,
        StatisticalTest::kWelch, StatisticalTest::kMannWhitney}) {
    EXPECT_EQ(ParseTest(TestName(test)), test) << TestName(test);
  }
  EXPECT_STREQ(TestName(StatisticalTest::kPairedT), "paired-t");
  EXPECT_STREQ(TestName(StatisticalTest::kNone), "");
  EXPECT_EQ(ParseTest("t"), std::nullopt);
}

TEST(ComparisonTest, CountsVerdicts) {
  Comparison comparison;
  for (Verdict verdict : {Verdict::kRegression, Verdict::kUnchanged, Verdict::kUnchanged}) {
    SeriesComparison series;
    series.verdict = verdict;
    comparison.series.push_back(series);
  }
  EXPECT_EQ(comparison.Count(Verdict::kRegression), 1u);
  EXPECT_EQ(comparison.Count(Verdict::kUnchanged), 2u);
  EXPECT_EQ(comparison.Count(Verdict::kMissing), 0u);
  EXPECT_TRUE(comparison.HasRegression());
  EXPECT_FALSE(Comparison{}.HasRegression());
}

}  // namespace
}  // namespace perfgate
