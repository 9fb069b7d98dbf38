// A store, a fake GitHub and a Deliverer between them, on a clock the test moves.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <memory>
#include <string>

#include "config/config.h"
#include "delivery/deliverer.h"
#include "delivery/outbox_payloads.h"
#include "http/http_client.h"
#include "store/store.h"
#include "support/fake_github.h"
#include "support/temp_dir.h"

namespace perfgate::testing {

inline constexpr const char* kTokenEnv = "PERFGATE_TEST_GITHUB_TOKEN";
inline constexpr const char* kToken = "ghp_t0k3n-that-must-never-be-seen";
inline constexpr const char* kRepository = "acme/api";

class ManualClock final : public Clock {
 public:
  TimePoint Now() override { return now_; }
  void SleepFor(Duration duration) override { now_ += duration; }
  void Advance(Duration duration) { now_ += duration; }

 private:
  TimePoint now_ = FromUnixSeconds(1'700'000'000);
};

class DeliveryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv(kTokenEnv, kToken, /*overwrite=*/1);
    auto opened = OpenStore("sqlite:perfgate.db", dir_.Path());
    ASSERT_TRUE(opened) << opened.error().ToString();
    store_ = std::move(*opened);
    config_.github = GithubConfig{.repository = kRepository, .token_env = kTokenEnv};
    config_.github->api_url = github_.api_url();
    options_.request_timeout = std::chrono::milliseconds(500);
  }
  void TearDown() override { unsetenv(kTokenEnv); }

  // The deliverer as the config and options are now.
  Deliverer& deliverer() {
    if (!deliverer_) {
      deliverer_ = std::make_unique<Deliverer>(config_, *store_, *http_, clock_, options_);
    }
    return *deliverer_;
  }

  // One round of delivery; returns how many messages it claimed.
  int Round() {
    std::atomic<bool> stop = false;
    Result<int> claimed = deliverer().DeliverDue(stop);
    EXPECT_TRUE(claimed) << claimed.error().ToString();
    return claimed.value_or(0);
  }

  int64_t EnqueueStatus(const std::string& state, const std::string& scenario = "http-api",
                        const std::string& description = "perfgate") {
    CommitStatus status{.sha = std::string(40, 'c'),
                        .state = state,
                        .context = "perfgate/" + scenario,
                        .description = description,
                        .target_url = "http://127.0.0.1:8080/jobs/1"};
    return Enqueue({.kind = OutboxKind::kGithubStatus,
                    .target = kRepository,
                    .key = "status " + status.sha + " " + status.context,
                    .payload = EncodeStatus(status),
                    .job = std::nullopt});
  }

  int64_t EnqueueComment(int pull_request, const std::string& body) {
    PullRequestComment comment{pull_request, "<!-- perfgate report -->",
                               "<!-- perfgate report -->\n" + body};
    return Enqueue({.kind = OutboxKind::kGithubComment,
                    .target = kRepository,
                    .key = "comment " + std::to_string(pull_request),
                    .payload = EncodeComment(comment),
                    .job = std::nullopt});
  }

  int64_t Enqueue(const OutboxRequest& request) {
    auto written = store_->EnqueueMessage(request, clock_.Now());
    EXPECT_TRUE(written) << written.error().ToString();
    return written ? written->id : 0;
  }

  std::vector<OutboxMessage> Undelivered() {
    auto listed = store_->ListUndelivered(std::nullopt, 100);
    EXPECT_TRUE(listed) << listed.error().ToString();
    return listed.value_or(std::vector<OutboxMessage>{});
  }

  TempDir dir_;
  FakeGithub github_{kToken};
  ManualClock clock_;
  Config config_;
  DelivererOptions options_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<HttpClient> http_ = NewCurlHttpClient();
  std::unique_ptr<Deliverer> deliverer_;
};

}  // namespace perfgate::testing
