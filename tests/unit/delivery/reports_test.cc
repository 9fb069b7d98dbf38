#include "delivery/reports.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "delivery/outbox_payloads.h"
#include "report/report.h"

namespace perfgate {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::json;

Config TestConfig() {
  Config config;
  config.server.public_url = "http://perf.example:8080";
  config.github = GithubConfig{.repository = "acme/api"};
  config.scenarios.resize(2);
  config.scenarios[0].name = "http-api";
  config.scenarios[1].name = "grpc";
  return config;
}

Job TestJob(std::optional<int> pull_request = 7) {
  Job job;
  job.id = 12;
  job.kind = JobKind::kTest;
  job.commit = std::string(40, 'c');
  job.pull_request = pull_request;
  return job;
}

SeriesComparison Series(const std::string& scenario, const std::string& series, double estimate,
                        Verdict verdict) {
  SeriesComparison s;
  s.scenario = scenario;
  s.metric = "latency_p99";
  s.series = series;
  s.unit = "s";
  s.base_median = 0.1;
  s.candidate_median = 0.1 * (1 + estimate);
  s.estimate = estimate;
  s.verdict = verdict;
  return s;
}

StoredComparison Compared(std::vector<SeriesComparison> series) {
  StoredComparison stored;
  stored.base_job = 11;
  stored.candidate_job = 12;
  stored.base_commit = std::string(40, 'b');
  stored.candidate_commit = std::string(40, 'c');
  stored.comparison.series = std::move(series);
  return stored;
}

std::vector<CommitStatus> Statuses(const std::vector<OutboxRequest>& messages) {
  std::vector<CommitStatus> statuses;
  for (const OutboxRequest& message : messages) {
    if (message.kind != OutboxKind::kGithubStatus) continue;
    auto status = DecodeStatus(message.payload);
    EXPECT_TRUE(status) << status.error().ToString();
    if (status) statuses.push_back(*status);
  }
  return statuses;
}

std::vector<PullRequestComment> Comments(const std::vector<OutboxRequest>& messages) {
  std::vector<PullRequestComment> comments;
  for (const OutboxRequest& message : messages) {
    if (message.kind == OutboxKind::kGithubComment)
      comments.push_back(*DecodeComment(message.payload));
  }
  return comments;
}

TEST(ReportsTest, ATestJobIsPendingPerScenarioWithItsPhase) {
  auto messages = PendingReports(TestConfig(), TestJob(), "running");

  auto statuses = Statuses(messages);
  ASSERT_EQ(statuses.size(), 2u);
  EXPECT_EQ(statuses[0].context, "perfgate/http-api");
  EXPECT_EQ(statuses[1].context, "perfgate/grpc");
  for (const CommitStatus& status : statuses) {
    EXPECT_EQ(status.state, "pending");
    EXPECT_THAT(status.description, HasSubstr("running"));
    EXPECT_EQ(status.sha, std::string(40, 'c'));
    EXPECT_EQ(status.target_url, "http://perf.example:8080/jobs/12");
  }
  EXPECT_EQ(messages[0].target, "acme/api");
  EXPECT_EQ(messages[0].job, 12);
  EXPECT_NE(messages[0].key, messages[1].key);
}

TEST(ReportsTest, OnlyTestJobsOfAConfigWithGithubAreReportedThere) {
  Job baseline = TestJob();
  baseline.kind = JobKind::kBaseline;
  EXPECT_TRUE(PendingReports(TestConfig(), baseline, "queued").empty());
  Config without_github = TestConfig();
  without_github.github.reset();
  EXPECT_TRUE(PendingReports(without_github, TestJob(), "queued").empty());
}

TEST(ReportsTest, ARegressionFailsItsScenarioNamingTheWorstSeries) {
  Job job = TestJob();
  StoredComparison stored =
      Compared({Series("http-api", "{endpoint=\"/a\"}", 0.08, Verdict::kRegression),
                Series("http-api", "{endpoint=\"/b\"}", 0.31, Verdict::kRegression),
                Series("grpc", "{}", 0.0, Verdict::kUnchanged)});
  auto messages = FinalReports(TestConfig(), {.job = job, .comparison = &stored});

  auto statuses = Statuses(messages);
  ASSERT_EQ(statuses.size(), 2u);
  EXPECT_EQ(statuses[0].state, "failure");
  EXPECT_THAT(statuses[0].description, HasSubstr("latency_p99 {endpoint=\"/b\"} +31.0%"));
  EXPECT_EQ(statuses[1].state, "success");
}

TEST(ReportsTest, AFailedJobIsAnErrorWithItsReason) {
  Job job = TestJob();
  auto messages = FinalReports(
      TestConfig(), {.job = job, .state = JobState::kFailed, .reason = "build failed: exit 2"});

  for (const CommitStatus& status : Statuses(messages)) {
    EXPECT_EQ(status.state, "error");
    EXPECT_THAT(status.description, HasSubstr("build failed: exit 2"));
  }
  auto comments = Comments(messages);
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_THAT(comments[0].body, HasSubstr("job failed on " + job.commit.substr(0, 7)));
  EXPECT_THAT(comments[0].body, HasSubstr("```text\nbuild failed: exit 2\n```\n"))
      << "the reason, whose lines are a command's output, verbatim";
}

TEST(ReportsTest, AJobCancelledWhileQueuedEndsItsStatusesAndOthersOweNothingHere) {
  Job job = TestJob();
  job.state = JobState::kQueued;
  for (const CommitStatus& status : Statuses(QueueChangeReports(TestConfig(), job))) {
    EXPECT_EQ(status.state, "pending");
    EXPECT_THAT(status.description, HasSubstr("queued"));
  }
  job.state = JobState::kCancelled;
  job.failure_reason = "cancelled before it started";
  std::vector<OutboxRequest> cancelled = QueueChangeReports(TestConfig(), job);
  std::vector<CommitStatus> statuses = Statuses(cancelled);
  ASSERT_EQ(statuses.size(), 2u);
  for (const CommitStatus& status : statuses) {
    EXPECT_EQ(status.state, "error");
    EXPECT_THAT(status.description, HasSubstr("cancelled before it started"));
  }
  EXPECT_EQ(Comments(cancelled).size(), 1u);
  // A running job's cancel is only requested: its worker reports how it ends.
  job.state = JobState::kRunning;
  EXPECT_TRUE(QueueChangeReports(TestConfig(), job).empty());
}

TEST(ReportsTest, ADescriptionIsCutToGithubsLimit) {
  Job job = TestJob();
  auto messages =
      FinalReports(TestConfig(),
                   {.job = job, .state = JobState::kFailed, .reason = std::string(300, 'x') + "é"});
  for (const CommitStatus& status : Statuses(messages)) {
    EXPECT_LE(status.description.size(), kMaxStatusDescription);
    EXPECT_TRUE(status.description.ends_with("..."));
  }
}

TEST(ReportsTest, ThePullRequestCommentCarriesTheReportTheMarkerAndLinks) {
  Job job = TestJob();
  StoredComparison stored = Compared({Series("http-api", "{}", 0.2, Verdict::kRegression)});
  auto comments = Comments(FinalReports(TestConfig(), {.job = job, .comparison = &stored}));

  ASSERT_EQ(comments.size(), 1u);
  const PullRequestComment& comment = comments[0];
  EXPECT_EQ(comment.pull_request, 7);
  EXPECT_EQ(comment.marker, kCommentMarker);
  EXPECT_TRUE(comment.body.starts_with(kCommentMarker));
  EXPECT_THAT(comment.body, HasSubstr(RenderMarkdown({stored, ""})));
  EXPECT_THAT(comment.body, HasSubstr("http://perf.example:8080/jobs/12"));
  EXPECT_THAT(comment.body, HasSubstr("http://perf.example:8080/jobs/12/comparison"));
  EXPECT_TRUE(
      Comments(FinalReports(TestConfig(), {.job = TestJob(std::nullopt), .comparison = &stored}))
          .empty());
}

TEST(ReportsTest, AHugeReportIsCutBelowGithubsLimitWithALinkToTheWholeOne) {
  Job job = TestJob();
  std::vector<SeriesComparison> series;
  for (int i = 0; i < 3000; ++i) {
    series.push_back(Series("http-api",
                            "{endpoint=\"/" + std::to_string(i) + std::string(40, 'p') + "\"}", 0.2,
                            Verdict::kRegression));
  }
  StoredComparison stored = Compared(std::move(series));
  auto comments = Comments(FinalReports(TestConfig(), {.job = job, .comparison = &stored}));

  ASSERT_EQ(comments.size(), 1u);
  EXPECT_LE(comments[0].body.size(), kMaxCommentBody);
  EXPECT_THAT(comments[0].body, HasSubstr("too long"));
  EXPECT_THAT(comments[0].body, HasSubstr("http://perf.example:8080/jobs/12/comparison"));
}

TEST(ReportsTest, AlertsGoWhereTheirTriggersSay) {
  Config config = TestConfig();
  config.alerts = {
      AlertConfig{.url_env = "SLACK", .format = AlertConfig::Format::kSlack, .on = {"regression"}},
      AlertConfig{.url_env = "HOOK", .format = AlertConfig::Format::kJson, .on = {"failed"}}};
  Job job = TestJob();
  StoredComparison stored = Compared({Series("http-api", "{}", 0.2, Verdict::kRegression)});

  auto regression = FinalReports(config, {.job = job, .comparison = &stored});
  auto failed = FinalReports(config, {.job = job, .state = JobState::kFailed, .reason = "boom"});

  std::vector<OutboxRequest> alerts;
  for (const auto* messages : {&regression, &failed}) {
    for (const OutboxRequest& message : *messages) {
      if (message.kind == OutboxKind::kAlert) alerts.push_back(message);
    }
  }
  ASSERT_EQ(alerts.size(), 2u);
  EXPECT_EQ(alerts[0].target, "SLACK");
  Json slack = Json::parse(alerts[0].payload);
  EXPECT_THAT(slack["text"].get<std::string>(), HasSubstr("1 regression"));
  EXPECT_EQ(alerts[1].target, "HOOK");
  Json hook = Json::parse(alerts[1].payload);
  EXPECT_EQ(hook["event"], "failed");
  EXPECT_EQ(hook["reason"], "boom");
}

TEST(ReportsTest, AJsonAlertCarriesTheComparisonAsTheApiRendersIt) {
  Config config = TestConfig();
  config.alerts = {
      AlertConfig{.url_env = "HOOK", .format = AlertConfig::Format::kJson, .on = {"improvement"}}};
  Job job = TestJob();
  StoredComparison stored = Compared({Series("http-api", "{}", -0.2, Verdict::kImprovement)});

  auto messages = FinalReports(config, {.job = job, .comparison = &stored});

  ASSERT_EQ(messages.back().kind, OutboxKind::kAlert);
  EXPECT_EQ(messages.back().payload, RenderJson({stored, config.repository.url}));
}

TEST(ReportsTest, ChangePointsAlertOnlyWhereAsked) {
  Config config = TestConfig();
  config.alerts = {
      AlertConfig{
          .url_env = "SLACK", .format = AlertConfig::Format::kSlack, .on = {"change_point"}},
      AlertConfig{.url_env = "OTHER", .format = AlertConfig::Format::kSlack, .on = {"failed"}}};
  Job baseline = TestJob(std::nullopt);
  baseline.kind = JobKind::kBaseline;
  ChangePointRecord change_point{.scenario = "http-api",
                                 .metric = "latency_p99",
                                 .series = "{}",
                                 .job_id = 10,
                                 .commit = std::string(40, 'a'),
                                 .mean_before = 0.1,
                                 .mean_after = 0.125,
                                 .change = 0.25,
                                 .p_value = 0.001,
                                 .detected_by = 12,
                                 .detected_at = {}};

  auto messages = ChangePointReports(config, baseline, {change_point});

  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].target, "SLACK");
  EXPECT_THAT(Json::parse(messages[0].payload)["text"].get<std::string>(),
              HasSubstr("http-api/latency_p99 {} at aaaaaaa: +25.0%"));
}

TEST(TruncateTest, CutsAtACharacterBoundary) {
  EXPECT_EQ(Truncate("short", 10), "short");
  EXPECT_EQ(Truncate("abcdefghij", 8), "abcde...");
  std::string cut = Truncate("aaaaé" + std::string(10, 'b'), 8);  // é is 2 bytes at 4..5
  EXPECT_LE(cut.size(), 8u);
  EXPECT_EQ(cut, "aaaa...");
}

}  // namespace
}  // namespace perfgate
