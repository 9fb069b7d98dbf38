// The store across threads, connections and restarts.
#include <set>
#include <thread>

#include "store_fixture.h"

namespace perfgate::testing {
namespace {

using StoreLifetimeTest = StoreTest;

constexpr int kJobsPerThread = 50;

// Creates kJobsPerThread jobs and starts each; returns their ids.
std::vector<JobId> CreateAndStartJobs(Store& store, char commit_digit) {
  std::vector<JobId> ids;
  for (int i = 0; i < kJobsPerThread; ++i) {
    JobRequest request = Request(JobKind::kTest, Commit(commit_digit));
    request.ref = "ref-" + std::to_string(i);
    Result<Job> job = store.CreateJob(request, At(i));
    EXPECT_TRUE(job) << job.error().ToString();
    if (!job) break;
    Result<void> started = store.StartJob(job->id, At(i + 1));
    EXPECT_TRUE(started) << started.error().ToString();
    ids.push_back(job->id);
  }
  return ids;
}

void ExpectDistinctJobs(Store& store, const std::vector<JobId>& first,
                        const std::vector<JobId>& second) {
  EXPECT_EQ(first.size(), static_cast<size_t>(kJobsPerThread));
  EXPECT_EQ(second.size(), static_cast<size_t>(kJobsPerThread));
  std::set<JobId> all(first.begin(), first.end());
  all.insert(second.begin(), second.end());
  EXPECT_EQ(all.size(), first.size() + second.size());
  JobFilter running;
  running.state = JobState::kRunning;
  running.limit = 1000;
  Result<std::vector<Job>> listed = store.ListJobs(running);
  ASSERT_TRUE(listed) << listed.error().ToString();
  EXPECT_EQ(listed->size(), all.size());
}

TEST_F(StoreLifetimeTest, TwoThreadsShareOneStore) {
  std::vector<JobId> first;
  std::vector<JobId> second;
  {
    std::jthread a([&] { first = CreateAndStartJobs(*store_, 'a'); });
    std::jthread b([&] { second = CreateAndStartJobs(*store_, 'b'); });
  }
  ExpectDistinctJobs(*store_, first, second);
}

// Two stores on one file stand for two processes (a worker and the server).
TEST_F(StoreLifetimeTest, TwoConnectionsShareOneFile) {
  Result<std::unique_ptr<Store>> other = OpenStore(kStorage, dir_.Path());
  ASSERT_TRUE(other) << other.error().ToString();
  std::vector<JobId> first;
  std::vector<JobId> second;
  {
    std::jthread a([&] { first = CreateAndStartJobs(*store_, 'a'); });
    std::jthread b([&] { second = CreateAndStartJobs(**other, 'b'); });
  }
  ExpectDistinctJobs(*store_, first, second);
}

TEST_F(StoreLifetimeTest, DataSurvivesClosingAndReopening) {
  Job job = FinishedJob(JobKind::kBaseline, Commit('a'), JobState::kSucceeded, At(1000), "http-api",
                        RunState::kSucceeded, {1.0, std::nullopt});
  ASSERT_TRUE(store_->SaveComparison(StoredComparison{.base_job = job.id,
                                                      .candidate_job = job.id,
                                                      .base_commit = Commit('a'),
                                                      .candidate_commit = Commit('a'),
                                                      .created_at = At(1001),
                                                      .comparison = {}}));
  Reopen();

  Result<Job> reread = store_->GetJob(job.id);
  ASSERT_TRUE(reread) << reread.error().ToString();
  EXPECT_EQ(reread->state, JobState::kSucceeded);
  EXPECT_EQ(reread->finished_at, At(1000));
  Result<std::vector<Sample>> samples = store_->LoadSamples(job.id);
  ASSERT_TRUE(samples) << samples.error().ToString();
  ASSERT_EQ(samples->size(), 2u);
  EXPECT_EQ((*samples)[0].value, 1.0);
  EXPECT_EQ((*samples)[1].value, std::nullopt);
  Result<std::optional<StoredComparison>> comparison = store_->LoadComparison(job.id);
  ASSERT_TRUE(comparison && comparison->has_value());
  EXPECT_EQ((*comparison)->created_at, At(1001));
  // Ids continue after the reopened ones.
  EXPECT_GT(Create(JobKind::kTest, Commit('b')).id, job.id);
}

}  // namespace
}  // namespace perfgate::testing
