// The whole GitHub loop on the quickstart: `perfgate serve` takes a signed pull_request
// webhook, measures the pull request's head against its base, and reports to a fake GitHub;
// a second push to the pull request is taken the same way. The first head, whose requests do
// 10% more work, is measured in ten pairs with its base and is a regression on every
// endpoint's median: its commit status goes pending (queued, running) then failure. The
// second head does not build: its status ends in error. The pull request has exactly one
// comment, edited in place by the second report to say why that job failed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "github/signature.h"
#include "http/http_client.h"
#include "integration/e2e/worker_fixture.h"
#include "support/fake_github.h"
#include "support/github_payloads.h"

namespace perfgate::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::StartsWith;

constexpr char kSecret[] = "e2e-webhook-secret";
constexpr char kToken[] = "ghp_e2e-token";
const std::map<std::string, std::string> kEnv = {{"PERFGATE_E2E_WEBHOOK_SECRET", kSecret},
                                                 {"PERFGATE_E2E_GITHUB_TOKEN", kToken}};

class GithubLoopTest : public WorkerFixture {
 protected:
  void SetUp() override {
    WorkerFixture::SetUp();  // main: the quickstart service and a commit of notes
    repo_->Branch("feature");
    first_push_ = repo_->Commit({{"Makefile", MakefileWithExtraWork(10)}},
                                "every request does 10% more work");
    repo_->Checkout("main");
    url_ = "http://127.0.0.1:" + std::to_string(FreeLoopbackPort());
    std::string top_level = "server: { listen: \"" + url_.substr(7) +
                            "\", public_url: \"https://perf.example\" }\n" +
                            "github: { repository: " + kPayloadRepository +
                            ", token_env: PERFGATE_E2E_GITHUB_TOKEN, webhook_secret_env: "
                            "PERFGATE_E2E_WEBHOOK_SECRET, api_url: \"" +
                            github_.api_url() + "\" }\n";
    // A window's median moves by ~3% from pair to pair (bench/quickstart_validation): ten
    // pairs in one look put a 10% slowdown's interval well clear of 0, and its estimate of
    // the margin. 2s windows at 900 requests/s hold as many requests as MedianLatencyScenario's.
    ScenarioYaml scenario = MedianLatencyScenario("3%");
    scenario.duration = "2s";
    scenario.rate = "900";
    scenario.keys = "comparison: interleaved\npairs: 10\nmax_pairs: 10\n";
    config_ = WriteConfig(scenario, kManagedPrometheus, top_level);
  }

  // Sends GitHub's pull_request example, made about `head` on branch feature of the fixture
  // repository, as delivery `delivery`; returns the job it queued.
  JobId DeliverPullRequest(const std::string& action, const std::string& head,
                           const std::string& delivery) {
    nlohmann::json payload = Payload("pull_request-opened.payload.json");
    payload["action"] = action;
    payload["pull_request"]["head"]["sha"] = head;
    payload["pull_request"]["head"]["ref"] = "feature";
    payload["pull_request"]["base"]["ref"] = "main";
    std::string body = payload.dump();
    HttpRequest request{.method = "POST",
                        .url = url_ + "/webhooks/github",
                        .headers = {{"Content-Type", "application/json"},
                                    {"X-GitHub-Event", "pull_request"},
                                    {"X-GitHub-Delivery", delivery},
                                    {"X-Hub-Signature-256", WebhookSignature(kSecret, body)}},
                        .body = body};
    Result<HttpResponse> answer = NewCurlHttpClient()->Send(request);
    EXPECT_TRUE(answer) << answer.error().ToString();
    if (!answer) return 0;
    EXPECT_EQ(answer->status, 201) << answer->body;
    return nlohmann::json::parse(answer->body, nullptr, false).value("id", JobId{0});
  }

