// Workers racing for jobs, as threads of one process and as two processes (two stores on one
// file): the queue never runs more than max_running jobs and never hands a job out twice.
#include <latch>
#include <thread>

#include "store_fixture.h"

namespace perfgate::testing {
namespace {

constexpr int kRounds = 20;

class ClaimRaceTest : public StoreTest {
 protected:
  // Each round: two jobs queued, two workers claim at once through `first` and `second`
  // with `max_running`, then every claimed job finishes. Returns how many jobs each round
  // handed out, after checking that no job went to both workers.
  std::vector<int> Race(Store& first, Store& second, int max_running) {
    std::vector<int> claimed_per_round;
    for (int round = 0; round < kRounds; ++round) {
      while (QueuedCount() < 2) Create(JobKind::kTest, Commit('a'));
      std::optional<Job> a;
      std::optional<Job> b;
      std::latch start(2);
      auto claim = [&](Store& store, const std::string& worker, std::optional<Job>& out) {
        start.arrive_and_wait();
        Result<std::optional<Job>> claimed =
            store.ClaimJob(worker, max_running, kLease, At(1000 + round));
        EXPECT_TRUE(claimed) << claimed.error().ToString();
        out = claimed.value_or(std::nullopt);
      };
      {
        std::jthread one([&] { claim(first, "worker-a", a); });
        std::jthread two([&] { claim(second, "worker-b", b); });
      }
      if (a && b) {
        EXPECT_NE(a->id, b->id);
      }
      for (const auto& [job, worker] : {std::pair(a, "worker-a"), std::pair(b, "worker-b")}) {
        if (!job) continue;
        EXPECT_EQ(job->worker, worker);
        EXPECT_TRUE(
            store_->FinishClaimedJob(job->id, worker, JobState::kSucceeded, "", At(1000 + round)));
      }
      claimed_per_round.push_back((a ? 1 : 0) + (b ? 1 : 0));
    }
    return claimed_per_round;
  }

  size_t QueuedCount() {
    JobFilter queued;
    queued.state = JobState::kQueued;
    return store_->ListJobs(queued).value_or(std::vector<Job>{}).size();
  }

  std::unique_ptr<Store> SecondStore() {
    Result<std::unique_ptr<Store>> other = OpenStore(kStorage, dir_.Path());
    EXPECT_TRUE(other) << other.error().ToString();
    return other ? std::move(*other) : nullptr;
  }
};

TEST_F(ClaimRaceTest, TwoThreadsWithOneSlotNeverBothGetAJob) {
  EXPECT_EQ(Race(*store_, *store_, 1), std::vector<int>(kRounds, 1));
}

TEST_F(ClaimRaceTest, TwoThreadsWithTwoSlotsBothGetOne) {
  EXPECT_EQ(Race(*store_, *store_, 2), std::vector<int>(kRounds, 2));
}

TEST_F(ClaimRaceTest, TwoStoresOnOneFileWithOneSlotNeverBothGetAJob) {
  std::unique_ptr<Store> other = SecondStore();
  ASSERT_TRUE(other);
  EXPECT_EQ(Race(*store_, *other, 1), std::vector<int>(kRounds, 1));
}

TEST_F(ClaimRaceTest, TwoStoresOnOneFileWithTwoSlotsBothGetOne) {
  std::unique_ptr<Store> other = SecondStore();
  ASSERT_TRUE(other);
  EXPECT_EQ(Race(*store_, *other, 2), std::vector<int>(kRounds, 2));
}

}  // namespace
}  // namespace perfgate::testing
