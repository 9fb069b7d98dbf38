// Claims, leases, heartbeats and the re-queueing of jobs whose worker died.
#include "store_fixture.h"

namespace perfgate::testing {
namespace {

using JobQueueTest = StoreTest;

TEST_F(JobQueueTest, ClaimTakesTheOldestQueuedJobAndLeasesIt) {
  Job first = Create(JobKind::kTest, Commit('a'));
  Job second = Create(JobKind::kTest, Commit('b'));

  std::optional<Job> claimed = Claim("host-1", At(1000), 2);
  ASSERT_TRUE(claimed);
  EXPECT_EQ(claimed->id, first.id);
  EXPECT_EQ(claimed->state, JobState::kRunning);
  EXPECT_EQ(claimed->worker, "host-1");
  EXPECT_EQ(claimed->attempts, 1);
  EXPECT_EQ(claimed->started_at, At(1000));
  EXPECT_EQ(claimed->lease_expires_at, At(1000) + kLease);
  EXPECT_FALSE(claimed->cancel_requested);
  EXPECT_EQ(Get(first.id).worker, "host-1");

  std::optional<Job> next = Claim("host-2", At(1001), 2);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->id, second.id);
  EXPECT_EQ(Claim("host-3", At(1002), 3), std::nullopt) << "nothing left to run";
}

TEST_F(JobQueueTest, ClaimRespectsMaxRunningUntilALeaseExpires) {
  Create(JobKind::kTest, Commit('a'));
  Job waiting = Create(JobKind::kTest, Commit('b'));
  ASSERT_TRUE(Claim("host-1", At(1000)));

  EXPECT_EQ(Claim("host-2", At(1000) + kLease - std::chrono::milliseconds(1)), std::nullopt);
  // The first lease has run out: its job no longer holds the slot.
  std::optional<Job> claimed = Claim("host-2", At(1000) + kLease);
  ASSERT_TRUE(claimed);
  EXPECT_EQ(claimed->id, waiting.id);
}

TEST_F(JobQueueTest, ClaimRejectsMeaninglessArguments) {
  Create(JobKind::kTest, Commit('a'));
  EXPECT_EQ(store_->ClaimJob("", 1, kLease, At(1)).error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(store_->ClaimJob("w", 0, kLease, At(1)).error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(store_->ClaimJob("w", 1, Duration::zero(), At(1)).error().kind,
            ErrorKind::kInvalidInput);
  EXPECT_EQ(store_->RequeueExpired(0, At(1)).error().kind, ErrorKind::kInvalidInput);
}

TEST_F(JobQueueTest, AFinishedJobIsNeverClaimedAgain) {
  Job job = Create(JobKind::kTest, Commit('a'));
  ASSERT_TRUE(Claim("host-1", At(1000)));
  ASSERT_TRUE(store_->FinishClaimedJob(job.id, "host-1", JobState::kSucceeded, "", At(1010)));

  Job done = Get(job.id);
  EXPECT_EQ(done.state, JobState::kSucceeded);
  EXPECT_EQ(done.finished_at, At(1010));
  EXPECT_EQ(done.lease_expires_at, std::nullopt);
  EXPECT_EQ(done.worker, "host-1") << "who ran it stays on record";
  EXPECT_EQ(Claim("host-2", At(5000)), std::nullopt);
  Result<std::vector<Job>> requeued = store_->RequeueExpired(3, At(5000));
  ASSERT_TRUE(requeued);
  EXPECT_TRUE(requeued->empty());
  EXPECT_EQ(Get(job.id).state, JobState::kSucceeded);
}

TEST_F(JobQueueTest, RenewLeaseExtendsItAndReportsCancelRequests) {
  Job job = Create(JobKind::kTest, Commit('a'));
  ASSERT_TRUE(Claim("host-1", At(1000)));

  Result<Job> renewed = store_->RenewLease(job.id, "host-1", kLease, At(1020));
  ASSERT_TRUE(renewed) << renewed.error().ToString();
  EXPECT_EQ(renewed->lease_expires_at, At(1020) + kLease);
  EXPECT_FALSE(renewed->cancel_requested);
  // Past the first lease, but within the renewed one: not expired.
  Result<std::vector<Job>> requeued = store_->RequeueExpired(3, At(1000) + kLease + kLease / 2);
  ASSERT_TRUE(requeued);
  EXPECT_TRUE(requeued->empty());

  ASSERT_TRUE(store_->RequestCancel(job.id, At(1030)));
  Result<Job> told = store_->RenewLease(job.id, "host-1", kLease, At(1040));
  ASSERT_TRUE(told);
  EXPECT_TRUE(told->cancel_requested);
  EXPECT_EQ(told->state, JobState::kRunning);
}

TEST_F(JobQueueTest, AWorkerThatLostItsLeaseCannotRenewOrFinish) {
  Job job = Create(JobKind::kTest, Commit('a'));
  ASSERT_TRUE(Claim("slow", At(1000)));
  ASSERT_TRUE(store_->RequeueExpired(3, At(1000) + kLease));
  std::optional<Job> taken = Claim("fast", At(1100));
  ASSERT_TRUE(taken);
  EXPECT_EQ(taken->id, job.id);
  EXPECT_EQ(taken->attempts, 2);

  Result<Job> renewed = store_->RenewLease(job.id, "slow", kLease, At(1101));
  ASSERT_FALSE(renewed);
  EXPECT_EQ(renewed.error().kind, ErrorKind::kFailedPrecondition);
  EXPECT_EQ(renewed.error().what,
            "job " + std::to_string(job.id) + " is held by worker fast, not by slow");

  Result<void> late = store_->FinishClaimedJob(job.id, "slow", JobState::kFailed, "x", At(1102));
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().kind, ErrorKind::kFailedPrecondition);
  Job current = Get(job.id);
  EXPECT_EQ(current.state, JobState::kRunning);
  EXPECT_EQ(current.worker, "fast");
  EXPECT_EQ(current.failure_reason, "");

  ASSERT_TRUE(store_->FinishClaimedJob(job.id, "fast", JobState::kFailed, "boom", At(1110)));
  Result<void> after_end =
      store_->FinishClaimedJob(job.id, "fast", JobState::kSucceeded, "", At(1111));
  ASSERT_FALSE(after_end);
  EXPECT_EQ(after_end.error().kind, ErrorKind::kFailedPrecondition);
  EXPECT_NE(after_end.error().what.find("is failed"), std::string::npos) << after_end.error().what;
  EXPECT_EQ(store_->RenewLease(job.id, "fast", kLease, At(1112)).error().kind,
            ErrorKind::kFailedPrecondition);
}

TEST_F(JobQueueTest, FinishClaimedJobNeedsAFinalState) {
  Job job = Create(JobKind::kTest, Commit('a'));
  ASSERT_TRUE(Claim("host-1", At(1000)));
  EXPECT_EQ(
      store_->FinishClaimedJob(job.id, "host-1", JobState::kQueued, "", At(1001)).error().kind,
      ErrorKind::kInvalidInput);
  EXPECT_EQ(
      store_->FinishClaimedJob(job.id + 1, "host-1", JobState::kFailed, "", At(1001)).error().kind,
      ErrorKind::kNotFound);
}

TEST_F(JobQueueTest, ExpiredLeasesAreRequeuedThenFailedAfterMaxAttempts) {
  Job job = Create(JobKind::kTest, Commit('a'));
  constexpr int kMaxAttempts = 2;
  TimePoint now = At(1000);
  for (int attempt = 1; attempt <= kMaxAttempts; ++attempt) {
    std::optional<Job> claimed = Claim("dies-" + std::to_string(attempt), now);
    ASSERT_TRUE(claimed);
    EXPECT_EQ(claimed->attempts, attempt);
    now += kLease;
    Result<std::vector<Job>> expired = store_->RequeueExpired(kMaxAttempts, now);
    ASSERT_TRUE(expired) << expired.error().ToString();
    ASSERT_EQ(expired->size(), 1u);
    EXPECT_EQ((*expired)[0].id, job.id);
    if (attempt < kMaxAttempts) {
      EXPECT_EQ((*expired)[0].state, JobState::kQueued);
      EXPECT_EQ((*expired)[0].worker, "");
      EXPECT_EQ((*expired)[0].lease_expires_at, std::nullopt);
      EXPECT_EQ((*expired)[0].started_at, std::nullopt);
      EXPECT_EQ((*expired)[0].attempts, attempt);
    }
  }
  Job failed = Get(job.id);
  EXPECT_EQ(failed.state, JobState::kFailed);
  EXPECT_EQ(failed.failure_reason, "lease expired 2 times: the worker running it died or hung");
  EXPECT_EQ(failed.finished_at, now);
  EXPECT_EQ(Claim("survivor", now), std::nullopt);
}

TEST_F(JobQueueTest, RequeueLeavesLiveLeasesAlone) {
  Job expiring = Create(JobKind::kTest, Commit('a'));
  Job live = Create(JobKind::kTest, Commit('b'));
  ASSERT_TRUE(Claim("old", At(1000), 2));
  ASSERT_TRUE(Claim("new", At(1010), 2));

  Result<std::vector<Job>> expired = store_->RequeueExpired(3, At(1000) + kLease);
  ASSERT_TRUE(expired);
  ASSERT_EQ(expired->size(), 1u);
  EXPECT_EQ((*expired)[0].id, expiring.id);
  EXPECT_EQ(Get(live.id).state, JobState::kRunning);
  EXPECT_EQ(Get(live.id).worker, "new");
}

TEST_F(JobQueueTest, ADeadWorkersJobWithACancelRequestIsCancelledNotRequeued) {
  Job job = Create(JobKind::kTest, Commit('a'));
  ASSERT_TRUE(Claim("host-1", At(1000)));
  ASSERT_TRUE(store_->RequestCancel(job.id, At(1001)));
  ASSERT_TRUE(store_->RequeueExpired(3, At(1000) + kLease));
  Job cancelled = Get(job.id);
  EXPECT_EQ(cancelled.state, JobState::kCancelled);
  EXPECT_EQ(cancelled.failure_reason, "cancel requested; worker host-1 stopped answering");
}

TEST_F(JobQueueTest, ReleaseJobGivesItBackWithItsAttempts) {
  Job job = Create(JobKind::kTest, Commit('a'));
  ASSERT_TRUE(Claim("host-1", At(1000)));
  EXPECT_EQ(store_->ReleaseJob(job.id, "host-2", At(1001)).error().kind,
            ErrorKind::kFailedPrecondition);
  ASSERT_TRUE(store_->ReleaseJob(job.id, "host-1", At(1001)));
  Job released = Get(job.id);
  EXPECT_EQ(released.state, JobState::kQueued);
  EXPECT_EQ(released.worker, "");
  EXPECT_EQ(released.lease_expires_at, std::nullopt);
  EXPECT_EQ(released.attempts, 1);
  std::optional<Job> again = Claim("host-2", At(1002));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->id, job.id);
  EXPECT_EQ(again->attempts, 2);
}

TEST_F(JobQueueTest, AJobWaitingForAnotherIsClaimedOnlyOnceThatOneEnded) {
  Job test = Create(JobKind::kTest, Commit('a'));
  ASSERT_TRUE(Claim("host-1", At(1000)));
  Result<Job> baseline = store_->CreateJob(Request(JobKind::kBaseline, Commit('b')), At(1001));
  ASSERT_TRUE(baseline) << baseline.error().ToString();
  EXPECT_EQ(store_->WaitForJob(test.id, "host-2", baseline->id, At(1002)).error().kind,
            ErrorKind::kFailedPrecondition);
  EXPECT_EQ(store_->WaitForJob(test.id, "host-1", 999, At(1002)).error().kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(store_->WaitForJob(test.id, "host-1", test.id, At(1002)).error().kind,
            ErrorKind::kFailedPrecondition);

  ASSERT_TRUE(store_->WaitForJob(test.id, "host-1", baseline->id, At(1002)));
  Job waiting = Get(test.id);
  EXPECT_EQ(waiting.state, JobState::kQueued);
  EXPECT_EQ(waiting.waits_for, baseline->id);
  // The older job waits: the newer baseline goes first, and while it runs nothing else does.
  std::optional<Job> first = Claim("host-1", At(1003), /*max_running=*/2);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->id, baseline->id);
  EXPECT_EQ(Claim("host-2", At(1004), /*max_running=*/2), std::nullopt);

  ASSERT_TRUE(store_->FinishClaimedJob(baseline->id, "host-1", JobState::kSucceeded, "", At(1005)));
  std::optional<Job> then = Claim("host-2", At(1006));
  ASSERT_TRUE(then);
  EXPECT_EQ(then->id, test.id);
  EXPECT_EQ(then->waits_for, baseline->id);  // kept: the wait happened once
}

}  // namespace
}  // namespace perfgate::testing
