#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report/report.h"
#include "unit/report/report_fixture.h"

namespace perfgate {
namespace {

Comparison WithVerdicts(std::initializer_list<Verdict> verdicts) {
  Comparison comparison;
  for (Verdict verdict : verdicts) {
    SeriesComparison series;
    series.verdict = verdict;
    comparison.series.push_back(series);
  }
  return comparison;
}

TEST(SummaryTest, CountsEveryVerdictPresentRegressionsFirst) {
  EXPECT_EQ(Summary(WithVerdicts({Verdict::kUnchanged, Verdict::kImprovement, Verdict::kRegression,
                                  Verdict::kImprovement, Verdict::kUnchanged})),
            "1 regression, 2 improvements, 2 unchanged");
}

TEST(SummaryTest, PluralsAndUninflectedWords) {
  EXPECT_EQ(
      Summary(WithVerdicts({Verdict::kRegression, Verdict::kRegression, Verdict::kInconclusive,
                            Verdict::kInconclusive, Verdict::kMissing, Verdict::kMissing})),
      "2 regressions, 2 inconclusive, 2 missing");
}

TEST(SummaryTest, SaysWhenThereIsNoRegression) {
  EXPECT_EQ(Summary(WithVerdicts({Verdict::kUnchanged, Verdict::kUnchanged})),
            "no regression, 2 unchanged");
  EXPECT_EQ(Summary(WithVerdicts({Verdict::kImprovement})), "no regression, 1 improvement");
}

TEST(SummaryTest, EmptyComparison) { EXPECT_EQ(Summary(Comparison{}), "no series compared"); }

TEST(InReportOrderTest, ActionableVerdictsFirstThenComparisonOrder) {
  StoredComparison stored = testing::SmallComparison();
  std::vector<std::string> order;
  for (const SeriesComparison* s : InReportOrder(stored.comparison)) {
    order.push_back(std::string(VerdictName(s->verdict)) + " " + s->metric + " " + s->series);
  }
  EXPECT_THAT(order,
              ::testing::ElementsAre(R"(regression latency_p99 {endpoint="/acme/new-order"})",
                                     "improvement throughput {}", "inconclusive error_ratio {}",
                                     R"(missing latency_p99 {endpoint="/new"})",
                                     R"(unchanged latency_p99 {endpoint="/health"})"));
}

TEST(InReportOrderTest, KeepsComparisonOrderWithinAVerdict) {
  Comparison comparison = WithVerdicts(
      {Verdict::kUnchanged, Verdict::kRegression, Verdict::kUnchanged, Verdict::kRegression});
  for (size_t i = 0; i < comparison.series.size(); ++i) {
    comparison.series[i].series = std::to_string(i);
  }
  std::vector<std::string> order;
  for (const SeriesComparison* s : InReportOrder(comparison)) order.push_back(s->series);
  EXPECT_THAT(order, ::testing::ElementsAre("1", "3", "0", "2"));
}

TEST(CommitUrlTest, GitHubRepository) {
  EXPECT_EQ(CommitUrl("https://github.com/acme/api.git", "abc123"),
            "https://github.com/acme/api/commit/abc123");
  EXPECT_EQ(CommitUrl("https://github.com/acme/api/", "abc123"),
            "https://github.com/acme/api/commit/abc123");
}

TEST(CommitUrlTest, LeavesCredentialsOut) {
  EXPECT_EQ(CommitUrl("https://x-access-token:s3cr3t@github.com/acme/api.git", "abc123"),
            "https://github.com/acme/api/commit/abc123");
}

TEST(CommitUrlTest, NoLinkForLocalRepositoriesOrUnknownCommits) {
  EXPECT_EQ(CommitUrl("/srv/git/api", "abc123"), "");
  EXPECT_EQ(CommitUrl("file:///srv/git/api", "abc123"), "");
  EXPECT_EQ(CommitUrl("", "abc123"), "");
  EXPECT_EQ(CommitUrl("https://github.com/acme/api", ""), "");
}

TEST(PullRequestUrlTest, OnTheRepositorysHostOnly) {
  EXPECT_EQ(PullRequestUrl("https://x-access-token:s3cr3t@github.com/acme/api.git", 12),
            "https://github.com/acme/api/pull/12");
  EXPECT_EQ(PullRequestUrl("/srv/git/api", 12), "");
}

}  // namespace
}  // namespace perfgate
