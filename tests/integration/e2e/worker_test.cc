// The queue and its workers as separate processes sharing one store: the `workers` limit,
// crash safety (kill -9 and a restart), graceful stop on SIGTERM and cancellation.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <thread>

#include "integration/e2e/cli_fixture.h"
#include "integration/e2e/quickstart_fixture.h"
#include "process/subprocess.h"
#include "store/store.h"

namespace perfgate::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

// Generous bounds for waits on real jobs: they only stop a hang from lasting forever.
constexpr int kMaxPolls = 1200;  // x 100 ms
constexpr auto kPoll = std::chrono::milliseconds(100);

class WorkerTest : public QuickstartFixture {
 protected:
  std::string Config(const std::string& top_level, const std::string& duration = "2s") {
    ScenarioYaml scenario = GoodScenario();
    scenario.duration = duration;
    return WriteConfig(scenario, kManagedPrometheus, top_level);
  }

  Subprocess StartWorker(const std::string& config, const std::string& name,
                         const std::string& grace = "30s") {
    ProcessSpec spec;
    spec.argv = {PerfgateBinary(), "worker", "--config", config, "--grace", grace};
    spec.log_path = dir_.Path(name + ".log");
    auto worker = Subprocess::Start(spec);
    EXPECT_TRUE(worker) << worker.error().ToString();
    return std::move(*worker);
  }

  // A baseline job: it measures and stores, without a comparison that needs a master set.
  JobId Enqueue(const std::string& config, const std::string& commit) {
    CliResult result = RunPerfgate(
        {"enqueue", "--config", config, "--commit", commit, "--kind", "baseline"}, dir_);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return std::stoll(result.out.substr(4));  // "job N queued: ..."
  }

  std::unique_ptr<Store> OpenTestStore() {
    auto store = OpenStore("sqlite:perfgate.db", dir_.Path());
    EXPECT_TRUE(store) << store.error().ToString();
    return std::move(*store);
  }

  // Polls until `done(job)` or the safety bound; returns the job as last seen.
  Job WaitFor(Store& store, JobId id, const std::function<bool(const Job&)>& done) {
    Job job;
    for (int i = 0; i < kMaxPolls; ++i) {
      auto read = store.GetJob(id);
      if (read) job = *read;
      if (read && done(job)) break;
      std::this_thread::sleep_for(kPoll);
    }
    return job;
  }

  static bool Finished(const Job& job) {
    return job.state == JobState::kSucceeded || job.state == JobState::kFailed ||
           job.state == JobState::kCancelled;
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

TEST_F(WorkerTest, KillNineDuringTheWindowThenRestartRunsTheJobOnce) {
  std::string config = Config("jobs: { lease: 3s, max_attempts: 3 }", "8s");
  JobId id = Enqueue(config, "main");
  Subprocess first = StartWorker(config, "first");
  std::string log = dir_.Path(".perfgate/logs/job-" + std::to_string(id) + "/job.log");
  for (int i = 0; i < kMaxPolls && ReadFile(log).find("window 1/2 started") == std::string::npos;
       ++i) {
    std::this_thread::sleep_for(kPoll);
  }
  ASSERT_THAT(ReadFile(log), HasSubstr("window 1/2 started"));
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
  std::string log = dir_.Path(".perfgate/logs/job-" + std::to_string(id) + "/job.log");
  for (int i = 0; i < kMaxPolls && ReadFile(log).find("window 1/2 started") == std::string::npos;
       ++i) {
    std::this_thread::sleep_for(kPoll);
  }
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
  std::string config = Config("", "60s");
  JobId id = Enqueue(config, "main");
  Subprocess worker = StartWorker(config, "cancelled");
  auto store = OpenTestStore();
  std::string log = dir_.Path(".perfgate/logs/job-" + std::to_string(id) + "/job.log");
  for (int i = 0; i < kMaxPolls && ReadFile(log).find("window 1/2 started") == std::string::npos;
       ++i) {
    std::this_thread::sleep_for(kPoll);
  }
  CliResult cancel = RunPerfgate({"cancel", "--config", config, std::to_string(id)}, dir_);
  EXPECT_EQ(cancel.exit_code, 0) << cancel.err;
  Job job = WaitFor(*store, id, Finished);
  EXPECT_EQ(job.state, JobState::kCancelled);
  // Within seconds, not at the end of the minute-long window.
  EXPECT_LT(*job.finished_at - *job.started_at, std::chrono::seconds(60));
  worker.Terminate();
  ExpectNothingLeft();

  CliResult again = RunPerfgate({"cancel", "--config", config, std::to_string(id)}, dir_);
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_THAT(again.err, HasSubstr("job " + std::to_string(id)));
}

}  // namespace
}  // namespace perfgate::testing
