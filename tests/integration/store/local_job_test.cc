// Jobs started with StartJob, as `perfgate run` does: held without a lease for as long as
// the starting process lives.
#include <unistd.h>

#include "store_fixture.h"

namespace perfgate::testing {
namespace {

using LocalJobTest = StoreTest;

TEST_F(LocalJobTest, AJobStartedByALiveProcessIsNeverRequeuedAndHoldsASlot) {
  Job local = Create(JobKind::kTest, Commit('a'));
  Job queued = Create(JobKind::kTest, Commit('b'));
  ASSERT_TRUE(store_->StartJob(local.id, At(100)));
  Job running = Get(local.id);
  EXPECT_EQ(running.worker, "local pid " + std::to_string(getpid()));
  EXPECT_EQ(running.lease_expires_at, std::nullopt);

  // However late it is: this process still runs the job.
  Result<std::vector<Job>> requeued = store_->RequeueExpired(1, At(1'000'000));
  ASSERT_TRUE(requeued) << requeued.error().ToString();
  EXPECT_TRUE(requeued->empty());
  EXPECT_EQ(Get(local.id).state, JobState::kRunning);
  EXPECT_EQ(Claim("server", At(1'000'000)), std::nullopt) << "the only slot is taken";
  std::optional<Job> second = Claim("server", At(1'000'000), 2);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->id, queued.id);
}

TEST_F(LocalJobTest, AJobWhoseProcessDiedFreesItsSlotAndIsRequeued) {
  Job orphaned = Create(JobKind::kTest, Commit('a'));
  Job queued = Create(JobKind::kTest, Commit('b'));
  StartJobInProcessThatExits(orphaned.id);
  ASSERT_EQ(Get(orphaned.id).state, JobState::kRunning);

  std::optional<Job> claimed = Claim("server", At(200));
  ASSERT_TRUE(claimed) << "a dead process holds no slot";
  EXPECT_EQ(claimed->id, queued.id);

  Result<std::vector<Job>> requeued = store_->RequeueExpired(3, At(200));
  ASSERT_TRUE(requeued) << requeued.error().ToString();
  ASSERT_EQ(requeued->size(), 1u);
  EXPECT_EQ((*requeued)[0].id, orphaned.id);
  EXPECT_EQ((*requeued)[0].state, JobState::kQueued);
  EXPECT_EQ((*requeued)[0].attempts, 1);
}

TEST_F(LocalJobTest, AJobWhoseProcessDiedTooOftenFails) {
  Job job = Create(JobKind::kTest, Commit('a'));
  StartJobInProcessThatExits(job.id);
  ASSERT_TRUE(store_->RequeueExpired(1, At(200)));
  Job failed = Get(job.id);
  EXPECT_EQ(failed.state, JobState::kFailed);
  EXPECT_EQ(failed.failure_reason, "lease expired 1 time: the worker running it died or hung");
}

}  // namespace
}  // namespace perfgate::testing
