// What enters and leaves the queue on request: duplicates, superseded pull request jobs,
// cancellation, retries, and the statistics the metrics report.
#include "store_fixture.h"

namespace perfgate::testing {
namespace {

using EnqueueTest = StoreTest;

EnqueueResult Enqueued(Store& store, const JobRequest& request, TimePoint now) {
  Result<EnqueueResult> result = store.Enqueue(request, now);
  EXPECT_TRUE(result) << result.error().ToString();
  return result.value_or(EnqueueResult{});
}

TEST_F(EnqueueTest, AnIdenticalQueuedRequestCollapsesIntoTheFirstJob) {
  EnqueueResult first = Enqueued(
      *store_, Request(JobKind::kExperiment, Commit('a'), {"http-api", "grpc"}, Commit('b')),
      At(10));
  EXPECT_FALSE(first.duplicate);
  EXPECT_EQ(first.job.requested_by, "test");
  // The same set of scenarios, written in another order and with a repeat.
  EnqueueResult again = Enqueued(
      *store_,
      Request(JobKind::kExperiment, Commit('a'), {"grpc", "http-api", "grpc"}, Commit('b')),
      At(20));
  EXPECT_TRUE(again.duplicate);
  EXPECT_EQ(again.job.id, first.job.id);
  EXPECT_EQ(again.job.created_at, At(10));
  EXPECT_TRUE(again.superseded.empty());

  JobFilter all;
  EXPECT_EQ(store_->ListJobs(all)->size(), 1u);
}

TEST_F(EnqueueTest, RequestsThatDifferAreNotDuplicates) {
  JobRequest base = Request(JobKind::kExperiment, Commit('a'), {"http-api"}, Commit('b'));
  JobId first = Enqueued(*store_, base, At(10)).job.id;

  JobRequest other_kind = base;
  other_kind.kind = JobKind::kBaseline;
  JobRequest other_base = base;
  other_base.base_commit = Commit('c');
  JobRequest other_scenarios = base;
  other_scenarios.scenarios = {"http-api", "grpc"};
  JobRequest every_scenario = base;
  every_scenario.scenarios = {};
  for (const JobRequest& request : {other_kind, other_base, other_scenarios, every_scenario}) {
    EnqueueResult result = Enqueued(*store_, request, At(20));
    EXPECT_FALSE(result.duplicate);
    EXPECT_NE(result.job.id, first);
  }
}

TEST_F(EnqueueTest, AJobThatAlreadyStartedIsNoDuplicate) {
  JobRequest request = Request(JobKind::kBaseline, Commit('a'));
  JobId first = Enqueued(*store_, request, At(10)).job.id;
  ASSERT_TRUE(Claim("host-1", At(11)));
  EnqueueResult again = Enqueued(*store_, request, At(12));
  EXPECT_FALSE(again.duplicate);
  EXPECT_NE(again.job.id, first);
}

TEST_F(EnqueueTest, ANewerCommitOfAPullRequestSupersedesItsQueuedTestJobs) {
  JobId old_one =
      Enqueued(*store_, Request(JobKind::kTest, Commit('1'), {}, Commit('0'), 7), At(10)).job.id;
  JobId old_two =
      Enqueued(*store_, Request(JobKind::kTest, Commit('2'), {}, Commit('0'), 7), At(20)).job.id;
  JobId running =
      Enqueued(*store_, Request(JobKind::kTest, Commit('3'), {}, Commit('0'), 7), At(25)).job.id;
  // Untouched: another pull request, and a job that is not a test.
  JobId other_pull =
      Enqueued(*store_, Request(JobKind::kTest, Commit('4'), {}, Commit('0'), 8), At(30)).job.id;
  JobId experiment =
      Enqueued(*store_, Request(JobKind::kExperiment, Commit('5'), {}, Commit('0'), 7), At(40))
          .job.id;
  // The third one superseded the first two; now it runs and is left alone.
  ASSERT_EQ(Get(old_one).state, JobState::kCancelled);
  ASSERT_EQ(Get(old_two).state, JobState::kCancelled);
  ASSERT_EQ(Claim("host-1", At(45))->id, running);

  EnqueueResult newest =
      Enqueued(*store_, Request(JobKind::kTest, Commit('6'), {}, Commit('0'), 7), At(50));
  EXPECT_FALSE(newest.duplicate);
  EXPECT_TRUE(newest.superseded.empty()) << "nothing of pull request 7 is still queued";
  EXPECT_EQ(Get(running).state, JobState::kRunning);
  EXPECT_EQ(Get(other_pull).state, JobState::kQueued);
  EXPECT_EQ(Get(experiment).state, JobState::kQueued);

  EnqueueResult later =
      Enqueued(*store_, Request(JobKind::kTest, Commit('7'), {}, Commit('0'), 7), At(60));
  EXPECT_EQ(later.superseded, (std::vector<JobId>{newest.job.id}));
  Job superseded = Get(newest.job.id);
  EXPECT_EQ(superseded.state, JobState::kCancelled);
  EXPECT_EQ(superseded.finished_at, At(60));
  EXPECT_EQ(superseded.failure_reason, "superseded by job " + std::to_string(later.job.id) +
                                           " for a newer commit of pull request #7");
}

TEST_F(EnqueueTest, EnqueueWithoutCommitIsInvalidInput) {
  Result<EnqueueResult> result = store_->Enqueue(JobRequest{}, At(1));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ErrorKind::kInvalidInput);
}

TEST_F(EnqueueTest, CancellingAQueuedJobEndsItAtOnce) {
  Job job = Create(JobKind::kTest, Commit('a'));
  Result<Job> cancelled = store_->RequestCancel(job.id, At(200));
  ASSERT_TRUE(cancelled) << cancelled.error().ToString();
  EXPECT_EQ(cancelled->state, JobState::kCancelled);
  EXPECT_EQ(cancelled->finished_at, At(200));
  EXPECT_EQ(cancelled->failure_reason, "cancelled before it started");
  EXPECT_EQ(Claim("host-1", At(201)), std::nullopt);
}

TEST_F(EnqueueTest, CancellingARunningJobAsksItsWorkerToStop) {
  Job job = Create(JobKind::kTest, Commit('a'));
  ASSERT_TRUE(Claim("host-1", At(200)));
  Result<Job> asked = store_->RequestCancel(job.id, At(201));
  ASSERT_TRUE(asked);
  EXPECT_EQ(asked->state, JobState::kRunning);
  EXPECT_TRUE(asked->cancel_requested);
  // Asking twice changes nothing more.
  ASSERT_TRUE(store_->RequestCancel(job.id, At(202)));
  ASSERT_TRUE(
      store_->FinishClaimedJob(job.id, "host-1", JobState::kCancelled, "cancelled", At(210)));
  EXPECT_EQ(Get(job.id).state, JobState::kCancelled);
}

TEST_F(EnqueueTest, CancellingAFinishedJobIsAFailedPrecondition) {
  Job job = FinishedJob(JobKind::kTest, Commit('a'), JobState::kSucceeded, At(300));
  Result<Job> cancelled = store_->RequestCancel(job.id, At(400));
  ASSERT_FALSE(cancelled);
  EXPECT_EQ(cancelled.error().kind, ErrorKind::kFailedPrecondition);
  EXPECT_EQ(cancelled.error().what,
            "cannot cancel job " + std::to_string(job.id) + ": it already succeeded");
  EXPECT_EQ(Get(job.id).state, JobState::kSucceeded);
  EXPECT_EQ(store_->RequestCancel(job.id + 100, At(400)).error().kind, ErrorKind::kNotFound);
}

TEST_F(EnqueueTest, RetryQueuesTheSameRequestAgain) {
  JobRequest request = Request(JobKind::kTest, Commit('a'), {"http-api"}, Commit('b'), 9);
  JobId first = Enqueued(*store_, request, At(10)).job.id;

  Result<Job> too_early = store_->Retry(first, At(11));
  ASSERT_FALSE(too_early);
  EXPECT_EQ(too_early.error().kind, ErrorKind::kFailedPrecondition);
  ASSERT_TRUE(Claim("host-1", At(12)));
  EXPECT_EQ(store_->Retry(first, At(13)).error().kind, ErrorKind::kFailedPrecondition);
  ASSERT_TRUE(store_->FinishClaimedJob(first, "host-1", JobState::kFailed, "flaky", At(20)));

  Result<Job> retried = store_->Retry(first, At(30));
  ASSERT_TRUE(retried) << retried.error().ToString();
  EXPECT_NE(retried->id, first);
  EXPECT_EQ(retried->state, JobState::kQueued);
  EXPECT_EQ(retried->kind, JobKind::kTest);
  EXPECT_EQ(retried->commit, Commit('a'));
  EXPECT_EQ(retried->ref, "main");
  EXPECT_EQ(retried->scenarios, (std::vector<std::string>{"http-api"}));
  EXPECT_EQ(retried->base_commit, Commit('b'));
  EXPECT_EQ(retried->pull_request, 9);
  EXPECT_EQ(retried->requested_by, "test");
  EXPECT_EQ(retried->attempts, 0);
  EXPECT_EQ(retried->created_at, At(30));
  EXPECT_EQ(Get(first).state, JobState::kFailed);
  EXPECT_EQ(store_->Retry(first + 100, At(31)).error().kind, ErrorKind::kNotFound);
}

TEST_F(EnqueueTest, StatisticsCountJobsAndRunsAndTimeFinishedJobs) {
  Result<QueueStatistics> empty = store_->Statistics();
  ASSERT_TRUE(empty) << empty.error().ToString();
  EXPECT_EQ(empty->jobs_by_state.size(), 5u) << "every state, even at zero";
  EXPECT_EQ(empty->jobs_by_state.at(JobState::kQueued), 0);
  EXPECT_EQ(empty->runs_by_state.size(), 3u);
  EXPECT_TRUE(empty->finished_job_seconds.empty());

  // FinishedJob starts at 150 s and adds one run.
  FinishedJob(JobKind::kBaseline, Commit('a'), JobState::kSucceeded, At(160));
  FinishedJob(JobKind::kTest, Commit('b'), JobState::kFailed, At(250), "http-api",
              RunState::kFailed);
  Create(JobKind::kTest, Commit('c'));
  Job running = Create(JobKind::kTest, Commit('d'));
  ASSERT_TRUE(store_->StartJob(running.id, At(150)));
  StartRun(running.id, "http-api", Commit('d'));
  Job cancelled = Create(JobKind::kTest, Commit('e'));
  ASSERT_TRUE(store_->RequestCancel(cancelled.id, At(170)));

  Result<QueueStatistics> statistics = store_->Statistics();
  ASSERT_TRUE(statistics) << statistics.error().ToString();
  using Counts = std::map<JobState, int64_t>;
  EXPECT_EQ(statistics->jobs_by_state, (Counts{{JobState::kQueued, 1},
                                               {JobState::kRunning, 1},
                                               {JobState::kSucceeded, 1},
                                               {JobState::kFailed, 1},
                                               {JobState::kCancelled, 1}}));
  EXPECT_EQ(statistics->runs_by_state,
            (std::map<RunState, int64_t>{
                {RunState::kRunning, 1}, {RunState::kSucceeded, 1}, {RunState::kFailed, 1}}));
  // The job cancelled while queued never started: it has no duration.
  using Durations = std::vector<std::pair<JobState, double>>;
  EXPECT_EQ(statistics->finished_job_seconds,
            (Durations{{JobState::kSucceeded, 10.0}, {JobState::kFailed, 100.0}}));
}

}  // namespace
}  // namespace perfgate::testing
