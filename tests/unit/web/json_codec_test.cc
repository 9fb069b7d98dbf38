#include "web/json_codec.h"

#include <gtest/gtest.h>

#include "report/format.h"

namespace perfgate {
namespace {

TimePoint At(int64_t unix_millis) { return TimePoint(std::chrono::milliseconds(unix_millis)); }

TEST(TimestampTest, FormatsUtcWithMilliseconds) {
  EXPECT_EQ(FormatTimestamp(At(0)), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatTimestamp(At(1714564800123)), "2024-05-01T12:00:00.123Z");
}

TEST(TimestampTest, ParsesWhatItFormats) {
  for (int64_t millis : {int64_t{0}, int64_t{1714564800123}, int64_t{951782400999}}) {
    EXPECT_EQ(ParseTimestamp(FormatTimestamp(At(millis))), At(millis)) << millis;
  }
  EXPECT_EQ(ParseTimestamp("2024-05-01T12:00:00Z"), At(1714564800000));
}

TEST(TimestampTest, RejectsOtherText) {
  for (const char* text : {"", "2024-05-01", "2024-05-01T12:00:00", "2024-05-01T12:00:00.1Z",
                           "2024-05-01T12:00:00.123+02:00", "yesterday"}) {
    EXPECT_FALSE(ParseTimestamp(text).has_value()) << text;
  }
}

Job FullJob() {
  Job job;
  job.id = 17;
  job.kind = JobKind::kTest;
  job.state = JobState::kRunning;
  job.commit = std::string(40, 'a');
  job.ref = "feature";
  job.scenarios = {"http-api", "grpc"};
  job.base_commit = std::string(40, 'b');
  job.pull_request = 12;
  job.requested_by = "api";
  job.attempts = 2;
  job.created_at = At(1714564800000);
  job.started_at = At(1714564801000);
  job.worker = "host-1";
  job.lease_expires_at = At(1714564831000);
  job.cancel_requested = true;
  return job;
}

void ExpectSameJob(const Job& a, const Job& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.state, b.state);
  EXPECT_EQ(a.commit, b.commit);
  EXPECT_EQ(a.ref, b.ref);
  EXPECT_EQ(a.scenarios, b.scenarios);
  EXPECT_EQ(a.base_commit, b.base_commit);
  EXPECT_EQ(a.pull_request, b.pull_request);
  EXPECT_EQ(a.requested_by, b.requested_by);
  EXPECT_EQ(a.attempts, b.attempts);
  EXPECT_EQ(a.failure_reason, b.failure_reason);
  EXPECT_EQ(a.created_at, b.created_at);
  EXPECT_EQ(a.started_at, b.started_at);
  EXPECT_EQ(a.finished_at, b.finished_at);
  EXPECT_EQ(a.worker, b.worker);
  EXPECT_EQ(a.lease_expires_at, b.lease_expires_at);
  EXPECT_EQ(a.cancel_requested, b.cancel_requested);
}

TEST(JobJsonTest, WritesEveryFieldWithNullForAbsentOnes) {
  Job job;
  job.id = 3;
  job.commit = "c";
  Json json = JobToJson(job);
  EXPECT_EQ(json["id"], 3);
  EXPECT_EQ(json["kind"], "experiment");
  EXPECT_EQ(json["state"], "queued");
  EXPECT_TRUE(json["base"].is_null());
  EXPECT_TRUE(json["pull_request"].is_null());
  EXPECT_TRUE(json["started_at"].is_null());
  EXPECT_TRUE(json["failure_reason"].is_null());
  EXPECT_EQ(json["cancel_requested"], false);
}

TEST(JobJsonTest, RoundTrips) {
  Job full = FullJob();
  auto back = JobFromJson(nlohmann::json::parse(JobToJson(full).dump()));
  ASSERT_TRUE(back.has_value()) << back.error().ToString();
  ExpectSameJob(*back, full);

  Job finished;
  finished.id = 4;
  finished.state = JobState::kFailed;
  finished.failure_reason = "build failed";
  finished.finished_at = At(5000);
  auto again = JobFromJson(nlohmann::json::parse(JobToJson(finished).dump()));
  ASSERT_TRUE(again.has_value()) << again.error().ToString();
  ExpectSameJob(*again, finished);
}

TEST(JobJsonTest, ReadingNamesTheBrokenKey) {
  nlohmann::json json = nlohmann::json::parse(JobToJson(FullJob()).dump());
  json["attempts"] = "two";
  auto job = JobFromJson(json);
  ASSERT_FALSE(job.has_value());
  EXPECT_NE(job.error().what.find("\"attempts\""), std::string::npos) << job.error().what;

  json = nlohmann::json::parse(JobToJson(FullJob()).dump());
  json.erase("state");
  EXPECT_NE(JobFromJson(json).error().what.find("\"state\""), std::string::npos);
  EXPECT_FALSE(JobFromJson(nlohmann::json::array()).has_value());
}

TEST(RunJsonTest, WritesTheRun) {
  perfgate::Run run{.id = 5,
                    .job_id = 2,
                    .scenario = "http-api",
                    .commit = "abc",
                    .state = RunState::kFailed,
                    .failure_reason = "not ready",
                    .started_at = At(0),
                    .finished_at = At(1000)};
  Json json = RunToJson(run);
  EXPECT_EQ(json["id"], 5);
  EXPECT_EQ(json["job"], 2);
  EXPECT_EQ(json["state"], "failed");
  EXPECT_EQ(json["failure_reason"], "not ready");
  EXPECT_EQ(json["finished_at"], "1970-01-01T00:00:01.000Z");
}

TEST(PhaseJsonTest, JobWidePhasesHaveNullScenarioAndRepetition) {
  PhaseRecord phase;
  phase.phase = "checkout";
  phase.started_at = At(0);
  Json json = PhaseToJson(phase);
  EXPECT_TRUE(json["scenario"].is_null());
  EXPECT_TRUE(json["repetition"].is_null());
  EXPECT_TRUE(json["finished_at"].is_null());
  EXPECT_TRUE(json["error"].is_null());
  phase.repetition = 0;
  EXPECT_EQ(PhaseToJson(phase)["repetition"], 0);
}

}  // namespace
}  // namespace perfgate
