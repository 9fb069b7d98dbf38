// Each event kind and action of GitHub's documented payloads -> the right job or the right
// reason to ignore it.
#include "github/webhook_event.h"

#include <gtest/gtest.h>

#include "support/github_payloads.h"

namespace perfgate {
namespace {

using testing::Payload;

constexpr char kHeadSha[] = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";

class WebhookEventTest : public ::testing::Test {
 protected:
  WebhookEventTest() {
    config_.repository.default_branch = "master";
    config_.github.emplace().repository = testing::kPayloadRepository;
    config_.scenarios.resize(2);
    config_.scenarios[0].name = "http-api";
    config_.scenarios[1].name = "grpc";
  }

  EventDecision Decide(std::string_view event, const nlohmann::json& payload) {
    Result<EventDecision> decision = DecideEvent(event, payload, config_);
    EXPECT_TRUE(decision) << decision.error().ToString();
    return decision.value_or(IgnoredEvent{"(error)"});
  }

  // The reason of an ignored decision; fails the test for any other decision.
  std::string IgnoredReason(std::string_view event, const nlohmann::json& payload) {
    EventDecision decision = Decide(event, payload);
    auto* ignored = std::get_if<IgnoredEvent>(&decision);
    EXPECT_NE(ignored, nullptr) << "not ignored: " << event;
    return ignored ? ignored->reason : "";
  }

  JobRequest Job(std::string_view event, const nlohmann::json& payload) {
    EventDecision decision = Decide(event, payload);
    auto* job = std::get_if<JobToEnqueue>(&decision);
    EXPECT_NE(job, nullptr) << "no job for " << event;
    return job ? job->request : JobRequest{};
  }

  // The field path of the error DecideEvent gives.
  std::string ErrorWhere(std::string_view event, const nlohmann::json& payload) {
    Result<EventDecision> decision = DecideEvent(event, payload, config_);
    EXPECT_FALSE(decision) << "accepted " << payload.dump().substr(0, 200);
    if (decision) return "";
    EXPECT_EQ(decision.error().kind, ErrorKind::kInvalidInput);
    return decision.error().where;
  }

  static nlohmann::json PrComment(const std::string& body, const std::string& association) {
    nlohmann::json payload = Payload("issue_comment-created.payload.json");
    payload["issue"]["pull_request"] = {{"url", "https://api.github.com/repos/x/y/pulls/1"}};
    payload["comment"]["body"] = body;
    payload["comment"]["author_association"] = association;
    return payload;
  }