  // Waits for `job` to end, then (bounded) until everything reported about it was delivered.
  Job WaitReported(Store& store, JobId id) {
    Job job = WaitFor(store, id, Finished);
    for (int i = 0; i < 300; ++i) {
      auto left = store.ListUndelivered(id, 10);
      if (left && left->empty()) return job;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ADD_FAILURE() << "job " << id << " still has undelivered reports";
    return job;
  }

  // Job `id` measured `base` and `candidate` in ten pairs of random order, each side stored
  // as such, and found every endpoint's median slower by more than the margin.
  void ExpectInterleavedRegression(Store& store, JobId id, const std::string& base,
                                   const std::string& candidate) {
    ExpectBothSidesStored(store, id, base, candidate);
    auto stored = store.LoadComparison(id);
    ASSERT_TRUE(stored && stored->has_value()) << "job " << id << " has no comparison";
    const StoredComparison& comparison = **stored;
    EXPECT_EQ(comparison.mode, ComparisonMode::kInterleaved);
    EXPECT_THAT(comparison.pair_orders, MatchesRegex("svc: (AB|BA)(,(AB|BA)){9}"));
    ASSERT_EQ(comparison.comparison.series.size(), 3u);  // /hash, /search, /sort
    for (const SeriesComparison& series : comparison.comparison.series) {
      EXPECT_EQ(series.verdict, Verdict::kRegression) << series.series;
      EXPECT_GT(series.estimate, 0.03) << series.series;
    }
  }

  // The states GitHub was given for `sha`, in order, and the last description.
  std::vector<std::string> StatesOf(const std::string& sha, std::string* last_description) {
    std::vector<std::string> states;
    for (const FakeGithub::Status& status : github_.statuses()) {
      if (status.sha != sha) continue;
      EXPECT_EQ(status.repository, kPayloadRepository);
      EXPECT_EQ(status.context, "perfgate/svc");
      states.push_back(status.state);
      *last_description = status.description;
    }
    return states;
  }

  FakeGithub github_{kToken};
  std::string first_push_;
  std::string url_;
  std::string config_;
};

TEST_F(GithubLoopTest, APullRequestGetsAVerdictAndOneCommentEditedByTheNextPush) {
  Subprocess server = StartServe(config_, url_, kEnv);
  auto store = OpenTestStore();

  JobId first = DeliverPullRequest("opened", first_push_, "a1b2c3d4-0000-11e3-81ab-4c9367dc0958");
  Job job = WaitReported(*store, first);
  ASSERT_EQ(job.state, JobState::kSucceeded) << job.failure_reason;
  EXPECT_EQ(job.pull_request, 2);  // the example's number
  ExpectInterleavedRegression(*store, first, repo_->Head(), first_push_);

  // A second push to the pull request, known to the repository only now, that breaks the
  // build: its report replaces the first one's, and fails fast.
  repo_->Checkout("feature");
  std::string second_push = repo_->Commit(
      {{"Makefile", "server:\n\t@echo 'server.c:1: error: broken on purpose' >&2; exit 1\n"}},
      "a build that fails");
  repo_->Checkout("main");
  JobId second =
      DeliverPullRequest("synchronize", second_push, "a1b2c3d4-0001-11e3-81ab-4c9367dc0958");
  job = WaitReported(*store, second);
  ASSERT_EQ(job.state, JobState::kFailed);
  EXPECT_THAT(job.failure_reason, HasSubstr("broken on purpose"));
  StopServe(server);

  std::string description;
  EXPECT_THAT(StatesOf(first_push_, &description),
              ElementsAre("pending", "pending", "failure"));  // queued, running, verdict
  EXPECT_THAT(description, HasSubstr("regression: latency_p50"));
  EXPECT_THAT(StatesOf(second_push, &description), ElementsAre("pending", "pending", "error"));
  EXPECT_THAT(
      description,
      StartsWith("job failed: scenario svc: environment.build[0]: `make -s server` failed"));
  EXPECT_EQ(github_.statuses().back().target_url,
            "https://perf.example/jobs/" + std::to_string(second));

  auto comments = github_.comments();
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_EQ(comments[0].issue, 2);
  EXPECT_THAT(comments[0].body, HasSubstr("job failed on " + second_push.substr(0, 7)));
  EXPECT_THAT(comments[0].body, HasSubstr("broken on purpose"));
  EXPECT_THAT(comments[0].body, HasSubstr("/jobs/" + std::to_string(second)));
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
