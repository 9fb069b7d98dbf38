// POST /webhooks/github on a real server: signatures, idempotent deliveries, each event's
// answer, limits and hostile bodies.
#include "api_fixture.h"
#include "delivery/outbox_payloads.h"
#include "github/signature.h"
#include "support/github_payloads.h"

namespace perfgate::testing {
namespace {

constexpr char kSecret[] = "webhook-test-secret";
constexpr char kDelivery[] = "72d3162e-cc78-11e3-81ab-4c9367dc0958";
constexpr char kHeadSha[] = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const std::string kRerunHead = Sha('c');

class WebhookTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    config_.repository.default_branch = "master";
    config_.github.emplace().repository = kPayloadRepository;
    StartWebhookServer(kSecret);
  }

  void StartWebhookServer(std::string secret) {
    server_.reset();
    ApiContext context = Context(kToken, "");
    context.webhook_secret = std::move(secret);
    context.pull_request_head = [](int number) -> Result<std::string> {
      if (number == 1) return kRerunHead;
      return std::unexpected(NotFound("no pull request " + std::to_string(number)));
    };
    server_ = std::make_unique<ApiServer>(std::move(context));
    auto started = server_->Start("127.0.0.1:0");
    ASSERT_TRUE(started) << started.error().ToString();
  }

  // Posts `body` as delivery `delivery` of `event`, signed with `secret` (unsigned when empty).
  httplib::Result Deliver(const std::string& event, const std::string& body,
                          const std::string& delivery = kDelivery,
                          const std::string& secret = kSecret) {
    httplib::Headers headers = {{"X-GitHub-Event", event}, {"X-GitHub-Delivery", delivery}};
    if (!secret.empty()) headers.emplace("X-Hub-Signature-256", WebhookSignature(secret, body));
    return Raw().Post("/webhooks/github", headers, body, "application/json");
  }

  // The answer's JSON body, having checked its status.
  static nlohmann::json Answer(const httplib::Result& result, int status) {
    EXPECT_TRUE(result) << "no answer: " << httplib::to_string(result.error());
    if (!result) return {};
    EXPECT_EQ(result->status, status) << result->body;
    return nlohmann::json::parse(result->body, nullptr, /*allow_exceptions=*/false);
  }

  static std::string PrComment(const std::string& body, const std::string& association) {
    nlohmann::json payload = Payload("issue_comment-created.payload.json");
    payload["issue"]["pull_request"] = {{"url", "https://api.github.com/repos/x/y/pulls/1"}};
    payload["comment"]["body"] = body;
    payload["comment"]["author_association"] = association;
    return payload.dump();
  }

  size_t JobCount() { return store_->ListJobs(JobFilter{}).value().size(); }

  // The outbox's messages of `kind`, oldest first.
  std::vector<OutboxMessage> Outbox(OutboxKind kind) {
    std::vector<OutboxMessage> of_kind;
    std::vector<OutboxMessage> all = store_->ListUndelivered(std::nullopt, 100).value();
    for (OutboxMessage& message : all) {
      if (message.kind == kind) of_kind.push_back(std::move(message));
    }
    return of_kind;
  }
};

TEST_F(WebhookTest, APingIsAnswered200) {
  EXPECT_EQ(Answer(Deliver("ping", PayloadText("ping-payload.json")), 200)["ping"], "pong");
  EXPECT_EQ(JobCount(), 0u);
}

TEST_F(WebhookTest, ASignedPullRequestQueuesATestJobOfItsHead) {
  nlohmann::json job =
      Answer(Deliver("pull_request", PayloadText("pull_request-opened.payload.json")), 201);
  EXPECT_EQ(job["kind"], "test");
  EXPECT_EQ(job["commit"], kHeadSha);
  EXPECT_EQ(job["ref"], "changes");
  EXPECT_EQ(job["pull_request"], 2);
  EXPECT_EQ(job["requested_by"], "github pull_request opened");
  EXPECT_EQ(jobs_queued_, 1);
  EXPECT_EQ(JobCount(), 1u);
}

TEST_F(WebhookTest, APushToTheDefaultBranchQueuesABaseline) {
  nlohmann::json job =
      Answer(Deliver("push", PayloadText("push-with-new-branch.payload.json")), 201);
  EXPECT_EQ(job["kind"], "baseline");
  EXPECT_EQ(job["commit"], "6113728f27ae82c7b1a177c8d03f9e96e0adf246");
}

