#include "store/job_plan.h"

#include <gtest/gtest.h>

#include "store/queue.h"

namespace perfgate {
namespace {

Config TwoScenarios() {
  Config config;
  config.scenarios.resize(2);
  config.scenarios[0].name = "http-api";
  config.scenarios[1].name = "grpc";
  config.scenarios[1].comparison = ComparisonMode::kStored;
  return config;
}

TEST(ScenariosOfTest, EveryScenarioWhenTheJobNamesNone) {
  Config config = TwoScenarios();
  Job job;
  ASSERT_EQ(ScenariosOf(config, job).size(), 2u);
  job.scenarios = {"grpc"};
  std::vector<const ScenarioConfig*> named = ScenariosOf(config, job);
  ASSERT_EQ(named.size(), 1u);
  EXPECT_EQ(named[0]->name, "grpc");
}

TEST(IsInterleavedTest, CandidatesOfInterleavedScenariosOnly) {
  Config config = TwoScenarios();
  Job job;
  job.kind = JobKind::kTest;
  EXPECT_TRUE(IsInterleaved(job, config.scenarios[0]));
  EXPECT_FALSE(IsInterleaved(job, config.scenarios[1]));
  job.kind = JobKind::kBaseline;
  EXPECT_FALSE(IsInterleaved(job, config.scenarios[0]));
}

PhaseRecord Phase(std::string scenario, std::string name, int repetition = -1) {
  PhaseRecord phase;
  phase.scenario = std::move(scenario);
  phase.phase = std::move(name);
  phase.repetition = repetition;
  return phase;
}

TEST(PhaseLabelTest, ScenarioPhaseAndRepetitionFromOne) {
  EXPECT_EQ(PhaseLabel(Phase("svc", "window", 1)), "svc window 2");
  EXPECT_EQ(PhaseLabel(Phase("svc", "build")), "svc build");
  EXPECT_EQ(PhaseLabel(Phase("", "compare")), "compare");
}

}  // namespace
}  // namespace perfgate
