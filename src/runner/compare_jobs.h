// Comparison of the stored results of two jobs.
#pragma once

#include <span>

#include "base/error.h"
#include "config/config.h"
#include "store/store.h"

namespace perfgate {

// Compares the samples of `candidate` (its own commit) with those of `base` (its own commit)
// for the metrics of `scenarios`, unpaired, at the config's analysis level. Nothing is
// stored.
[[nodiscard]] Result<StoredComparison> CompareJobs(const Config& config,
                                                   std::span<const ScenarioConfig> scenarios,
                                                   ResultStore& results, const Job& base,
                                                   const Job& candidate, TimePoint now);

}  // namespace perfgate