TEST_F(WebhookTest, TheSameDeliveryTwiceCreatesOneJob) {
  std::string body = PayloadText("pull_request-synchronize.payload.json");
  nlohmann::json first = Answer(Deliver("pull_request", body), 201);
  ASSERT_TRUE(store_->RequestCancel(first["id"].get<JobId>(), SystemClock().Now()));
  nlohmann::json again = Answer(Deliver("pull_request", body), 200);
  EXPECT_EQ(again["repeated"], true);
  EXPECT_EQ(again["job"]["id"], first["id"]);
  EXPECT_EQ(JobCount(), 1u);
  EXPECT_EQ(jobs_queued_, 1);
}

TEST_F(WebhookTest, MissingWrongOrMismatchedSignaturesAre401AndStoreNothing) {
  std::string body = PayloadText("pull_request-opened.payload.json");
  EXPECT_EQ(Answer(Deliver("pull_request", body, kDelivery, ""), 401)["error"]["message"],
            "the delivery is not signed");
  EXPECT_EQ(Answer(Deliver("pull_request", body, kDelivery, "wrong secret"), 401)["error"]["code"],
            "unauthorized");
  // A signature of another body: the body was changed on the way.
  httplib::Headers headers = {{"X-GitHub-Event", "pull_request"},
                              {"X-GitHub-Delivery", kDelivery},
                              {"X-Hub-Signature-256", WebhookSignature(kSecret, body + " ")}};
  nlohmann::json mismatched =
      Answer(Raw().Post("/webhooks/github", headers, body, "application/json"), 401);
  EXPECT_EQ(mismatched["error"]["message"], "the signature does not match the body");
  EXPECT_EQ(JobCount(), 0u);
  // The refused deliveries did not use the delivery id up.
  Answer(Deliver("pull_request", body), 201);
}

TEST_F(WebhookTest, AServerWithoutASecretRefusesEveryDelivery) {
  StartWebhookServer("");
  nlohmann::json error =
      Answer(Deliver("ping", PayloadText("ping-payload.json"), kDelivery, "x"), 403);
  EXPECT_NE(error["error"]["fix"].get<std::string>().find("PERFGATE_WEBHOOK_SECRET"),
            std::string::npos);
}

TEST_F(WebhookTest, IgnoredEventsAre202WithTheReason) {
  EXPECT_EQ(Answer(Deliver("push", PayloadText("push-payload.json")), 202)["ignored"],
            "push to a tag or another ref");
  EXPECT_EQ(Answer(Deliver("pull_request", PayloadText("pull_request-closed.payload.json")),
                   202)["ignored"],
            "pull_request action \"closed\" is not measured");
  EXPECT_EQ(Answer(Deliver("issue_comment", PayloadText("issue_comment-created.payload.json")),
                   202)["ignored"],
            "a comment on an issue, not on a pull request");
  EXPECT_EQ(Answer(Deliver("star", "{}"), 202)["ignored"],
            "event \"star\" is not handled (perfgate handles push, pull_request, issue_comment)");
  EXPECT_EQ(JobCount(), 0u);
}

TEST_F(WebhookTest, AQueuedPullRequestIsReportedPendingOncePerScenario) {
  std::string body = PayloadText("pull_request-opened.payload.json");
  Answer(Deliver("pull_request", body), 201);
  Answer(Deliver("pull_request", body), 200);  // the same delivery again: no second report
  std::vector<OutboxMessage> statuses = Outbox(OutboxKind::kGithubStatus);
  ASSERT_EQ(statuses.size(), config_.scenarios.size());
  for (const OutboxMessage& message : statuses) {
    CommitStatus status = DecodeStatus(message.payload).value();
    EXPECT_EQ(status.sha, kHeadSha);
    EXPECT_EQ(status.state, "pending");
    EXPECT_NE(status.description.find("queued"), std::string::npos) << status.description;
  }
}

