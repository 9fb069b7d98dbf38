// The queue and its workers as separate processes sharing one store: the `workers` limit,
// crash safety (kill -9 and a restart), graceful stop on SIGTERM and cancellation.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include "integration/e2e/cli_fixture.h"
#include "integration/e2e/worker_fixture.h"

namespace perfgate::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

class WorkerTest : public WorkerFixture {
 protected:
  std::string Config(const std::string& top_level, const std::string& duration = "2s",
                     const std::string& scenario_keys = "") {
    ScenarioYaml scenario = GoodScenario();
    scenario.duration = duration;
    scenario.keys = scenario_keys;
    return WriteConfig(scenario, kManagedPrometheus, top_level);
  }

  void ExpectNothingLeft() {
    EXPECT_THAT(ProcessesUsing(dir_.Path()), IsEmpty());
    EXPECT_THAT(ListDir(dir_.Path(".perfgate/worktrees")), IsEmpty());
  }
};

bool Overlap(const Job& a, const Job& b) {
  return *a.started_at < *b.finished_at && *b.started_at < *a.finished_at;
}

TEST_F(WorkerTest, TwoWorkerProcessesRespectTheWorkersLimit) {
  for (int workers : {1, 2}) {
    SCOPED_TRACE("workers: " + std::to_string(workers));
    std::string config = Config("workers: " + std::to_string(workers));
    JobId first = Enqueue(config, "main");
    JobId second = Enqueue(config, "main~1");
    Subprocess a = StartWorker(config, "a" + std::to_string(workers));
    Subprocess b = StartWorker(config, "b" + std::to_string(workers));
    auto store = OpenTestStore();
    Job one = WaitFor(*store, first, Finished);
    Job two = WaitFor(*store, second, Finished);
    a.Terminate();
    b.Terminate();
    ASSERT_EQ(one.state, JobState::kSucceeded) << one.failure_reason;
    ASSERT_EQ(two.state, JobState::kSucceeded) << two.failure_reason;
    EXPECT_EQ(Overlap(one, two), workers == 2);
  }
  ExpectNothingLeft();
}

TEST_F(WorkerTest, EveryPhaseIsRecordedAndACandidateEndsWithItsReport) {
  std::string config = Config("", "2s", "pairs: 2\nmax_pairs: 2\n");
  JobId candidate = Enqueue(config, "main", "experiment");
  Subprocess worker = StartWorker(config, "reporting");
  auto store = OpenTestStore();
  Job job = WaitFor(*store, candidate, Finished);
  worker.Terminate();
  ASSERT_EQ(job.state, JobState::kSucceeded) << job.failure_reason;

  auto phases = store->ListPhases(candidate);
  ASSERT_TRUE(phases) << phases.error().ToString();
  std::vector<std::string> names;
  for (const PhaseRecord& phase : *phases) {
    EXPECT_TRUE(phase.finished_at) << phase.phase;
    EXPECT_EQ(phase.error, "") << phase.phase;
    names.push_back(phase.phase);
  }
  // Both sides checked out and built once, then a session per side and pair.
  std::vector<std::string> expected = {"checkout", "build", "checkout", "build"};
  for (int session = 0; session < 4; ++session) {
    expected.insert(expected.end(), {"up", "ready", "window", "queries", "down"});
  }
  expected.insert(expected.end(), {"compare", "report"});
  EXPECT_EQ(names, expected);
  std::string log = WaitForLog(candidate, "job succeeded");
  EXPECT_THAT(log, HasSubstr("svc base ready api started"));
  EXPECT_THAT(log, HasSubstr("svc candidate ready api started"));
  EXPECT_THAT(log, HasSubstr("report\nperfgate: candidate"));
  ExpectNothingLeft();
}

TEST_F(WorkerTest, AStoredComparisonWithoutAMasterSetWaitsForABaselineOfItsBase) {
  std::string config = Config("", "2s", "comparison: stored\n");
  JobId test = Enqueue(config, "main", "test");
  Subprocess worker = StartWorker(config, "waiting");
  auto store = OpenTestStore();
  Job job = WaitFor(*store, test, Finished);
  worker.Terminate();

  ASSERT_EQ(job.state, JobState::kSucceeded) << job.failure_reason;
  ASSERT_TRUE(job.waits_for);
  Job baseline = WaitFor(*store, *job.waits_for, Finished);
  EXPECT_EQ(baseline.kind, JobKind::kBaseline);
  EXPECT_EQ(baseline.state, JobState::kSucceeded) << baseline.failure_reason;
  EXPECT_EQ(baseline.commit, repo_->Git({"rev-parse", "main~1"}).substr(0, 40));
  EXPECT_EQ(baseline.requested_by, "job " + std::to_string(test));
  EXPECT_LT(*baseline.finished_at, *job.finished_at);
  auto comparison = store->LoadComparison(test);
  ASSERT_TRUE(comparison && *comparison) << "the test job was not compared";
  EXPECT_EQ((*comparison)->base_job, baseline.id);
  EXPECT_THAT(WaitForLog(test, "job succeeded"), HasSubstr("waiting for baseline job"));
  ExpectNothingLeft();
}

