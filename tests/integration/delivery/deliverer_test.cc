#include <gmock/gmock.h>
#include <httplib.h>
#include <spdlog/sinks/ostream_sink.h>

#include <sstream>

#include "base/logging.h"
#include "delivery_fixture.h"

namespace perfgate::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST_F(DeliveryTest, StatusesReachGithubInTheOrderTheyWereWritten) {
  EnqueueStatus("pending");
  EnqueueStatus("failure");

  EXPECT_EQ(Round(), 1);  // the failure waits for the pending status of the same context
  EXPECT_EQ(Round(), 1);

  auto statuses = github_.statuses();
  ASSERT_EQ(statuses.size(), 2u);
  EXPECT_EQ(statuses[0].state, "pending");
  EXPECT_EQ(statuses[1].state, "failure");
  EXPECT_EQ(statuses[1].repository, kRepository);
  EXPECT_EQ(statuses[1].context, "perfgate/http-api");
  EXPECT_EQ(statuses[1].target_url, "http://127.0.0.1:8080/jobs/1");
  EXPECT_TRUE(Undelivered().empty());
  auto call = github_.calls().back();
  EXPECT_EQ(call.headers["Authorization"], std::string("Bearer ") + kToken);
  EXPECT_EQ(call.headers["Accept"], "application/vnd.github+json");
  EXPECT_EQ(call.headers["X-GitHub-Api-Version"], "2022-11-28");
  EXPECT_FALSE(call.headers["User-Agent"].empty());
}

TEST_F(DeliveryTest, APullRequestHasOneCommentEditedByLaterReports) {
  // Others' comments fill more than one page of 100: perfgate's is found on the second.
  for (int i = 0; i < 150; ++i) github_.AddComment(kRepository, 7, "comment " + std::to_string(i));
  EnqueueComment(7, "first report");
  ASSERT_EQ(Round(), 1);
  EnqueueComment(7, "second report");
  ASSERT_EQ(Round(), 1);

  std::vector<FakeGithub::Comment> ours;
  for (const auto& comment : github_.comments()) {
    if (comment.body.find("<!-- perfgate report -->") != std::string::npos) ours.push_back(comment);
  }
  ASSERT_EQ(ours.size(), 1u);
  EXPECT_THAT(ours[0].body, HasSubstr("second report"));
  EXPECT_EQ(ours[0].issue, 7);
  int patches = 0;
  for (const auto& call : github_.calls()) patches += call.method == "PATCH";
  EXPECT_EQ(patches, 1);
  EXPECT_TRUE(Undelivered().empty());
}

TEST_F(DeliveryTest, AnOutageDelaysAMessageWithBackoffUntilGithubRecovers) {
  github_.FailNext(3, 500);
  int64_t id = EnqueueStatus("success");

  std::vector<Duration> waits;
  for (int attempt = 1; attempt <= 3; ++attempt) {
    ASSERT_EQ(Round(), 1);
    auto pending = Undelivered();
    ASSERT_EQ(pending.size(), 1u);
    EXPECT_EQ(pending[0].id, id);
    EXPECT_EQ(pending[0].attempts, attempt);
    EXPECT_THAT(pending[0].last_error, HasSubstr("HTTP 500"));
    ASSERT_TRUE(pending[0].next_attempt_at);
    waits.push_back(
        std::chrono::duration_cast<Duration>(*pending[0].next_attempt_at - clock_.Now()));
    EXPECT_EQ(Round(), 0) << "not due before its time";
    clock_.Advance(waits.back());
  }
  EXPECT_EQ(waits[1], 2 * waits[0]);
  EXPECT_EQ(waits[2], 2 * waits[1]);

  ASSERT_EQ(Round(), 1);
  EXPECT_TRUE(Undelivered().empty());
  ASSERT_EQ(github_.statuses().size(), 1u);
  EXPECT_EQ(github_.statuses()[0].state, "success");
}

TEST_F(DeliveryTest, ARateLimitIsWaitedOutUntilItsReset) {
  TimePoint reset = clock_.Now() + std::chrono::minutes(7);
  github_.RateLimitNext(1, reset);
  EnqueueStatus("pending");

  ASSERT_EQ(Round(), 1);
  auto pending = Undelivered();
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].next_attempt_at, reset);
  EXPECT_THAT(pending[0].last_error, HasSubstr("rate limit"));

  clock_.Advance(std::chrono::minutes(7) - std::chrono::seconds(1));
  EXPECT_EQ(Round(), 0);
  clock_.Advance(std::chrono::seconds(1));
  EXPECT_EQ(Round(), 1);
  EXPECT_EQ(github_.statuses().size(), 1u);
}

TEST_F(DeliveryTest, AHangingGithubCostsOneRequestTimeoutAndTheMessageIsRetried) {
  github_.HangNext(1, std::chrono::seconds(60));
  EnqueueStatus("pending");

  ASSERT_EQ(Round(), 1);  // returns after the request timeout, not the hang

  auto pending = Undelivered();
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_NE(pending[0].next_attempt_at, std::nullopt);
  clock_.Advance(std::chrono::hours(1));
  ASSERT_EQ(Round(), 1);
  EXPECT_TRUE(Undelivered().empty());
}

