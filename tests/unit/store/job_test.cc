#include "store/job.h"

#include <gtest/gtest.h>

namespace perfgate {
namespace {

TEST(JobNamesTest, KindsRoundTrip) {
  for (JobKind kind : {JobKind::kBaseline, JobKind::kTest, JobKind::kExperiment}) {
    EXPECT_EQ(ParseJobKind(JobKindName(kind)), kind) << JobKindName(kind);
  }
  EXPECT_STREQ(JobKindName(JobKind::kBaseline), "baseline");
}

TEST(JobNamesTest, StatesRoundTrip) {
  for (JobState state : {JobState::kQueued, JobState::kRunning, JobState::kSucceeded,
                         JobState::kFailed, JobState::kCancelled}) {
    EXPECT_EQ(ParseJobState(JobStateName(state)), state) << JobStateName(state);
  }
  EXPECT_STREQ(JobStateName(JobState::kCancelled), "cancelled");
}

TEST(JobNamesTest, RunStatesRoundTrip) {
  for (RunState state : {RunState::kRunning, RunState::kSucceeded, RunState::kFailed}) {
    EXPECT_EQ(ParseRunState(RunStateName(state)), state) << RunStateName(state);
  }
}

TEST(JobNamesTest, UnknownNamesDoNotParse) {
  EXPECT_EQ(ParseJobKind("Baseline"), std::nullopt);
  EXPECT_EQ(ParseJobState(""), std::nullopt);
  EXPECT_EQ(ParseRunState("cancelled"), std::nullopt);
}

}  // namespace
}  // namespace perfgate
