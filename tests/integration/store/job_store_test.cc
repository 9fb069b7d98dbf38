#include "store_fixture.h"

namespace perfgate::testing {
namespace {

using JobStoreTest = StoreTest;

TEST_F(JobStoreTest, CreateJobStoresTheRequestQueued) {
  JobRequest request{.kind = JobKind::kTest,
                     .commit = Commit('a'),
                     .ref = "pull/7/head",
                     .scenarios = {"http-api", "grpc", "http-api"},
                     .base_commit = Commit('b'),
                     .pull_request = 7,
                     .requested_by = "github pull request"};
  Result<Job> created = store_->CreateJob(request, At(1000) + std::chrono::milliseconds(5));
  ASSERT_TRUE(created) << created.error().ToString();
  EXPECT_GT(created->id, 0);
  EXPECT_EQ(created->state, JobState::kQueued);
  EXPECT_EQ(created->kind, JobKind::kTest);
  EXPECT_EQ(created->commit, Commit('a'));
  EXPECT_EQ(created->ref, "pull/7/head");
  // A set of scenarios: sorted, without repeats.
  EXPECT_EQ(created->scenarios, (std::vector<std::string>{"grpc", "http-api"}));
  EXPECT_EQ(created->base_commit, Commit('b'));
  EXPECT_EQ(created->pull_request, 7);
  EXPECT_EQ(created->requested_by, "github pull request");
  EXPECT_EQ(created->worker, "");
  EXPECT_EQ(created->lease_expires_at, std::nullopt);
  EXPECT_FALSE(created->cancel_requested);
  EXPECT_EQ(created->attempts, 0);
  EXPECT_EQ(created->created_at, At(1000) + std::chrono::milliseconds(5));
  EXPECT_EQ(created->started_at, std::nullopt);
  EXPECT_EQ(created->finished_at, std::nullopt);

  Result<Job> read = store_->GetJob(created->id);
  ASSERT_TRUE(read) << read.error().ToString();
  EXPECT_EQ(read->scenarios, created->scenarios);
  EXPECT_EQ(read->created_at, created->created_at);
  EXPECT_EQ(read->pull_request, 7);
  EXPECT_EQ(read->requested_by, "github pull request");
}

TEST_F(JobStoreTest, CreateJobWithoutCommitIsInvalidInput) {
  Result<Job> created = store_->CreateJob(JobRequest{}, At(1));
  ASSERT_FALSE(created);
  EXPECT_EQ(created.error().kind, ErrorKind::kInvalidInput);
}

TEST_F(JobStoreTest, UnknownJobIsNotFound) {
  Result<Job> job = store_->GetJob(42);
  ASSERT_FALSE(job);
  EXPECT_EQ(job.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(job.error().what, "job 42 not found");
  EXPECT_EQ(job.error().where, "database " + DatabasePath());
  EXPECT_EQ(store_->StartJob(42, At(1)).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(store_->FinishJob(42, JobState::kFailed, "x", At(1)).error().kind,
            ErrorKind::kNotFound);
}

TEST_F(JobStoreTest, LifecycleFromQueuedToSucceeded) {
  Job job = Create(JobKind::kBaseline, Commit('a'), At(10));
  ASSERT_TRUE(store_->StartJob(job.id, At(20)));
  Result<Job> running = store_->GetJob(job.id);
  ASSERT_TRUE(running);
  EXPECT_EQ(running->state, JobState::kRunning);
  EXPECT_EQ(running->attempts, 1);
  EXPECT_EQ(running->started_at, At(20));

  ASSERT_TRUE(store_->FinishJob(job.id, JobState::kSucceeded, "ignored on success", At(30)));
  Result<Job> done = store_->GetJob(job.id);
  ASSERT_TRUE(done);
  EXPECT_EQ(done->state, JobState::kSucceeded);
  EXPECT_EQ(done->finished_at, At(30));
  EXPECT_EQ(done->failure_reason, "");
}

TEST_F(JobStoreTest, FailedJobKeepsItsReason) {
  Job job = Create(JobKind::kTest, Commit('a'));
  ASSERT_TRUE(store_->StartJob(job.id, At(20)));
  ASSERT_TRUE(store_->FinishJob(job.id, JobState::kFailed, "build failed: exit 2", At(30)));
  Result<Job> done = store_->GetJob(job.id);
  ASSERT_TRUE(done);
  EXPECT_EQ(done->state, JobState::kFailed);
  EXPECT_EQ(done->failure_reason, "build failed: exit 2");
}

TEST_F(JobStoreTest, QueuedJobCanBeCancelled) {
  Job job = Create(JobKind::kExperiment, Commit('a'));
  ASSERT_TRUE(store_->FinishJob(job.id, JobState::kCancelled, "superseded", At(30)));
  Result<Job> done = store_->GetJob(job.id);
  ASSERT_TRUE(done);
  EXPECT_EQ(done->state, JobState::kCancelled);
  EXPECT_EQ(done->failure_reason, "superseded");
  EXPECT_EQ(done->started_at, std::nullopt);
  EXPECT_EQ(done->finished_at, At(30));
}

TEST_F(JobStoreTest, StartingAJobThatIsNotQueuedFailsNamingItsState) {
  Job job = Create(JobKind::kTest, Commit('a'));
  ASSERT_TRUE(store_->StartJob(job.id, At(20)));
  Result<void> again = store_->StartJob(job.id, At(21));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::kFailedPrecondition);
  EXPECT_EQ(again.error().what, "job " + std::to_string(job.id) + " is running, not queued");
  EXPECT_EQ(store_->GetJob(job.id)->attempts, 1);
}

TEST_F(JobStoreTest, InvalidFinishesAreRejectedAndChangeNothing) {
  Job queued = Create(JobKind::kTest, Commit('a'));
  Result<void> succeeded_while_queued =
      store_->FinishJob(queued.id, JobState::kSucceeded, "", At(30));
  ASSERT_FALSE(succeeded_while_queued);
  EXPECT_EQ(succeeded_while_queued.error().kind, ErrorKind::kFailedPrecondition);
  EXPECT_NE(succeeded_while_queued.error().what.find("it is queued"), std::string::npos);

  Result<void> to_running = store_->FinishJob(queued.id, JobState::kRunning, "", At(30));
  ASSERT_FALSE(to_running);
  EXPECT_EQ(to_running.error().kind, ErrorKind::kInvalidInput);

  ASSERT_TRUE(store_->StartJob(queued.id, At(20)));
  ASSERT_TRUE(store_->FinishJob(queued.id, JobState::kFailed, "boom", At(30)));
  Result<void> twice = store_->FinishJob(queued.id, JobState::kSucceeded, "", At(40));
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().kind, ErrorKind::kFailedPrecondition);
  EXPECT_NE(twice.error().what.find("it is failed"), std::string::npos);

  Result<Job> unchanged = store_->GetJob(queued.id);
  ASSERT_TRUE(unchanged);
  EXPECT_EQ(unchanged->state, JobState::kFailed);
  EXPECT_EQ(unchanged->finished_at, At(30));
}

TEST_F(JobStoreTest, ListJobsFiltersNewestFirst) {
  Job baseline_a = Create(JobKind::kBaseline, Commit('a'));
  Job test_a = Create(JobKind::kTest, Commit('a'));
  Job test_b = Create(JobKind::kTest, Commit('b'));
  Job experiment_c = Create(JobKind::kExperiment, "c0ffee" + std::string(34, '0'));
  ASSERT_TRUE(store_->StartJob(test_b.id, At(20)));

  auto ids = [&](std::optional<JobState> state, std::optional<JobKind> kind,
                 const std::string& commit = {}, int limit = 50,
                 std::optional<JobId> before = std::nullopt) {
    JobFilter filter;
    filter.state = state;
    filter.kind = kind;
    filter.commit = commit;
    filter.limit = limit;
    filter.before = before;
    Result<std::vector<Job>> jobs = store_->ListJobs(filter);
    EXPECT_TRUE(jobs) << jobs.error().ToString();
    std::vector<JobId> result;
    for (const Job& job : jobs.value_or(std::vector<Job>{})) result.push_back(job.id);
    return result;
  };
  using Ids = std::vector<JobId>;
  constexpr std::nullopt_t kAny = std::nullopt;
  EXPECT_EQ(ids(kAny, kAny), (Ids{experiment_c.id, test_b.id, test_a.id, baseline_a.id}));
  EXPECT_EQ(ids(JobState::kQueued, kAny), (Ids{experiment_c.id, test_a.id, baseline_a.id}));
  EXPECT_EQ(ids(kAny, JobKind::kTest), (Ids{test_b.id, test_a.id}));
  EXPECT_EQ(ids(JobState::kRunning, JobKind::kTest), (Ids{test_b.id}));
  EXPECT_EQ(ids(kAny, kAny, Commit('a')), (Ids{test_a.id, baseline_a.id}));
  EXPECT_EQ(ids(kAny, kAny, "c0ff"), (Ids{experiment_c.id}));
  EXPECT_EQ(ids(kAny, kAny, "aaaab"), (Ids{}));
  EXPECT_EQ(ids(kAny, kAny, "", 2), (Ids{experiment_c.id, test_b.id}));
  // The next page starts below the last id of the previous one, with the other filters kept.
  EXPECT_EQ(ids(kAny, kAny, "", 2, test_b.id), (Ids{test_a.id, baseline_a.id}));
  EXPECT_EQ(ids(JobState::kQueued, kAny, "", 50, experiment_c.id), (Ids{test_a.id, baseline_a.id}));
  EXPECT_EQ(ids(kAny, kAny, "", 50, baseline_a.id), (Ids{}));

  JobFilter no_limit_filter;
  no_limit_filter.limit = 0;
  Result<std::vector<Job>> no_limit = store_->ListJobs(no_limit_filter);
  ASSERT_FALSE(no_limit);
  EXPECT_EQ(no_limit.error().kind, ErrorKind::kInvalidInput);
}

TEST_F(JobStoreTest, ListJobsFiltersByRefAndFinishedStatesAndListsTheQueueInOrder) {
  auto create = [&](const std::string& ref) {
    JobRequest request = Request(JobKind::kTest, Commit('a'));
    request.ref = ref;
    request.pull_request = static_cast<int>(ref.size());  // not duplicates of each other
    Result<Job> job = store_->CreateJob(request, At(100));
    EXPECT_TRUE(job) << job.error().ToString();
    return job.value_or(Job{});
  };
  Job on_main = create("main");
  Job on_feature = create("feature/x");
  Job cancelled = create("feature/y");
  Job running = create("feature/zz");
  ASSERT_TRUE(store_->FinishJob(cancelled.id, JobState::kCancelled, "by a test", At(101)));
  ASSERT_TRUE(store_->StartJob(running.id, At(101)));

  auto ids = [&](const std::string& ref, bool finished = false) {
    JobFilter filter;
    filter.ref = ref;
    filter.finished = finished;
    std::vector<JobId> result;
    for (const Job& job : store_->ListJobs(filter).value_or(std::vector<Job>{})) {
      result.push_back(job.id);
    }
    return result;
  };
  using Ids = std::vector<JobId>;
  EXPECT_EQ(ids("feature/x"), (Ids{on_feature.id}));
  EXPECT_EQ(ids("feature"), (Ids{}));  // a whole ref, not a prefix
  EXPECT_EQ(ids("", true), (Ids{cancelled.id}));
  EXPECT_EQ(ids("main", true), (Ids{}));
  EXPECT_EQ(ids(""), (Ids{running.id, cancelled.id, on_feature.id, on_main.id}));

  JobFilter queue_order;
  queue_order.state = JobState::kQueued;
  queue_order.oldest_first = true;
  queue_order.limit = 1;
  Result<std::vector<Job>> head = store_->ListJobs(queue_order);
  ASSERT_TRUE(head) << head.error().ToString();
  ASSERT_EQ(head->size(), 1u);
  EXPECT_EQ(head->front().id, on_main.id);
}

TEST_F(JobStoreTest, FindBaselineJobPicksTheNewestSucceededBaselineWithTheScenario) {
  Job older = FinishedJob(JobKind::kBaseline, Commit('a'), JobState::kSucceeded, At(1000));
  Job newest = FinishedJob(JobKind::kBaseline, Commit('a'), JobState::kSucceeded, At(3000));
  // Created after `newest` but finished before it: finish time decides.
  Job finished_earlier =
      FinishedJob(JobKind::kBaseline, Commit('a'), JobState::kSucceeded, At(2000));
  // Newer, but each disqualified.
  FinishedJob(JobKind::kBaseline, Commit('a'), JobState::kFailed, At(4000));
  FinishedJob(JobKind::kBaseline, Commit('a'), JobState::kSucceeded, At(4000), "http-api",
              RunState::kFailed);
  FinishedJob(JobKind::kBaseline, Commit('a'), JobState::kSucceeded, At(4000), "grpc");
  FinishedJob(JobKind::kTest, Commit('a'), JobState::kSucceeded, At(4000));
  FinishedJob(JobKind::kBaseline, Commit('b'), JobState::kSucceeded, At(4000));

  Result<std::optional<Job>> found = store_->FindBaselineJob(Commit('a'), "http-api");
  ASSERT_TRUE(found) << found.error().ToString();
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->id, newest.id);
  EXPECT_NE((*found)->id, older.id);
  EXPECT_NE((*found)->id, finished_earlier.id);

  Result<std::optional<Job>> none = store_->FindBaselineJob(Commit('c'), "http-api");
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->has_value());
}

TEST_F(JobStoreTest, FindBaselineJobBreaksFinishTimeTiesByNewestId) {
  FinishedJob(JobKind::kBaseline, Commit('a'), JobState::kSucceeded, At(1000));
  Job later = FinishedJob(JobKind::kBaseline, Commit('a'), JobState::kSucceeded, At(1000));
  Result<std::optional<Job>> found = store_->FindBaselineJob(Commit('a'), "http-api");
  ASSERT_TRUE(found && found->has_value());
  EXPECT_EQ((*found)->id, later.id);
}

}  // namespace
}  // namespace perfgate::testing
