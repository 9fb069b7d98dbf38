#include "store/job_plan.h"

namespace perfgate {

std::vector<const ScenarioConfig*> ScenariosOf(const Config& config, const Job& job) {
  std::vector<const ScenarioConfig*> scenarios;
  for (const ScenarioConfig& scenario : config.scenarios) {
    if (JobMeasures(job, scenario.name)) scenarios.push_back(&scenario);
  }
  return scenarios;
}

bool IsInterleaved(const Job& job, const ScenarioConfig& scenario) {
  return job.kind != JobKind::kBaseline && scenario.comparison == ComparisonMode::kInterleaved;
}

}  // namespace perfgate
