#include <gmock/gmock.h>

#include <nlohmann/json.hpp>

#include "api_fixture.h"

namespace perfgate::testing {
namespace {

using OutboxRoutesTest = ApiTest;
using Json = nlohmann::json;

Json GetJson(httplib::Client& client, const std::string& path, int status = 200) {
  auto result = client.Get(path, Bearer());
  EXPECT_TRUE(result);
  if (!result) return {};
  EXPECT_EQ(result->status, status) << result->body;
  return Json::parse(result->body, nullptr, false);
}

// A test job posted through the API of a server that reports to GitHub; 0 when refused.
JobId PostTestJob(Config& config, httplib::Client& client) {
  config.github = GithubConfig{.repository = "acme/api"};
  auto created =
      client.Post("/api/v1/jobs", Bearer(),
                  R"({"kind": "test", "commit": ")" + kFeatureSha + R"("})", "application/json");
  EXPECT_TRUE(created);
  if (!created) return 0;
  EXPECT_EQ(created->status, 201) << created->body;
  return Json::parse(created->body).value("id", JobId{0});
}

TEST_F(OutboxRoutesTest, AQueuedTestJobIsPendingOnGithubUntilDelivered) {
  httplib::Client client = Raw();
  JobId job = PostTestJob(config_, client);
  ASSERT_GT(job, 0);

  Json listed = GetJson(client, "/api/v1/outbox?job=" + std::to_string(job));

  ASSERT_EQ(listed["messages"].size(), config_.scenarios.size());
  for (const Json& message : listed["messages"]) {
    EXPECT_EQ(message["kind"], "github_status");
    EXPECT_EQ(message["target"], "acme/api");
    EXPECT_EQ(message["job"], job);
    EXPECT_EQ(message["state"], "pending");
    EXPECT_EQ(message["attempts"], 0);
    EXPECT_TRUE(message["last_error"].is_null());
  }
  auto payload = store_->ListUndelivered(job, 10);
  ASSERT_TRUE(payload && !payload->empty());
  EXPECT_THAT(payload->front().payload, ::testing::HasSubstr("queued"));
}

TEST_F(OutboxRoutesTest, ATestJobCancelledWhileQueuedEndsItsStatusesAsErrors) {
  httplib::Client client = Raw();
  JobId id = PostTestJob(config_, client);
  ASSERT_GT(id, 0);
  std::string job = std::to_string(id);
  auto cancelled = client.Post("/api/v1/jobs/" + job + "/cancel", Bearer(), "", "text/plain");
  ASSERT_TRUE(cancelled);
  ASSERT_EQ(cancelled->status, 200) << cancelled->body;

  // Per scenario: pending when queued, then error, in that order (one ordering key).
  auto messages = store_->ListUndelivered(id, 10);
  ASSERT_TRUE(messages);
  ASSERT_EQ(messages->size(), 2 * config_.scenarios.size());
  for (size_t i = 0; i < config_.scenarios.size(); ++i) {
    const OutboxMessage& pending = (*messages)[i];
    const OutboxMessage& ended = (*messages)[i + config_.scenarios.size()];
    EXPECT_EQ(pending.key, ended.key);
    EXPECT_THAT(pending.payload, ::testing::HasSubstr(R"("state":"pending")"));
    EXPECT_THAT(ended.payload, ::testing::HasSubstr(R"("state":"error")"));
    EXPECT_THAT(ended.payload, ::testing::HasSubstr("cancelled before it started"));
  }
}

TEST_F(OutboxRoutesTest, AFailingMessageShowsItsAttemptsAndLastError) {
  auto written = store_->EnqueueMessage({.kind = OutboxKind::kAlert,
                                         .target = "PERFGATE_SLACK_URL",
                                         .key = "alert PERFGATE_SLACK_URL",
                                         .payload = R"({"text":"x"})",
                                         .job = std::nullopt},
                                        SystemClock().Now());
  ASSERT_TRUE(written);
  ASSERT_TRUE(store_->ClaimDueMessages(1, std::chrono::minutes(1), SystemClock().Now()));
  ASSERT_TRUE(store_->MarkFailed(written->id, "HTTP 404: no_service", std::nullopt));
  httplib::Client client = Raw();

  Json listed = GetJson(client, "/api/v1/outbox");

  ASSERT_EQ(listed["messages"].size(), 1u);
  const Json& message = listed["messages"][0];
  EXPECT_EQ(message["kind"], "alert");
  EXPECT_EQ(message["state"], "given_up");
  EXPECT_EQ(message["attempts"], 1);
  EXPECT_EQ(message["last_error"], "HTTP 404: no_service");
  EXPECT_TRUE(message["next_attempt_at"].is_null());
  EXPECT_FALSE(message.contains("payload"));
  EXPECT_EQ(GetJson(client, "/api/v1/outbox?limit=0", 422)["error"]["code"].is_string(), true);
}

}  // namespace
}  // namespace perfgate::testing