  Config config_;
};

TEST_F(WebhookEventTest, PingIsAnswered) {
  EXPECT_TRUE(std::holds_alternative<WebhookPing>(Decide("ping", Payload("ping-payload.json"))));
}

TEST_F(WebhookEventTest, APushToTheDefaultBranchIsABaselineOfItsAfterCommit) {
  JobRequest request = Job("push", Payload("push-with-new-branch.payload.json"));
  EXPECT_EQ(request.kind, JobKind::kBaseline);
  EXPECT_EQ(request.commit, "6113728f27ae82c7b1a177c8d03f9e96e0adf246");
  EXPECT_EQ(request.ref, "master");
  EXPECT_TRUE(request.base_commit.empty());
  EXPECT_FALSE(request.pull_request.has_value());
  EXPECT_EQ(request.requested_by, "github push");
}

TEST_F(WebhookEventTest, TagPushesBranchDeletionsAndOtherBranchesAreIgnored) {
  // GitHub's push example deletes a tag.
  EXPECT_EQ(IgnoredReason("push", Payload("push-payload.json")), "push to a tag or another ref");
  nlohmann::json deleted = Payload("push-with-new-branch.payload.json");
  deleted["deleted"] = true;
  deleted["after"] = std::string(40, '0');
  EXPECT_EQ(IgnoredReason("push", deleted), "branch deleted");
  nlohmann::json other = Payload("push-with-new-branch.payload.json");
  other["ref"] = "refs/heads/feature";
  EXPECT_EQ(IgnoredReason("push", other), "push to a branch other than the default branch master");
}

TEST_F(WebhookEventTest, MeasuredPullRequestActionsAreTestJobsOfTheHead) {
  for (const char* file : {"pull_request-opened.payload.json", "pull_request-reopened.payload.json",
                           "pull_request-synchronize.payload.json"}) {
    nlohmann::json payload = Payload(file);
    JobRequest request = Job("pull_request", payload);
    EXPECT_EQ(request.kind, JobKind::kTest) << file;
    EXPECT_EQ(request.commit, kHeadSha) << file;
    EXPECT_EQ(request.ref, "changes") << file;
    EXPECT_EQ(request.pull_request, 2) << file;
    EXPECT_TRUE(request.base_commit.empty()) << "the runner finds the merge-base: " << file;
    EXPECT_EQ(request.requested_by, "github pull_request " + payload["action"].get<std::string>());
  }
  nlohmann::json ready = Payload("pull_request-opened.payload.json");
  ready["action"] = "ready_for_review";
  EXPECT_EQ(Job("pull_request", ready).commit, kHeadSha);
}

TEST_F(WebhookEventTest, ClosedOtherActionsAndDraftsAreIgnored) {
  EXPECT_EQ(IgnoredReason("pull_request", Payload("pull_request-closed.payload.json")),
            "pull_request action \"closed\" is not measured");
  nlohmann::json labeled = Payload("pull_request-opened.payload.json");
  labeled["action"] = "labeled";
  EXPECT_EQ(IgnoredReason("pull_request", labeled),
            "pull_request action \"labeled\" is not measured");
  nlohmann::json draft = Payload("pull_request-opened.payload.json");
  draft["pull_request"]["draft"] = true;
  EXPECT_EQ(IgnoredReason("pull_request", draft),
            "draft pull request: measured once ready for review");
}

TEST_F(WebhookEventTest, PullRequestsFromForksAreMeasuredOnlyWhenAllowed) {
  nlohmann::json fork = Payload("pull_request-opened.payload.json");
  fork["pull_request"]["head"]["repo"]["full_name"] = "someone/Hello-World";
  std::string refused = "pull request from a fork (github.allow_forks is false)";
  EXPECT_EQ(IgnoredReason("pull_request", fork), refused);
  nlohmann::json deleted_fork = Payload("pull_request-opened.payload.json");
  deleted_fork["pull_request"]["head"]["repo"] = nullptr;
  EXPECT_EQ(IgnoredReason("pull_request", deleted_fork), refused);

  config_.github->allow_forks = true;
  EXPECT_EQ(Job("pull_request", fork).commit, kHeadSha);
}

TEST_F(WebhookEventTest, EventsOfAnotherRepositoryAreIgnored) {
  config_.github->repository = "other/repository";
  EXPECT_EQ(IgnoredReason("pull_request", Payload("pull_request-opened.payload.json")),
            "delivered for another repository than github.repository other/repository");
  // Names differ only in case: the same repository.
  config_.github->repository = "codertocat/hello-world";
  EXPECT_EQ(Job("pull_request", Payload("pull_request-opened.payload.json")).commit, kHeadSha);
}

TEST_F(WebhookEventTest, UnknownEventsAreIgnoredWithTheirName) {
  EXPECT_EQ(IgnoredReason("star", nlohmann::json::object()),
            "event \"star\" is not handled (perfgate handles push, pull_request, issue_comment)");
  EXPECT_EQ(IgnoredReason("x\n\"evil", nlohmann::json::object()),
            "event an unnamed one is not handled (perfgate handles push, pull_request, "
            "issue_comment)");
}

TEST_F(WebhookEventTest, ACommentOnAnIssueIsIgnored) {
  // GitHub's issue_comment example is on an issue, not a pull request.
  EXPECT_EQ(IgnoredReason("issue_comment", Payload("issue_comment-created.payload.json")),
            "a comment on an issue, not on a pull request");
}

TEST_F(WebhookEventTest, ATrustedRerunCommentRerunsTheNamedScenarios) {
  EventDecision decision = Decide("issue_comment", PrComment("/perf rerun", "MEMBER"));
  auto* rerun = std::get_if<PullRequestRerun>(&decision);
  ASSERT_NE(rerun, nullptr);
  EXPECT_EQ(rerun->pull_request, 1);
  EXPECT_TRUE(rerun->scenarios.empty());
  EXPECT_EQ(rerun->requested_by, "github comment by @Codertocat");

  decision =
      Decide("issue_comment", PrComment("  /perf rerun grpc http-api grpc\nthanks", "OWNER"));
  rerun = std::get_if<PullRequestRerun>(&decision);
  ASSERT_NE(rerun, nullptr);
  EXPECT_EQ(rerun->scenarios, (std::vector<std::string>{"grpc", "http-api"}));

  JobRequest request = RerunRequest(*rerun, kHeadSha);
  EXPECT_EQ(request.kind, JobKind::kTest);
  EXPECT_EQ(request.commit, kHeadSha);
  EXPECT_EQ(request.ref, "refs/pull/1/head");
  EXPECT_EQ(request.pull_request, 1);
  EXPECT_EQ(request.scenarios, rerun->scenarios);
}

TEST_F(WebhookEventTest, AnUntrustedRerunCommentGetsAReplyAndNoJob) {
  EventDecision decision = Decide("issue_comment", PrComment("/perf rerun", "CONTRIBUTOR"));
  auto* reply = std::get_if<CommentReply>(&decision);
  ASSERT_NE(reply, nullptr);
  EXPECT_EQ(reply->pull_request, 1);
  EXPECT_EQ(reply->comment, 492700400);  // the example's comment.id
  EXPECT_NE(reply->body.find("@Codertocat"), std::string::npos) << reply->body;
  EXPECT_NE(reply->body.find("OWNER, MEMBER, COLLABORATOR"), std::string::npos) << reply->body;
  EXPECT_NE(reply->body.find("your association is CONTRIBUTOR"), std::string::npos) << reply->body;
}

TEST_F(WebhookEventTest, AnUnknownScenarioGetsAReply) {
  EventDecision decision = Decide("issue_comment", PrComment("/perf rerun nope", "OWNER"));
  auto* reply = std::get_if<CommentReply>(&decision);
  ASSERT_NE(reply, nullptr);
  EXPECT_NE(reply->body.find("`nope` is not a scenario"), std::string::npos) << reply->body;
  EXPECT_NE(reply->body.find("known: http-api, grpc"), std::string::npos) << reply->body;
  // Markdown or mentions in a name are not echoed.
  decision = Decide("issue_comment", PrComment("/perf rerun `@all`", "OWNER"));
  reply = std::get_if<CommentReply>(&decision);
  ASSERT_NE(reply, nullptr);
  EXPECT_EQ(reply->body.find("@all"), std::string::npos) << reply->body;
}

TEST_F(WebhookEventTest, OtherCommentsAreIgnored) {
  EXPECT_EQ(IgnoredReason("issue_comment", PrComment("looks good", "OWNER")),
            "a comment that is not /perf rerun");
  EXPECT_EQ(IgnoredReason("issue_comment", PrComment("/perf rerunning", "OWNER")),
            "a comment that is not /perf rerun");
  nlohmann::json edited = PrComment("/perf rerun", "OWNER");
  edited["action"] = "edited";
  EXPECT_EQ(IgnoredReason("issue_comment", edited), "an issue_comment that is not a new comment");
  config_.github->rerun_command = "!bench again";
  EXPECT_TRUE(std::holds_alternative<PullRequestRerun>(
      Decide("issue_comment", PrComment("!bench again", "OWNER"))));
}

TEST_F(WebhookEventTest, MissingOrInvalidFieldsAreNamedByTheirPath) {
  nlohmann::json opened = Payload("pull_request-opened.payload.json");
  nlohmann::json no_head = opened;
  no_head["pull_request"]["head"].erase("sha");
  EXPECT_EQ(ErrorWhere("pull_request", no_head), "pull_request.head.sha");
  nlohmann::json short_sha = opened;
  short_sha["pull_request"]["head"]["sha"] = "ec26c3e";
  EXPECT_EQ(ErrorWhere("pull_request", short_sha), "pull_request.head.sha");
  nlohmann::json option = opened;
  option["pull_request"]["head"]["ref"] = "--upload-pack=touch /tmp/pwned";
  EXPECT_EQ(ErrorWhere("pull_request", option), "pull_request.head.ref");
  nlohmann::json number = opened;
  number["number"] = "2";
  EXPECT_EQ(ErrorWhere("pull_request", number), "number");
  nlohmann::json no_repository = opened;
  no_repository.erase("repository");
  EXPECT_EQ(ErrorWhere("pull_request", no_repository), "repository.full_name");
  nlohmann::json after = Payload("push-with-new-branch.payload.json");
  after["after"] = "6113728F27AE82C7B1A177C8D03F9E96E0ADF246";
  EXPECT_EQ(ErrorWhere("push", after), "after");
  EXPECT_EQ(ErrorWhere("push", nlohmann::json::array()), "(payload)");
  nlohmann::json no_body = PrComment("/perf rerun", "OWNER");
  no_body["comment"].erase("body");
  EXPECT_EQ(ErrorWhere("issue_comment", no_body), "comment.body");
}

TEST_F(WebhookEventTest, WithoutAGithubSectionNothingIsDecided) {
  config_.github.reset();
  EXPECT_EQ(DecideEvent("ping", nlohmann::json::object(), config_).error().kind,
            ErrorKind::kFailedPrecondition);
}

}  // namespace
}  // namespace perfgate
