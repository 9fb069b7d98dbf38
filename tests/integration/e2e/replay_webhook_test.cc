// `perfgate replay-webhook`: a saved delivery goes through the webhook's decision path into
// the store, with the real binary, a real mirror and a real store.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "integration/e2e/cli_fixture.h"
#include "integration/e2e/quickstart_fixture.h"
#include "store/store.h"
#include "support/github_payloads.h"

namespace perfgate::testing {
namespace {

using ::testing::HasSubstr;

class ReplayWebhookTest : public QuickstartFixture {
 protected:
  std::string Config() {
    return WriteConfig(GoodScenario(), kManagedPrometheus,
                       std::string("github: { repository: ") + kPayloadRepository + " }");
  }

  CliResult Replay(const std::string& event, const nlohmann::json& payload) {
    std::string file = dir_.WriteFile("delivery.json", payload.dump());
    return RunPerfgate({"replay-webhook", "--config", Config(), "--event", event, file}, dir_);
  }
};

TEST_F(ReplayWebhookTest, APushToTheDefaultBranchQueuesItsBaselineEvenWhenReplayedTwice) {
  std::string head = repo_->Head();
  nlohmann::json push = {{"ref", "refs/heads/main"},
                         {"before", std::string(40, '0')},
                         {"after", head},
                         {"deleted", false},
                         {"repository", {{"full_name", kPayloadRepository}}}};

  CliResult first = Replay("push", push);
  CliResult again = Replay("push", push);

  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, "enqueued: job 1 (baseline of " + head + ")\n");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, "enqueued: job 1 (baseline of " + head + "), already queued\n");
  auto store = OpenStore("sqlite:perfgate.db", dir_.Path());
  ASSERT_TRUE(store) << store.error().ToString();
  auto job = (*store)->GetJob(1);
  ASSERT_TRUE(job) << job.error().ToString();
  EXPECT_EQ(job->kind, JobKind::kBaseline);
  EXPECT_EQ(job->requested_by, "github push");
}

TEST_F(ReplayWebhookTest, GithubsTagPushAndIssueCommentExamplesAreIgnored) {
  CliResult tag = Replay("push", Payload("push-payload.json"));
  CliResult comment = Replay("issue_comment", Payload("issue_comment-created.payload.json"));

  EXPECT_EQ(tag.exit_code, 0) << tag.err;
  EXPECT_EQ(tag.out, "ignored: push to a tag or another ref\n");
  EXPECT_EQ(comment.exit_code, 0) << comment.err;
  EXPECT_THAT(comment.out, HasSubstr("ignored: "));
  EXPECT_THAT(comment.out, HasSubstr("pull request"));
}

TEST_F(ReplayWebhookTest, AFileThatIsNotJsonIsAnErrorNamingIt) {
  std::string file = dir_.WriteFile("delivery.json", "{not json");
  CliResult replay =
      RunPerfgate({"replay-webhook", "--config", Config(), "--event", "push", file}, dir_);

  EXPECT_EQ(replay.exit_code, 2);
  EXPECT_THAT(replay.err, HasSubstr("the payload is not a JSON object"));
  EXPECT_THAT(replay.err, HasSubstr(file));
}

}  // namespace
}  // namespace perfgate::testing