TEST_F(WebhookTest, ATrustedRerunCommentQueuesTheCurrentHead) {
  nlohmann::json job =
      Answer(Deliver("issue_comment", PrComment("/perf rerun grpc", "OWNER")), 201);
  EXPECT_EQ(job["commit"], kRerunHead);
  EXPECT_EQ(job["ref"], "refs/pull/1/head");
  EXPECT_EQ(job["scenarios"], nlohmann::json::array({"grpc"}));
  EXPECT_EQ(job["requested_by"], "github comment by @Codertocat");
}

TEST_F(WebhookTest, AnUntrustedRerunCommentGetsOneReplyAndNoJob) {
  std::string body = PrComment("/perf rerun", "NONE");
  nlohmann::json answer = Answer(Deliver("issue_comment", body), 202);
  EXPECT_NE(answer["reply"].get<std::string>().find("your association is NONE"), std::string::npos);
  Answer(Deliver("issue_comment", body), 200);  // sent again: replied once only
  std::vector<OutboxMessage> replies = Outbox(OutboxKind::kGithubComment);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].target, "Codertocat/Hello-World");
  PullRequestComment reply = DecodeComment(replies[0].payload).value();
  EXPECT_EQ(reply.pull_request, 1);
  // The marker names the comment replied to, so each refused request gets its own reply.
  EXPECT_EQ(reply.marker, "<!-- perfgate reply to comment 492700400 -->");
  EXPECT_NE(reply.body.find("@Codertocat: perfgate re-runs only on request of"),
            std::string::npos);
  EXPECT_EQ(JobCount(), 0u);
}

TEST_F(WebhookTest, MalformedDeliveriesAre400WithTheFieldPath) {
  EXPECT_EQ(Answer(Deliver("pull_request", "{\"action\": "), 400)["error"]["code"], "bad_request");
  nlohmann::json payload = Payload("pull_request-opened.payload.json");
  payload["pull_request"]["head"].erase("sha");
  EXPECT_EQ(Answer(Deliver("pull_request", payload.dump()), 400)["error"]["where"],
            "pull_request.head.sha");
  payload["pull_request"]["head"]["sha"] = "$(reboot)";
  EXPECT_EQ(Answer(Deliver("pull_request", payload.dump()), 400)["error"]["where"],
            "pull_request.head.sha");
  EXPECT_EQ(Answer(Deliver("pull_request", "[1, 2]"), 400)["error"]["where"], "(payload)");
  EXPECT_EQ(Answer(Deliver("pull_request", "{}", ""), 400)["error"]["where"],
            "X-GitHub-Delivery header");
  EXPECT_EQ(Answer(Deliver("Pull Request\r", "{}"), 400)["error"]["where"],
            "X-GitHub-Event header");
  EXPECT_EQ(JobCount(), 0u);
}

TEST_F(WebhookTest, HostileJsonIsRefusedAndTheServerStaysUp) {
  std::string deep = std::string(100000, '[') + std::string(100000, ']');
  Answer(Deliver("pull_request", deep), 400);
  std::string unterminated = std::string(100000, '[');
  Answer(Deliver("pull_request", unterminated), 400);
  Answer(Deliver("pull_request", "{\"repository\": {\"full_name\": \"\xff\xfe\"}}"), 400);
  nlohmann::json huge_number = Payload("pull_request-opened.payload.json");
  huge_number["number"] = 1e300;
  Answer(Deliver("pull_request", huge_number.dump()), 400);
  EXPECT_EQ(Answer(Deliver("ping", PayloadText("ping-payload.json")), 200)["ping"], "pong");
}

TEST_F(WebhookTest, BodiesUpTo25MbAreTakenAndLargerOnes413) {
  nlohmann::json payload = Payload("pull_request-opened.payload.json");
  payload["padding"] = std::string(2 << 20, 'x');  // over the API's own limit
  Answer(Deliver("pull_request", payload.dump()), 201);
  payload["padding"] = std::string(25'000'001, 'x');
  EXPECT_EQ(Answer(Deliver("pull_request", payload.dump(), "other-delivery"), 413)["error"]["code"],
            "payload_too_large");
  EXPECT_EQ(JobCount(), 1u);
  // The API's limit stays where it was.
  std::string job =
      R"({"commit": "main", "kind": "test", "padding": ")" + std::string(2 << 20, 'x') + "\"}";
  EXPECT_EQ(Raw().Post("/api/v1/jobs", Bearer(), job, "application/json")->status, 413);
}

}  // namespace
}  // namespace perfgate::testing
