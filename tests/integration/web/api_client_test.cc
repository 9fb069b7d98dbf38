// The API as the CLI drives it: ApiClient over curl against the real server and store.
#include "api_fixture.h"

namespace perfgate::testing {
namespace {

using ApiClientTest = ApiTest;

JobListQuery Query(std::optional<JobKind> kind, int limit = 50,
                   std::optional<JobId> before = std::nullopt) {
  JobListQuery query;
  query.kind = kind;
  query.limit = limit;
  query.before = before;
  return query;
}

EnqueueRequest Experiment(std::string commit) {
  return EnqueueRequest{JobKind::kExperiment, std::move(commit), {}, {}, std::nullopt};
}

TEST_F(ApiClientTest, EnqueueResolvesTheCommitAndCollapsesDuplicates) {
  ApiClient api = Client();
  auto first = api.EnqueueJob(EnqueueRequest{JobKind::kTest, "feature", {"grpc"}, "main", 12});
  ASSERT_TRUE(first) << first.error().ToString();
  EXPECT_FALSE(first->duplicate);
  EXPECT_EQ(first->job.commit, kFeatureSha);
  EXPECT_EQ(first->job.ref, "feature");
  EXPECT_EQ(first->job.base_commit, kMainSha);
  EXPECT_EQ(first->job.kind, JobKind::kTest);
  EXPECT_EQ(first->job.state, JobState::kQueued);
  EXPECT_EQ(first->job.scenarios, std::vector<std::string>{"grpc"});
  EXPECT_EQ(first->job.pull_request, 12);
  EXPECT_EQ(first->job.requested_by, "api");

  auto again = api.EnqueueJob(EnqueueRequest{JobKind::kTest, "feature", {"grpc"}, "main", 12});
  ASSERT_TRUE(again) << again.error().ToString();
  EXPECT_TRUE(again->duplicate);
  EXPECT_EQ(again->job.id, first->job.id);
  EXPECT_EQ(store_->ListJobs(JobFilter{})->size(), 1u);
}

TEST_F(ApiClientTest, EnqueueOfAnUnknownRevisionIsInvalidInputNamingTheField) {
  auto job = Client().EnqueueJob(Experiment("no-such-branch"));
  ASSERT_FALSE(job);
  EXPECT_EQ(job.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(job.error().what.find("commit: \"no-such-branch\" is not a revision"),
            std::string::npos)
      << job.error().what;
  EXPECT_EQ(job.error().where, "POST /api/v1/jobs");
  EXPECT_FALSE(job.error().fix.empty());
}

TEST_F(ApiClientTest, ListJobsFiltersAndPagesNewestFirst) {
  ApiClient api = Client();
  std::vector<JobId> ids;
  for (char digit : {'1', '2', '3', '4', '5'}) {
    auto job = api.EnqueueJob(Experiment(Sha(digit)));
    ASSERT_TRUE(job) << job.error().ToString();
    ids.push_back(job->job.id);
  }
  auto baseline = api.EnqueueJob(EnqueueRequest{JobKind::kBaseline, "main", {}, {}, std::nullopt});
  ASSERT_TRUE(baseline) << baseline.error().ToString();

  auto page = api.ListJobs(Query(JobKind::kExperiment, 2));
  ASSERT_TRUE(page) << page.error().ToString();
  ASSERT_EQ(page->size(), 2u);
  EXPECT_EQ((*page)[0].id, ids[4]);
  EXPECT_EQ((*page)[1].id, ids[3]);

  auto next = api.ListJobs(Query(JobKind::kExperiment, 2, page->back().id));
  ASSERT_TRUE(next) << next.error().ToString();
  ASSERT_EQ(next->size(), 2u);
  EXPECT_EQ((*next)[0].id, ids[2]);
  EXPECT_EQ((*next)[1].id, ids[1]);

  auto last = api.ListJobs(Query(JobKind::kExperiment, 2, next->back().id));
  ASSERT_TRUE(last) << last.error().ToString();
  ASSERT_EQ(last->size(), 1u);
  EXPECT_EQ((*last)[0].id, ids[0]);

  JobListQuery main_jobs;
  main_jobs.commit = kMainSha.substr(0, 8);
  auto by_commit = api.ListJobs(main_jobs);
  ASSERT_TRUE(by_commit) << by_commit.error().ToString();
  ASSERT_EQ(by_commit->size(), 1u);
  EXPECT_EQ((*by_commit)[0].kind, JobKind::kBaseline);

  JobListQuery succeeded;
  succeeded.state = JobState::kSucceeded;
  auto none = api.ListJobs(succeeded);
  ASSERT_TRUE(none) << none.error().ToString();
  EXPECT_TRUE(none->empty());
}

TEST_F(ApiClientTest, GetJobShowsPhasesRunsResultsAndTheStoredComparison) {
  Job base = FinishedJob(JobKind::kBaseline, Sha('b'), {1.0, 2.0, 3.0});
  Job head = FinishedJob(JobKind::kExperiment, Sha('c'), {2.0, 4.0, 6.0, 8.0});
  TimePoint now = SystemClock().Now();
  auto phase = store_->StartPhase(head.id, "", "checkout", -1, now);
  ASSERT_TRUE(phase) << phase.error().ToString();
  ASSERT_TRUE(store_->FinishPhase(*phase, "", now));
  StoredComparison stored{.base_job = base.id,
                          .candidate_job = head.id,
                          .base_commit = base.commit,
                          .candidate_commit = head.commit,
                          .created_at = now,
                          .comparison = {}};
  ASSERT_TRUE(store_->SaveComparison(stored));

  auto details = Client().GetJob(head.id);
  ASSERT_TRUE(details) << details.error().ToString();
  EXPECT_EQ(details->job.id, head.id);
  EXPECT_EQ(details->job.state, JobState::kSucceeded);
  EXPECT_EQ(details->job.attempts, 1);
  ASSERT_EQ(details->phases.size(), 1u);
  EXPECT_EQ(details->phases[0].job_id, head.id);
  EXPECT_EQ(details->phases[0].phase, "checkout");
  EXPECT_EQ(details->phases[0].scenario, "");
  EXPECT_EQ(details->phases[0].repetition, -1);
  EXPECT_EQ(std::chrono::floor<std::chrono::milliseconds>(details->phases[0].started_at),
            std::chrono::floor<std::chrono::milliseconds>(now));
  EXPECT_TRUE(details->phases[0].finished_at);
  ASSERT_TRUE(details->comparison);
  EXPECT_EQ(details->comparison->base_job, base.id);
  EXPECT_EQ(details->comparison->summary, "no series compared");
  const nlohmann::json& doc = details->document;
  ASSERT_EQ(doc["phases"].size(), 1u);
  EXPECT_EQ(doc["phases"][0]["phase"], "checkout");
  ASSERT_EQ(doc["runs"].size(), 1u);
  EXPECT_EQ(doc["runs"][0]["state"], "succeeded");
  ASSERT_EQ(doc["results"].size(), 1u);
  EXPECT_EQ(doc["results"][0]["metric"], "latency");
  EXPECT_EQ(doc["results"][0]["median"], 5.0);
  EXPECT_EQ(doc["results"][0]["samples"], 4);
  EXPECT_EQ(doc["comparison"]["base"]["job"], base.id);
  EXPECT_EQ(doc["comparison"]["summary"], "no series compared");

  auto plain = Client().GetJob(base.id);
  ASSERT_TRUE(plain) << plain.error().ToString();
  EXPECT_TRUE(plain->document["comparison"].is_null());
  EXPECT_FALSE(plain->comparison);
}

TEST_F(ApiClientTest, UnknownJobsAreNotFound) {
  ApiClient api = Client();
  EXPECT_EQ(api.GetJob(999).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(api.GetLog(999, 0).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(api.CancelJob(999).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(api.RetryJob(999).error().kind, ErrorKind::kNotFound);
}

TEST_F(ApiClientTest, CancelOfAQueuedJobCancelsItAndOfAFinishedOneConflicts) {
  ApiClient api = Client();
  auto job = api.EnqueueJob(Experiment("main"));
  ASSERT_TRUE(job) << job.error().ToString();
  auto cancelled = api.CancelJob(job->job.id);
  ASSERT_TRUE(cancelled) << cancelled.error().ToString();
  EXPECT_EQ(cancelled->state, JobState::kCancelled);

  auto again = api.CancelJob(job->job.id);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::kFailedPrecondition);
  EXPECT_FALSE(again.error().what.empty());
}

TEST_F(ApiClientTest, RetryOfAFinishedJobQueuesANewOneAndOfAQueuedOneConflicts) {
  ApiClient api = Client();
  Job failed = FinishedJob(JobKind::kExperiment, Sha('d'), {1.0}, JobState::kFailed);
  auto retried = api.RetryJob(failed.id);
  ASSERT_TRUE(retried) << retried.error().ToString();
  EXPECT_NE(retried->id, failed.id);
  EXPECT_EQ(retried->state, JobState::kQueued);
  EXPECT_EQ(retried->commit, failed.commit);

  auto queued_again = api.RetryJob(retried->id);
  ASSERT_FALSE(queued_again);
  EXPECT_EQ(queued_again.error().kind, ErrorKind::kFailedPrecondition);
}

TEST_F(ApiClientTest, GetLogFollowsOffsetsAsTheFileGrows) {
  ApiClient api = Client();
  auto job = api.EnqueueJob(Experiment("main"));
  ASSERT_TRUE(job) << job.error().ToString();
  JobId id = job->job.id;

  auto before_start = api.GetLog(id, 0);  // no file yet
  ASSERT_TRUE(before_start) << before_start.error().ToString();
  EXPECT_EQ(before_start->text, "");
  EXPECT_EQ(before_start->next_offset, 0);
  EXPECT_EQ(before_start->state, JobState::kQueued);

  AppendLog(id, "checkout\n");
  auto first = api.GetLog(id, 0);
  ASSERT_TRUE(first) << first.error().ToString();
  EXPECT_EQ(first->text, "checkout\n");
  EXPECT_EQ(first->next_offset, 9);

  AppendLog(id, "build\n");
  auto second = api.GetLog(id, first->next_offset);
  ASSERT_TRUE(second) << second.error().ToString();
  EXPECT_EQ(second->text, "build\n");
  EXPECT_EQ(second->next_offset, 15);

  auto middle = api.GetLog(id, 3);
  ASSERT_TRUE(middle) << middle.error().ToString();
  EXPECT_EQ(middle->text, "ckout\nbuild\n");

  ASSERT_TRUE(api.CancelJob(id));
  auto end = api.GetLog(id, second->next_offset);
  ASSERT_TRUE(end) << end.error().ToString();
  EXPECT_EQ(end->text, "");
  EXPECT_EQ(end->next_offset, 15);
  EXPECT_EQ(end->state, JobState::kCancelled);

  auto past_end = api.GetLog(id, 1000);
  ASSERT_TRUE(past_end) << past_end.error().ToString();
  EXPECT_EQ(past_end->text, "");
  EXPECT_EQ(past_end->next_offset, 1000);
}

TEST_F(ApiClientTest, AWrongTokenGivesTheServersMessage) {
  auto job = Client("not-the-token").EnqueueJob(Experiment("main"));
  ASSERT_FALSE(job);
  EXPECT_EQ(job.error().kind, ErrorKind::kFailedPrecondition);
  EXPECT_EQ(job.error().what, "the bearer token is not accepted");
  EXPECT_NE(job.error().fix.find("PERFGATE_TEST_API_TOKEN"), std::string::npos);
}

TEST_F(ApiClientTest, AServerThatIsGoneIsUnavailable) {
  std::string url = BaseUrl();
  server_.reset();
  ApiClient api(NewCurlHttpClient(), url, kToken);
  auto jobs = api.ListJobs(JobListQuery{});
  ASSERT_FALSE(jobs);
  EXPECT_EQ(jobs.error().kind, ErrorKind::kUnavailable);
  EXPECT_NE(jobs.error().where.find(url + "/api/v1/jobs"), std::string::npos);
  EXPECT_EQ(jobs.error().fix, "check that `perfgate serve` runs and listens at " + url);
}

}  // namespace
}  // namespace perfgate::testing