TEST_F(DeliveryTest, WhatGithubRefusesForGoodStaysListedWithItsError) {
  int64_t id = EnqueueStatus("pending", "http-api", std::string(141, 'x'));
  EnqueueStatus("success", "grpc");

  ASSERT_EQ(Round(), 2);

  auto left = Undelivered();
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].id, id);
  EXPECT_EQ(left[0].next_attempt_at, std::nullopt);
  EXPECT_THAT(left[0].last_error, HasSubstr("HTTP 422"));
  clock_.Advance(std::chrono::hours(24));
  EXPECT_EQ(Round(), 0);
}

TEST_F(DeliveryTest, TheTokenIsNeverLoggedNorShownInErrors) {
  std::ostringstream logged;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(logged);
  Logger("delivery")->sinks().push_back(sink);
  FakeGithub other_github("another-token");  // refuses kToken: 401
  config_.github->api_url = other_github.api_url();
  EnqueueStatus("pending", "refused");
  ASSERT_EQ(Round(), 1);
  deliverer_.reset();
  config_.github->api_url = "http://127.0.0.1:1";  // nothing listens there
  EnqueueStatus("pending", "unreachable");
  ASSERT_EQ(Round(), 1);
  Logger("delivery")->sinks().pop_back();

  auto left = Undelivered();
  ASSERT_EQ(left.size(), 2u);
  EXPECT_THAT(left[0].last_error, HasSubstr("HTTP 401"));
  EXPECT_FALSE(left[1].last_error.empty());
  for (const OutboxMessage& message : left) {
    EXPECT_THAT(message.last_error, Not(HasSubstr(kToken)));
  }
  EXPECT_THAT(logged.str(), HasSubstr("not delivered"));
  EXPECT_THAT(logged.str(), Not(HasSubstr(kToken)));
}

TEST_F(DeliveryTest, WithoutATokenGithubMessagesWaitAndSayWhy) {
  unsetenv(kTokenEnv);
  EnqueueStatus("pending");

  ASSERT_EQ(Round(), 1);

  auto left = Undelivered();
  ASSERT_EQ(left.size(), 1u);
  EXPECT_THAT(left[0].last_error, HasSubstr(kTokenEnv));
  EXPECT_NE(left[0].next_attempt_at, std::nullopt);
  EXPECT_TRUE(github_.calls().empty());
}

// A webhook receiver on loopback: records the bodies posted to /hook.
class WebhookReceiver {
 public:
  WebhookReceiver() {
    server_.Post("/hook", [this](const httplib::Request& request, httplib::Response& response) {
      std::lock_guard lock(mutex_);
      bodies_.push_back(request.body);
      content_types_.push_back(request.get_header_value("Content-Type"));
      response.status = 200;
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~WebhookReceiver() {
    server_.stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/hook"; }
  std::vector<std::string> bodies() const {
    std::lock_guard lock(mutex_);
    return bodies_;
  }
  std::vector<std::string> content_types() const {
    std::lock_guard lock(mutex_);
    return content_types_;
  }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  mutable std::mutex mutex_;
  std::vector<std::string> bodies_;
  std::vector<std::string> content_types_;
};

TEST_F(DeliveryTest, AnAlertIsPostedToTheWebhookItsVariableNames) {
  WebhookReceiver receiver;
  setenv("PERFGATE_TEST_ALERT_URL", receiver.url().c_str(), 1);
  Enqueue({.kind = OutboxKind::kAlert,
           .target = "PERFGATE_TEST_ALERT_URL",
           .key = "alert PERFGATE_TEST_ALERT_URL",
           .payload = R"({"text":"perfgate: regression"})",
           .job = std::nullopt});

  ASSERT_EQ(Round(), 1);
  unsetenv("PERFGATE_TEST_ALERT_URL");

  ASSERT_EQ(receiver.bodies().size(), 1u);
  EXPECT_EQ(receiver.bodies()[0], R"({"text":"perfgate: regression"})");
  EXPECT_EQ(receiver.content_types()[0], "application/json");
  EXPECT_TRUE(Undelivered().empty());
}

TEST_F(DeliveryTest, AnUnreachableWebhookIsRetriedWithoutShowingItsUrl) {
  setenv("PERFGATE_TEST_ALERT_URL", "http://127.0.0.1:1/hooks/T000/s3cret-path", 1);
  Enqueue({.kind = OutboxKind::kAlert,
           .target = "PERFGATE_TEST_ALERT_URL",
           .key = "alert PERFGATE_TEST_ALERT_URL",
           .payload = R"({"text":"x"})",
           .job = std::nullopt});

  ASSERT_EQ(Round(), 1);
  unsetenv("PERFGATE_TEST_ALERT_URL");

  auto left = Undelivered();
  ASSERT_EQ(left.size(), 1u);
  EXPECT_THAT(left[0].last_error, HasSubstr("PERFGATE_TEST_ALERT_URL"));
  EXPECT_THAT(left[0].last_error, Not(HasSubstr("s3cret-path")));
  EXPECT_NE(left[0].next_attempt_at, std::nullopt);
}

TEST_F(DeliveryTest, TheDeliveryThreadDeliversWhatIsWrittenAndStopsWhenDestroyed) {
  EnqueueStatus("pending");
  {
    DeliveryThread thread(std::make_unique<Deliverer>(config_, *store_, *http_, clock_, options_),
                          std::chrono::milliseconds(20));
    for (int i = 0; i < 250 && !github_.statuses().size(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  EXPECT_EQ(github_.statuses().size(), 1u);
  EXPECT_TRUE(Undelivered().empty());
}

}  // namespace
}  // namespace perfgate::testing
