#include <cmath>

#include "store_fixture.h"

namespace perfgate::testing {
namespace {

using ComparisonStoreTest = StoreTest;

SeriesComparison MakeSeries(std::string series, Verdict verdict) {
  return SeriesComparison{.scenario = "http-api",
                          .metric = "latency_p99",
                          .series = std::move(series),
                          .unit = "s",
                          .better = Better::kLower,
                          .base_values = {0.1, 0.2, 0.3},
                          .candidate_values = {0.4, 0.5},
                          .base_median = 0.2,
                          .candidate_median = 0.45,
                          .change = 1.25,
                          .p_value = 0.04,
                          .verdict = verdict,
                          .note = ""};
}

StoredComparison MakeComparison(JobId base, JobId candidate) {
  SeriesComparison missing{.scenario = "http-api",
                           .metric = "throughput",
                           .series = "{}",
                           .unit = "req/s",
                           .better = Better::kHigher,
                           .base_values = {},
                           .candidate_values = {10},
                           .base_median = std::nan(""),
                           .candidate_median = 10,
                           .change = std::nan(""),
                           .p_value = std::nan(""),
                           .verdict = Verdict::kMissing,
                           .note = "no base samples"};
  return StoredComparison{
      .base_job = base,
      .candidate_job = candidate,
      .base_commit = Commit('a'),
      .candidate_commit = Commit('b'),
      .created_at = At(5000) + std::chrono::milliseconds(7),
      .comparison = {.series = {MakeSeries("{endpoint=\"/a\"}", Verdict::kRegression), missing}}};
}

TEST_F(ComparisonStoreTest, NoComparisonYet) {
  Job job = Create(JobKind::kTest, Commit('b'));
  Result<std::optional<StoredComparison>> loaded = store_->LoadComparison(job.id);
  ASSERT_TRUE(loaded) << loaded.error().ToString();
  EXPECT_FALSE(loaded->has_value());
}

TEST_F(ComparisonStoreTest, RoundTripKeepsEveryFieldAndNaN) {
  Job base = Create(JobKind::kBaseline, Commit('a'));
  Job candidate = Create(JobKind::kTest, Commit('b'));
  StoredComparison saved = MakeComparison(base.id, candidate.id);
  ASSERT_TRUE(store_->SaveComparison(saved));

  Result<std::optional<StoredComparison>> loaded = store_->LoadComparison(candidate.id);
  ASSERT_TRUE(loaded) << loaded.error().ToString();
  ASSERT_TRUE(loaded->has_value());
  const StoredComparison& got = **loaded;
  EXPECT_EQ(got.base_job, base.id);
  EXPECT_EQ(got.candidate_job, candidate.id);
  EXPECT_EQ(got.base_commit, Commit('a'));
  EXPECT_EQ(got.candidate_commit, Commit('b'));
  EXPECT_EQ(got.created_at, saved.created_at);
  ASSERT_EQ(got.comparison.series.size(), 2u);

  const SeriesComparison& regression = got.comparison.series[0];
  EXPECT_EQ(regression.scenario, "http-api");
  EXPECT_EQ(regression.metric, "latency_p99");
  EXPECT_EQ(regression.series, "{endpoint=\"/a\"}");
  EXPECT_EQ(regression.unit, "s");
  EXPECT_EQ(regression.better, Better::kLower);
  EXPECT_EQ(regression.base_values, (std::vector<double>{0.1, 0.2, 0.3}));
  EXPECT_EQ(regression.candidate_values, (std::vector<double>{0.4, 0.5}));
  EXPECT_EQ(regression.base_median, 0.2);
  EXPECT_EQ(regression.candidate_median, 0.45);
  EXPECT_EQ(regression.change, 1.25);
  EXPECT_EQ(regression.p_value, 0.04);
  EXPECT_EQ(regression.verdict, Verdict::kRegression);
  EXPECT_EQ(regression.note, "");

  const SeriesComparison& missing = got.comparison.series[1];
  EXPECT_EQ(missing.better, Better::kHigher);
  EXPECT_TRUE(missing.base_values.empty());
  EXPECT_TRUE(std::isnan(missing.base_median));
  EXPECT_EQ(missing.candidate_median, 10);
  EXPECT_TRUE(std::isnan(missing.change));
  EXPECT_TRUE(std::isnan(missing.p_value));
  EXPECT_EQ(missing.verdict, Verdict::kMissing);
  EXPECT_EQ(missing.note, "no base samples");
}

TEST_F(ComparisonStoreTest, SavingAgainReplacesTheEarlierComparison) {
  Job base = Create(JobKind::kBaseline, Commit('a'));
  Job candidate = Create(JobKind::kTest, Commit('b'));
  ASSERT_TRUE(store_->SaveComparison(MakeComparison(base.id, candidate.id)));

  StoredComparison rerun = MakeComparison(base.id, candidate.id);
  rerun.created_at = At(6000);
  rerun.comparison.series = {MakeSeries("{endpoint=\"/c\"}", Verdict::kUnchanged)};
  ASSERT_TRUE(store_->SaveComparison(rerun));

  Result<std::optional<StoredComparison>> loaded = store_->LoadComparison(candidate.id);
  ASSERT_TRUE(loaded && loaded->has_value());
  EXPECT_EQ((*loaded)->created_at, At(6000));
  ASSERT_EQ((*loaded)->comparison.series.size(), 1u);
  EXPECT_EQ((*loaded)->comparison.series[0].series, "{endpoint=\"/c\"}");
  EXPECT_EQ((*loaded)->comparison.series[0].verdict, Verdict::kUnchanged);
}

TEST_F(ComparisonStoreTest, ComparisonsOfOtherJobsAreKeptApart) {
  Job base = Create(JobKind::kBaseline, Commit('a'));
  Job first = Create(JobKind::kTest, Commit('b'));
  Job second = Create(JobKind::kTest, Commit('b'));
  ASSERT_TRUE(store_->SaveComparison(MakeComparison(base.id, first.id)));
  StoredComparison other = MakeComparison(base.id, second.id);
  other.comparison.series.pop_back();
  ASSERT_TRUE(store_->SaveComparison(other));

  Result<std::optional<StoredComparison>> loaded = store_->LoadComparison(first.id);
  ASSERT_TRUE(loaded && loaded->has_value());
  EXPECT_EQ((*loaded)->comparison.series.size(), 2u);
}

TEST_F(ComparisonStoreTest, UnknownCandidateJobIsNotFound) {
  Result<void> saved = store_->SaveComparison(MakeComparison(1, 99));
  ASSERT_FALSE(saved);
  EXPECT_EQ(saved.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(saved.error().what, "job 99 not found");
}

}  // namespace
}  // namespace perfgate::testing
