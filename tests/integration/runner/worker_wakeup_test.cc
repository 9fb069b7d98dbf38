// An idle Worker on a real SQLite store: a job queued by its own process is claimed as soon as
// the process's QueueNotifier is told, and one queued by another process at the next poll.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "runner/worker.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace perfgate {
namespace {

using testing::TempDir;

// Longer than any test lasts: a job claimed within a test was not found by a poll.
constexpr Duration kNoPoll = std::chrono::hours(1);
// Only stops a hang from lasting forever.
constexpr auto kSafetyBound = std::chrono::seconds(60);

TEST(QueueNotifierTest, ANotificationBeforeTheWaitIsNotLost) {
  QueueNotifier notifier;
  uint64_t seen = notifier.notified();
  notifier.Notify();
  EXPECT_EQ(notifier.notified(), seen + 1);
  EXPECT_TRUE(notifier.WaitFor(seen, kNoPoll));
  EXPECT_FALSE(notifier.WaitFor(notifier.notified(), std::chrono::milliseconds(10)));
}

TEST(QueueNotifierTest, OneNotificationWakesEveryWaiter) {
  QueueNotifier notifier;
  uint64_t seen = notifier.notified();
  std::atomic<int> woken = 0;
  std::vector<std::thread> waiters;
  for (int i = 0; i < 3; ++i) {
    waiters.emplace_back([&] { woken += notifier.WaitFor(seen, kNoPoll); });
  }
  notifier.Notify();
  for (std::thread& waiter : waiters) waiter.join();
  EXPECT_EQ(woken, 3);
}

// Jobs fail at once (the worker has no repository), which is all these tests need: a claimed
// job leaves the queue and is finished with a start time.
class WorkerWakeupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config_.base_dir = dir_.Path();
    config_.work_dir = dir_.Path("work");
    auto store = OpenStore("sqlite:perfgate.db", dir_.Path());
    ASSERT_TRUE(store) << store.error().ToString();
    store_ = std::move(*store);
  }

  void TearDown() override {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }

  // Runs a worker on its own thread until the test ends.
  void StartWorker(QueueNotifier* notifier, Duration poll_interval) {
    WorkerContext context;
    context.config = &config_;
    context.store = store_.get();
    context.clock = &SystemClock();
    context.id = "test:1";
    context.open_repository = []() -> Result<Repository> {
      return std::unexpected(Unavailable("no repository in this test"));
    };
    context.notifier = notifier;
    worker_ = std::make_unique<Worker>(std::move(context));
    thread_ = std::thread([this, poll_interval] { worker_->Run(stop_, abort_, poll_interval); });
  }

  JobId Enqueue(char digit) {
    JobRequest request{.kind = JobKind::kExperiment,
                       .commit = std::string(40, digit),
                       .ref = "main",
                       .scenarios = {},
                       .base_commit = {},
                       .pull_request = std::nullopt,
                       .requested_by = "test"};
    auto enqueued = store_->Enqueue(request, SystemClock().Now());
    EXPECT_TRUE(enqueued) << enqueued.error().ToString();
    return enqueued ? enqueued->job.id : 0;
  }

  // The job once it has left the queue and finished, or as it was at the safety bound.
  Job AwaitFinished(JobId id) {
    Job job;
    auto deadline = std::chrono::steady_clock::now() + kSafetyBound;
    while (std::chrono::steady_clock::now() < deadline) {
      auto read = store_->GetJob(id);
      if (read) job = *read;
      if (read && job.finished_at) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return job;
  }

  TempDir dir_;
  Config config_;
  std::unique_ptr<Store> store_;
  std::atomic<bool> stop_ = false;
  std::atomic<bool> abort_ = false;
  std::unique_ptr<Worker> worker_;
  std::thread thread_;
};

TEST_F(WorkerWakeupTest, AnIdleWorkerClaimsAJobAsSoonAsItIsNotified) {
  QueueNotifier notifier;
  JobId first = Enqueue('a');
  StartWorker(&notifier, kNoPoll);
  // Claimed by the worker's first look at the queue; the next finds it empty and waits.
  Job before = AwaitFinished(first);
  ASSERT_EQ(before.state, JobState::kFailed) << before.failure_reason;

  JobId second = Enqueue('b');
  notifier.Notify();
  Job job = AwaitFinished(second);
  EXPECT_EQ(job.state, JobState::kFailed) << "never claimed";
  EXPECT_TRUE(job.started_at.has_value());
  EXPECT_NE(job.failure_reason.find("no repository in this test"), std::string::npos)
      << job.failure_reason;
}

TEST_F(WorkerWakeupTest, AJobQueuedByAnotherProcessIsFoundByThePoll) {
  QueueNotifier notifier;
  StartWorker(&notifier, std::chrono::milliseconds(100));
  JobId id = Enqueue('c');  // nobody tells this process's notifier
  Job job = AwaitFinished(id);
  EXPECT_EQ(job.state, JobState::kFailed) << "never claimed";
}

}  // namespace
}  // namespace perfgate