TEST_F(WorkerTest, KillNineDuringTheWindowThenRestartRunsTheJobOnce) {
  std::string config = Config("jobs: { lease: 3s, max_attempts: 3 }", "8s");
  JobId id = Enqueue(config, "main");
  Subprocess first = StartWorker(config, "first");
  ASSERT_THAT(WaitForLog(id, "window 1/2 started"), HasSubstr("window 1/2 started"));
  kill(first.pid(), SIGKILL);
  first.Wait();
  // What the dead worker started is still running until a new worker reaps it.
  EXPECT_THAT(ProcessesUsing(dir_.Path()), ::testing::Not(IsEmpty()));

  Subprocess second = StartWorker(config, "second");
  auto store = OpenTestStore();
  Job job = WaitFor(*store, id, Finished);
  second.Terminate();
  EXPECT_EQ(job.state, JobState::kSucceeded) << job.failure_reason;
  EXPECT_EQ(job.attempts, 2);
  auto runs = store->ListRuns(id);
  ASSERT_TRUE(runs);
  int succeeded = 0;
  for (const perfgate::Run& run : *runs) succeeded += run.state == RunState::kSucceeded;
  EXPECT_EQ(succeeded, 1);
  ExpectNothingLeft();
}

TEST_F(WorkerTest, SigtermLetsTheJobFinishWithinTheGracePeriod) {
  std::string config = Config("");
  JobId id = Enqueue(config, "main");
  Subprocess worker = StartWorker(config, "graceful", "2m");
  auto store = OpenTestStore();
  WaitFor(*store, id, [](const Job& job) { return job.state == JobState::kRunning; });
  kill(worker.pid(), SIGTERM);
  std::optional<ExitStatus> status = worker.Wait(std::chrono::minutes(2));
  ASSERT_TRUE(status);
  EXPECT_TRUE(status->ok()) << status->ToString();
  auto job = store->GetJob(id);
  ASSERT_TRUE(job);
  EXPECT_EQ(job->state, JobState::kSucceeded) << job->failure_reason;
  ExpectNothingLeft();
}

TEST_F(WorkerTest, SigtermAfterTheGracePeriodGivesTheJobBackToTheQueue) {
  std::string config = Config("", "30s");
  JobId id = Enqueue(config, "main");
  Subprocess worker = StartWorker(config, "impatient", "1s");
  auto store = OpenTestStore();
  ASSERT_THAT(WaitForLog(id, "window 1/2 started"), HasSubstr("window 1/2 started"));
  kill(worker.pid(), SIGTERM);
  std::optional<ExitStatus> status = worker.Wait(std::chrono::minutes(1));
  ASSERT_TRUE(status);
  EXPECT_TRUE(status->ok()) << status->ToString();
  auto job = store->GetJob(id);
  ASSERT_TRUE(job);
  EXPECT_EQ(job->state, JobState::kQueued);
  ExpectNothingLeft();
}

TEST_F(WorkerTest, CancelStopsARunningJobWithinSeconds) {
  // The lease is renewed every 200 s: only the worker's reads of the cancel flag between
  // renewals can stop the job within seconds.
  std::string config = Config("jobs: { lease: 10m }", "5m");
  JobId id = Enqueue(config, "main");
  Subprocess worker = StartWorker(config, "cancelled");
  auto store = OpenTestStore();
  ASSERT_THAT(WaitForLog(id, "window 1/2 started"), HasSubstr("window 1/2 started"));
  TimePoint requested = SystemClock().Now();
  CliResult cancel = RunPerfgate({"cancel", "--config", config, std::to_string(id)}, dir_);
  EXPECT_EQ(cancel.exit_code, 0) << cancel.err;
  Job job = WaitFor(*store, id, Finished);
  ASSERT_EQ(job.state, JobState::kCancelled);
  // Within seconds: not at the lease's first renewal, let alone the end of the windows.
  EXPECT_LT(*job.finished_at - requested, std::chrono::seconds(30));
  worker.Terminate();
  ExpectNothingLeft();

  CliResult again = RunPerfgate({"cancel", "--config", config, std::to_string(id)}, dir_);
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_THAT(again.err, HasSubstr("job " + std::to_string(id)));
}

}  // namespace
}  // namespace perfgate::testing
