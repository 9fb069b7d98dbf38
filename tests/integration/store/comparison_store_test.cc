#include <cmath>
#include <limits>

#include "store_fixture.h"

namespace perfgate::testing {
namespace {

using ComparisonStoreTest = StoreTest;

constexpr double kInfinity = std::numeric_limits<double>::infinity();

SeriesComparison MakeSeries(std::string series, Verdict verdict) {
  return SeriesComparison{.scenario = "http-api",
                          .metric = "latency_p99",
                          .series = std::move(series),
                          .unit = "s",
                          .better = Better::kLower,
                          .method = ComparisonMethod::kPaired,
                          .test = StatisticalTest::kPairedT,
                          .base_values = {0.1, 0.2, 0.3},
                          .candidate_values = {0.4, 0.5, 0.6},
                          .base_median = 0.2,
                          .candidate_median = 0.5,
                          .pairs = 3,
                          .estimate = 1.25,
                          .low = 0.75,
                          .high = 1.5,
                          .confidence = 0.9375,
                          .p_value = 0.04,
                          .q_value = 0.08,
                          .margin = 0.05,
                          .detectable_effect = 0.3,
                          .verdict = verdict,
                          .note = ""};
}

StoredComparison MakeComparison(JobId base, JobId candidate) {
  SeriesComparison missing{.scenario = "http-api",
                           .metric = "throughput",
                           .series = "{}",
                           .unit = "req/s",
                           .better = Better::kHigher,
                           .method = ComparisonMethod::kPaired,
                           .base_values = {},
                           .candidate_values = {10},
                           .base_median = std::nan(""),
                           .candidate_median = 10,
                           .verdict = Verdict::kMissing,
                           .note = "no base samples"};
  return StoredComparison{
      .base_job = base,
      .candidate_job = candidate,
      .base_commit = Commit('a'),
      .candidate_commit = Commit('b'),
      .created_at = At(5000) + std::chrono::milliseconds(7),
      .mode = ComparisonMode::kInterleaved,
      .pair_orders = "AB,BA,BA",
      .seed = 0xfedcba9876543210,  // above INT64_MAX: every bit must survive
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
  EXPECT_EQ(got.mode, ComparisonMode::kInterleaved);
  EXPECT_EQ(got.pair_orders, "AB,BA,BA");
  EXPECT_EQ(got.seed, 0xfedcba9876543210);
  ASSERT_EQ(got.comparison.series.size(), 2u);

  const SeriesComparison& regression = got.comparison.series[0];
  EXPECT_EQ(regression.scenario, "http-api");
  EXPECT_EQ(regression.metric, "latency_p99");
  EXPECT_EQ(regression.series, "{endpoint=\"/a\"}");
  EXPECT_EQ(regression.unit, "s");
  EXPECT_EQ(regression.better, Better::kLower);
  EXPECT_EQ(regression.base_values, (std::vector<double>{0.1, 0.2, 0.3}));
  EXPECT_EQ(regression.candidate_values, (std::vector<double>{0.4, 0.5, 0.6}));
  EXPECT_EQ(regression.base_median, 0.2);
  EXPECT_EQ(regression.candidate_median, 0.5);
  EXPECT_EQ(regression.method, ComparisonMethod::kPaired);
  EXPECT_EQ(regression.test, StatisticalTest::kPairedT);
  EXPECT_EQ(regression.pairs, 3u);
  EXPECT_EQ(regression.estimate, 1.25);
  EXPECT_EQ(regression.low, 0.75);
  EXPECT_EQ(regression.high, 1.5);
  EXPECT_EQ(regression.confidence, 0.9375);
  EXPECT_EQ(regression.p_value, 0.04);
  EXPECT_EQ(regression.q_value, 0.08);
  EXPECT_EQ(regression.margin, 0.05);
  EXPECT_EQ(regression.detectable_effect, 0.3);
  EXPECT_EQ(regression.verdict, Verdict::kRegression);
  EXPECT_EQ(regression.note, "");

  const SeriesComparison& missing = got.comparison.series[1];
  EXPECT_EQ(missing.better, Better::kHigher);
  EXPECT_TRUE(missing.base_values.empty());
  EXPECT_TRUE(std::isnan(missing.base_median));
  EXPECT_EQ(missing.candidate_median, 10);
  EXPECT_EQ(missing.pairs, 0u);
  EXPECT_EQ(missing.test, StatisticalTest::kNone);
  for (double unknown :
       {missing.estimate, missing.low, missing.high, missing.confidence, missing.p_value,
        missing.q_value, missing.margin, missing.detectable_effect}) {
    EXPECT_TRUE(std::isnan(unknown));
  }
  EXPECT_EQ(missing.verdict, Verdict::kMissing);
  EXPECT_EQ(missing.note, "no base samples");
}

TEST_F(ComparisonStoreTest, UnboundedIntervalsAndStoredModeRoundTrip) {
  Job base = Create(JobKind::kBaseline, Commit('a'));
  Job candidate = Create(JobKind::kTest, Commit('b'));
  StoredComparison saved = MakeComparison(base.id, candidate.id);
  saved.mode = ComparisonMode::kStored;
  saved.pair_orders = "";
  saved.seed = 0;
  SeriesComparison& unbounded = saved.comparison.series[0];
  unbounded.method = ComparisonMethod::kUnpaired;
  unbounded.test = StatisticalTest::kMannWhitney;
  unbounded.pairs = 0;
  unbounded.low = -1;
  unbounded.high = kInfinity;
  unbounded.detectable_effect = kInfinity;
  unbounded.verdict = Verdict::kInconclusive;
  ASSERT_TRUE(store_->SaveComparison(saved));

  Result<std::optional<StoredComparison>> loaded = store_->LoadComparison(candidate.id);
  ASSERT_TRUE(loaded && loaded->has_value());
  EXPECT_EQ((*loaded)->mode, ComparisonMode::kStored);
  EXPECT_EQ((*loaded)->pair_orders, "");
  const SeriesComparison& got = (*loaded)->comparison.series[0];
  EXPECT_EQ(got.method, ComparisonMethod::kUnpaired);
  EXPECT_EQ(got.test, StatisticalTest::kMannWhitney);
  EXPECT_EQ(got.low, -1);
  EXPECT_EQ(got.high, kInfinity);
  EXPECT_EQ(got.detectable_effect, kInfinity);
  EXPECT_EQ(got.verdict, Verdict::kInconclusive);
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

TEST_F(ComparisonStoreTest, CandidateHistoryListsTheNewestSucceededTestJobsMedians) {
  Job base = Create(JobKind::kBaseline, Commit('a'));
  auto compared = [&](JobKind kind, JobState state, TimePoint finished,
                      std::optional<int> pull_request) {
    Result<Job> job =
        store_->CreateJob(Request(kind, Commit('b'), {}, Commit('a'), pull_request), At(100));
    EXPECT_TRUE(job && store_->StartJob(job->id, At(150)));
    EXPECT_TRUE(store_->FinishJob(job->id, state, "", finished));
    EXPECT_TRUE(store_->SaveComparison(MakeComparison(base.id, job->id)));
    return job.value_or(Job{});
  };
  // Finished out of order: oldest first is by finish time.
  Job older = compared(JobKind::kTest, JobState::kSucceeded, At(900), 7);
  Job newer = compared(JobKind::kTest, JobState::kSucceeded, At(800), std::nullopt);
  compared(JobKind::kTest, JobState::kFailed, At(950), 8);
  compared(JobKind::kExperiment, JobState::kSucceeded, At(960), std::nullopt);

  auto points = store_->CandidateHistory("http-api", "latency_p99", "", 10);
  ASSERT_TRUE(points) << points.error().ToString();
  ASSERT_EQ(points->size(), 2u);
  EXPECT_EQ((*points)[0].job_id, newer.id);
  EXPECT_EQ((*points)[1].job_id, older.id);
  const CandidatePoint& point = (*points)[1];
  EXPECT_EQ(point.commit, Commit('b'));
  EXPECT_EQ(point.base_commit, Commit('a'));
  EXPECT_EQ(point.pull_request, 7);
  EXPECT_EQ(point.finished_at, At(900));
  EXPECT_EQ(point.series, "{endpoint=\"/a\"}");
  EXPECT_EQ(point.median, 0.5);
  EXPECT_EQ(point.verdict, Verdict::kRegression);
  EXPECT_FALSE((*points)[0].pull_request.has_value());

  // Another metric; a series asked for by name; only the newest jobs.
  EXPECT_EQ(store_->CandidateHistory("http-api", "throughput", "", 10)->size(), 2u);
  EXPECT_EQ(store_->CandidateHistory("http-api", "latency_p99", "{}", 10)->size(), 0u);
  auto newest = store_->CandidateHistory("http-api", "latency_p99", "", 1);
  ASSERT_TRUE(newest);
  ASSERT_EQ(newest->size(), 1u);
  EXPECT_EQ(newest->front().job_id, newer.id);
  EXPECT_EQ(store_->CandidateHistory("http-api", "latency_p99", "", 0).error().kind,
            ErrorKind::kInvalidInput);
}

TEST_F(ComparisonStoreTest, UnknownCandidateJobIsNotFound) {
  Result<void> saved = store_->SaveComparison(MakeComparison(1, 99));
  ASSERT_FALSE(saved);
  EXPECT_EQ(saved.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(saved.error().what, "job 99 not found");
}

}  // namespace
}  // namespace perfgate::testing
