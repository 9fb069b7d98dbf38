// A test job of a pull request, run by `perfgate worker` against the quickstart, reports to a
// fake GitHub: its commit status goes pending then final, and the pull request has one
// comment, edited in place by the next report.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <thread>

#include "integration/e2e/worker_fixture.h"
#include "support/fake_github.h"

namespace perfgate::testing {
namespace {

using ::testing::HasSubstr;

constexpr const char* kTokenEnv = "PERFGATE_E2E_GITHUB_TOKEN";
constexpr const char* kToken = "ghp_e2e-token";
constexpr int kPullRequest = 7;

class GithubReportTest : public WorkerFixture {
 protected:
  void SetUp() override {
    WorkerFixture::SetUp();
    setenv(kTokenEnv, kToken, /*overwrite=*/1);  // the worker inherits it
  }
  void TearDown() override { unsetenv(kTokenEnv); }

  // A test job of the pull request for main against main~1, queued as a webhook would.
  JobId EnqueuePullRequestJob(Store& store) {
    std::string base = repo_->Git({"rev-parse", "HEAD~1"});
    while (!base.empty() && base.back() == '\n') base.pop_back();
    JobRequest request{.kind = JobKind::kTest,
                       .commit = repo_->Head(),
                       .ref = "refs/pull/7/head",
                       .scenarios = {},
                       .base_commit = base,
                       .pull_request = kPullRequest,
                       .requested_by = "test"};
    auto enqueued = store.Enqueue(request, SystemClock().Now());
    EXPECT_TRUE(enqueued) << enqueued.error().ToString();
    return enqueued ? enqueued->job.id : 0;
  }

  // Polls (bounded) until the outbox of `job` is empty: everything about it was delivered.
  void WaitDelivered(Store& store, JobId job) {
    for (int i = 0; i < 300; ++i) {
      auto left = store.ListUndelivered(job, 10);
      if (left && left->empty()) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ADD_FAILURE() << "job " << job << " still has undelivered reports";
  }

  FakeGithub github_{kToken};
};

TEST_F(GithubReportTest, APullRequestGetsPendingThenAVerdictAndOneCommentEditedInPlace) {
  std::string config =
      WriteConfig(GoodScenario(), kManagedPrometheus,
                  "github: { repository: acme/api, token_env: " + std::string(kTokenEnv) +
                      ", api_url: \"" + github_.api_url() + "\" }\n");
  auto store = OpenTestStore();
  JobId first = EnqueuePullRequestJob(*store);
  Subprocess worker = StartWorker(config, "worker");

  Job job = WaitFor(*store, first, Finished);
  ASSERT_EQ(job.state, JobState::kSucceeded) << job.failure_reason;
  WaitDelivered(*store, first);
  auto retried = store->Retry(first, SystemClock().Now());
  ASSERT_TRUE(retried) << retried.error().ToString();
  Job second = WaitFor(*store, retried->id, Finished);
  ASSERT_EQ(second.state, JobState::kSucceeded) << second.failure_reason;
  WaitDelivered(*store, retried->id);
  worker.Terminate();

  std::vector<std::string> states;
  for (const FakeGithub::Status& status : github_.statuses()) {
    EXPECT_EQ(status.repository, "acme/api");
    EXPECT_EQ(status.sha, repo_->Head());
    EXPECT_EQ(status.context, "perfgate/svc");
    states.push_back(status.state);
  }
  ASSERT_EQ(states.size(), 4u);
  EXPECT_EQ(states[0], "pending");
  EXPECT_THAT(states[1], ::testing::AnyOf("success", "failure"));
  EXPECT_EQ(states[2], "pending");
  EXPECT_THAT(states[3], ::testing::AnyOf("success", "failure"));
  EXPECT_THAT(github_.statuses().back().target_url,
              HasSubstr("/jobs/" + std::to_string(retried->id)));

  auto comments = github_.comments();
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_EQ(comments[0].issue, kPullRequest);
  EXPECT_THAT(comments[0].body, HasSubstr("perfgate"));
  EXPECT_THAT(comments[0].body, HasSubstr("/jobs/" + std::to_string(retried->id)));
  int posts = 0, patches = 0;
  for (const FakeGithub::Call& call : github_.calls()) {
    EXPECT_EQ(call.status / 100, 2) << call.method << " " << call.path << ": " << call.body;
    posts += call.method == "POST" && call.path.find("/comments") != std::string::npos;
    patches += call.method == "PATCH";
  }
  EXPECT_EQ(posts, 1);
  EXPECT_EQ(patches, 1);
}

}  // namespace
}  // namespace perfgate::testing
