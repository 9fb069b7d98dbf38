#include "web/job_progress.h"

#include <gtest/gtest.h>

namespace perfgate {
namespace {

TimePoint At(double seconds) {
  return TimePoint(std::chrono::milliseconds(static_cast<int64_t>(seconds * 1000)));
}

// One scenario "svc": 4 windows of 10 s alone, or 3 pairs (at most 6) interleaved.
Config SvcConfig(ComparisonMode mode) {
  Config config;
  config.scenarios.resize(1);
  config.scenarios[0].name = "svc";
  config.scenarios[0].repetitions = 4;
  config.scenarios[0].pairs = 3;
  config.scenarios[0].max_pairs = 6;
  config.scenarios[0].comparison = mode;
  config.scenarios[0].load.duration = std::chrono::seconds(10);
  return config;
}

Job RunningJob(JobKind kind, double started) {
  Job job;
  job.kind = kind;
  job.state = JobState::kRunning;
  job.started_at = At(started);
  return job;
}

PhaseRecord Phase(std::string name, int repetition, double started,
                  std::optional<double> finished) {
  PhaseRecord phase;
  phase.scenario = "svc";
  phase.phase = std::move(name);
  phase.repetition = repetition;
  phase.started_at = At(started);
  if (finished) phase.finished_at = At(*finished);
  return phase;
}

TEST(ProgressOfTest, WindowsDoneAndTheRunningOnesElapsedShare) {
  Config config = SvcConfig(ComparisonMode::kInterleaved);
  std::vector<PhaseRecord> phases = {Phase("build", -1, 100, 101), Phase("window", 0, 101, 111),
                                     Phase("window", 1, 112, std::nullopt)};
  JobProgress progress = ProgressOf(RunningJob(JobKind::kBaseline, 100), phases, config, At(117));
  EXPECT_EQ(progress.windows_done, 1);
  EXPECT_EQ(progress.windows_planned, 4);  // a baseline measures its commit alone
  EXPECT_DOUBLE_EQ(progress.fraction, 1.5 / 4);
  EXPECT_EQ(progress.phase, "svc window 2");
}

TEST(ProgressOfTest, ARunningWindowNeverCountsInFull) {
  Config config = SvcConfig(ComparisonMode::kStored);
  std::vector<PhaseRecord> phases = {Phase("window", 0, 100, std::nullopt)};
  JobProgress progress = ProgressOf(RunningJob(JobKind::kTest, 100), phases, config, At(500));
  EXPECT_EQ(progress.windows_done, 0);
  EXPECT_LT(progress.fraction, 0.25);
  EXPECT_GT(progress.fraction, 0.24);
}

TEST(ProgressOfTest, InterleavedJobsPlanTwoWindowsPerPairAndGrowWithMorePairs) {
  Config config = SvcConfig(ComparisonMode::kInterleaved);
  Job job = RunningJob(JobKind::kTest, 100);
  EXPECT_EQ(ProgressOf(job, {}, config, At(100)).windows_planned, 6);
  std::vector<PhaseRecord> phases;
  for (int pair = 0; pair < 4; ++pair) {
    phases.push_back(Phase("window", pair, 100 + pair * 20, 110 + pair * 20));
    phases.push_back(Phase("window", pair, 110 + pair * 20, 120 + pair * 20));
  }
  JobProgress progress = ProgressOf(job, phases, config, At(200));
  EXPECT_EQ(progress.windows_done, 8);
  EXPECT_EQ(progress.windows_planned, 8);  // a fourth pair was measured: confirmation asked
  EXPECT_DOUBLE_EQ(progress.fraction, 1.0);
  EXPECT_EQ(progress.phase, "");
}

TEST(ProgressOfTest, PhasesOfAnEarlierAttemptDoNotCount) {
  Config config = SvcConfig(ComparisonMode::kStored);
  std::vector<PhaseRecord> phases = {Phase("window", 0, 50, 60),
                                     Phase("window", 1, 60, std::nullopt),
                                     Phase("build", -1, 100, std::nullopt)};
  JobProgress progress = ProgressOf(RunningJob(JobKind::kBaseline, 100), phases, config, At(101));
  EXPECT_EQ(progress.windows_done, 0);
  EXPECT_DOUBLE_EQ(progress.fraction, 0);
  EXPECT_EQ(progress.phase, "svc build");
}

TEST(ProgressOfTest, OnlyTheScenariosTheJobMeasures) {
  Config config = SvcConfig(ComparisonMode::kStored);
  config.scenarios.push_back(config.scenarios[0]);
  config.scenarios[1].name = "other";
  Job job = RunningJob(JobKind::kBaseline, 100);
  EXPECT_EQ(ProgressOf(job, {}, config, At(100)).windows_planned, 8);
  job.scenarios = {"other"};
  EXPECT_EQ(ProgressOf(job, {}, config, At(100)).windows_planned, 4);
}

TEST(ProgressToJsonTest, NullPhaseWhenNoneRuns) {
  Json json = ProgressToJson(
      JobProgress{.phase = "", .windows_done = 1, .windows_planned = 4, .fraction = 0.25});
  EXPECT_TRUE(json["phase"].is_null());
  EXPECT_EQ(json["windows_done"], 1);
  EXPECT_EQ(json["windows_planned"], 4);
  EXPECT_EQ(json["fraction"], 0.25);
}

}  // namespace
}  // namespace perfgate
