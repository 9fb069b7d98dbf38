// What a job measures, from its request and the config: the runner follows it, and the web UI
// reads a running job's progress against it.
#pragma once

#include <vector>

#include "config/config.h"
#include "store/job.h"

namespace perfgate {

// The scenarios of `config` that `job` measures (JobMeasures), in the config's order.
std::vector<const ScenarioConfig*> ScenariosOf(const Config& config, const Job& job);

// Whether `job` measures its base and its commit pair by pair for `scenario` (interleaved
// comparison); otherwise it measures its own commit alone, `repetitions` windows.
bool IsInterleaved(const Job& job, const ScenarioConfig& scenario);

}  // namespace perfgate
