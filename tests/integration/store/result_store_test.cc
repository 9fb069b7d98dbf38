#include <cmath>

#include "store_fixture.h"

namespace perfgate::testing {
namespace {

using ResultStoreTest = StoreTest;

Sample MakeSample(std::string metric, std::string series, int repetition,
                  std::optional<double> value, TimePoint start = At(500)) {
  return Sample{.scenario = "http-api",
                .metric = std::move(metric),
                .series = std::move(series),
                .repetition = repetition,
                .value = value,
                .window_start = start,
                .window_end = start + std::chrono::milliseconds(30'250)};
}

void ExpectSameSamples(const std::vector<Sample>& actual, const std::vector<Sample>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (size_t i = 0; i < actual.size(); ++i) {
    SCOPED_TRACE("sample " + std::to_string(i));
    EXPECT_EQ(actual[i].scenario, expected[i].scenario);
    EXPECT_EQ(actual[i].metric, expected[i].metric);
    EXPECT_EQ(actual[i].series, expected[i].series);
    EXPECT_EQ(actual[i].repetition, expected[i].repetition);
    EXPECT_EQ(actual[i].value, expected[i].value);
    EXPECT_EQ(actual[i].window_start, expected[i].window_start);
    EXPECT_EQ(actual[i].window_end, expected[i].window_end);
  }
}

TEST_F(ResultStoreTest, RunLifecycle) {
  Job job = Create(JobKind::kTest, Commit('a'));
  Result<perfgate::Run> created =
      store_->CreateRun(job.id, "http-api", Commit('b'), RunSide::kBase, At(200));
  ASSERT_TRUE(created) << created.error().ToString();
  EXPECT_EQ(created->job_id, job.id);
  EXPECT_EQ(created->scenario, "http-api");
  EXPECT_EQ(created->commit, Commit('b'));
  EXPECT_EQ(created->side, RunSide::kBase);
  EXPECT_EQ(created->state, RunState::kRunning);
  EXPECT_EQ(created->started_at, At(200));
  EXPECT_EQ(created->finished_at, std::nullopt);

  ASSERT_TRUE(store_->FinishRun(created->id, RunState::kFailed, "not ready after 60s", At(260)));
  perfgate::Run second = StartRun(job.id, "grpc", Commit('a'));

  Result<std::vector<perfgate::Run>> runs = store_->ListRuns(job.id);
  ASSERT_TRUE(runs) << runs.error().ToString();
  ASSERT_EQ(runs->size(), 2u);
  EXPECT_EQ((*runs)[0].id, created->id);
  EXPECT_EQ((*runs)[0].state, RunState::kFailed);
  EXPECT_EQ((*runs)[0].failure_reason, "not ready after 60s");
  EXPECT_EQ((*runs)[0].finished_at, At(260));
  EXPECT_EQ((*runs)[1].id, second.id);
  EXPECT_EQ((*runs)[1].side, RunSide::kSingle);
  EXPECT_EQ((*runs)[1].state, RunState::kRunning);

  Result<perfgate::Run> got = store_->GetRun(created->id);
  ASSERT_TRUE(got) << got.error().ToString();
  EXPECT_EQ(got->job_id, job.id);
  EXPECT_EQ(got->scenario, "http-api");
  EXPECT_EQ(got->state, RunState::kFailed);
  EXPECT_EQ(got->failure_reason, "not ready after 60s");
}

TEST_F(ResultStoreTest, InvalidRunTransitionsAreRejected) {
  Job job = Create(JobKind::kTest, Commit('a'));
  perfgate::Run run = StartRun(job.id, "http-api", Commit('a'));
  Result<void> to_running = store_->FinishRun(run.id, RunState::kRunning, "", At(1));
  ASSERT_FALSE(to_running);
  EXPECT_EQ(to_running.error().kind, ErrorKind::kInvalidInput);

  FinishRun(run.id, RunState::kSucceeded);
  Result<void> twice = store_->FinishRun(run.id, RunState::kFailed, "late", At(2));
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().kind, ErrorKind::kFailedPrecondition);
  EXPECT_NE(twice.error().what.find("is succeeded, not running"), std::string::npos);
}

TEST_F(ResultStoreTest, UnknownJobsAndRunsAreNotFound) {
  EXPECT_EQ(store_->CreateRun(7, "http-api", Commit('a'), RunSide::kSingle, At(1)).error().kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(store_->ListRuns(7).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(store_->GetRun(7).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(store_->LoadSamples(7).error().kind, ErrorKind::kNotFound);
  Result<void> finish = store_->FinishRun(9, RunState::kSucceeded, "", At(1));
  ASSERT_FALSE(finish);
  EXPECT_EQ(finish.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(finish.error().what, "run 9 not found");
  EXPECT_EQ(store_->AddSamples(9, {MakeSample("latency", "{}", 0, 1.0)}).error().kind,
            ErrorKind::kNotFound);
}

TEST_F(ResultStoreTest, SamplesRoundTripWithMissingValuesAndWindowTimes) {
  Job job = Create(JobKind::kTest, Commit('a'));
  perfgate::Run run = StartRun(job.id, "http-api", Commit('a'));
  TimePoint odd_start = At(700) + std::chrono::milliseconds(123);
  std::vector<Sample> samples = {
      MakeSample("latency", "{endpoint=\"/a\"}", 0, 0.125),
      MakeSample("latency", "{endpoint=\"/a\"}", 1, std::nullopt),
      MakeSample("latency", "{endpoint=\"/b\"}", 0, 0.0),
      MakeSample("throughput", "{}", 0, 1234.5, odd_start),
  };
  ASSERT_TRUE(store_->AddSamples(run.id, samples));
  FinishRun(run.id, RunState::kSucceeded);

  Result<std::vector<Sample>> loaded = store_->LoadSamples(job.id);
  ASSERT_TRUE(loaded) << loaded.error().ToString();
  ExpectSameSamples(*loaded, samples);
}

TEST_F(ResultStoreTest, LoadSamplesKeepsOnlySucceededRunsOfTheSide) {
  // An A/A job: the base and the candidate are the same commit, told apart by side only.
  Job job = Create(JobKind::kExperiment, Commit('c'));
  auto run_with = [&](RunSide side, double value, std::optional<RunState> end) {
    perfgate::Run run = StartRun(job.id, "http-api", Commit('c'), side);
    EXPECT_TRUE(store_->AddSamples(run.id, {MakeSample("latency", "{}", 0, value)}));
    if (end) FinishRun(run.id, *end);
  };
  run_with(RunSide::kCandidate, 1.0, RunState::kSucceeded);
  run_with(RunSide::kBase, 2.0, RunState::kSucceeded);
  run_with(RunSide::kCandidate, 3.0, RunState::kFailed);
  run_with(RunSide::kBase, 4.0, std::nullopt);  // still running

  Result<std::vector<Sample>> own = store_->LoadSamples(job.id);
  ASSERT_TRUE(own) << own.error().ToString();
  ExpectSameSamples(*own, {MakeSample("latency", "{}", 0, 1.0)});

  Result<std::vector<Sample>> base = store_->LoadSamples(job.id, RunSide::kBase);
  ASSERT_TRUE(base) << base.error().ToString();
  ExpectSameSamples(*base, {MakeSample("latency", "{}", 0, 2.0)});
}

TEST_F(ResultStoreTest, ThousandsOfSamplesInOneCall) {
  Job job = Create(JobKind::kBaseline, Commit('a'));
  perfgate::Run run = StartRun(job.id, "http-api", Commit('a'));
  std::vector<Sample> samples;
  for (int series = 0; series < 500; ++series) {
    for (int repetition = 0; repetition < 10; ++repetition) {
      samples.push_back(MakeSample("latency", "{method=\"m" + std::to_string(series) + "\"}",
                                   repetition, series + repetition / 10.0));
    }
  }
  ASSERT_TRUE(store_->AddSamples(run.id, samples));
  FinishRun(run.id, RunState::kSucceeded);
  Result<std::vector<Sample>> loaded = store_->LoadSamples(job.id);
  ASSERT_TRUE(loaded) << loaded.error().ToString();
  EXPECT_EQ(loaded->size(), samples.size());
}

TEST_F(ResultStoreTest, HistoryGivesMediansOfSucceededBaselinesOldestFirst) {
  // Created first, finished last: history follows finish time.
  Job late = FinishedJob(JobKind::kBaseline, Commit('c'), JobState::kSucceeded, At(3000),
                         "http-api", RunState::kSucceeded, {4.0, 1.0, 3.0, 2.0});
  Job early = FinishedJob(JobKind::kBaseline, Commit('a'), JobState::kSucceeded, At(1000),
                          "http-api", RunState::kSucceeded, {5.0, std::nullopt, 1.0, 3.0});
  // Not history: a failed baseline, a test job, a failed run, another scenario.
  FinishedJob(JobKind::kBaseline, Commit('d'), JobState::kFailed, At(2000));
  FinishedJob(JobKind::kTest, Commit('e'), JobState::kSucceeded, At(2000));
  FinishedJob(JobKind::kBaseline, Commit('f'), JobState::kSucceeded, At(2000), "http-api",
              RunState::kFailed);
  FinishedJob(JobKind::kBaseline, Commit('g'), JobState::kSucceeded, At(2000), "grpc");

  Result<std::vector<HistoryPoint>> history = store_->History("http-api", "latency", "");
  ASSERT_TRUE(history) << history.error().ToString();
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].job_id, early.id);
  EXPECT_EQ((*history)[0].commit, Commit('a'));
  EXPECT_EQ((*history)[0].finished_at, At(1000));
  EXPECT_EQ((*history)[0].series, "{}");
  EXPECT_EQ((*history)[0].median, 3.0);  // of 5, 1, 3: the missing value is left out
  EXPECT_EQ((*history)[0].sample_count, 3);
  EXPECT_EQ((*history)[1].job_id, late.id);
  EXPECT_EQ((*history)[1].median, 2.5);  // of 4, 1, 3, 2
  EXPECT_EQ((*history)[1].sample_count, 4);

  Result<std::vector<HistoryPoint>> other_metric = store_->History("http-api", "errors", "");
  ASSERT_TRUE(other_metric);
  EXPECT_TRUE(other_metric->empty());
}

TEST_F(ResultStoreTest, HistoryKeepsSeriesApartAndFiltersOne) {
  Job job = Create(JobKind::kBaseline, Commit('a'));
  ASSERT_TRUE(store_->StartJob(job.id, At(10)));
  perfgate::Run run = StartRun(job.id, "http-api", Commit('a'));
  ASSERT_TRUE(store_->AddSamples(run.id, {
                                             MakeSample("latency", "{endpoint=\"/b\"}", 0, 8.0),
                                             MakeSample("latency", "{endpoint=\"/a\"}", 0, 1.0),
                                             MakeSample("latency", "{endpoint=\"/a\"}", 1, 2.0),
                                         }));
  FinishRun(run.id, RunState::kSucceeded);
  ASSERT_TRUE(store_->FinishJob(job.id, JobState::kSucceeded, "", At(20)));

  Result<std::vector<HistoryPoint>> all = store_->History("http-api", "latency", "");
  ASSERT_TRUE(all) << all.error().ToString();
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].series, "{endpoint=\"/a\"}");
  EXPECT_EQ((*all)[0].median, 1.5);
  EXPECT_EQ((*all)[1].series, "{endpoint=\"/b\"}");
  EXPECT_EQ((*all)[1].median, 8.0);

  Result<std::vector<HistoryPoint>> one =
      store_->History("http-api", "latency", "{endpoint=\"/b\"}");
  ASSERT_TRUE(one);
  ASSERT_EQ(one->size(), 1u);
  EXPECT_EQ((*one)[0].series, "{endpoint=\"/b\"}");
}

}  // namespace
}  // namespace perfgate::testing
