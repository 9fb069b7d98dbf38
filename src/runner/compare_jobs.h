// Comparison of the stored results of two jobs.
#pragma once

#include "base/error.h"
#include "config/config.h"
#include "store/store.h"

namespace perfgate {

// Compares the samples of `candidate` (its own commit) with those of `base` (its own commit)
// for the metrics of `config`. Nothing is stored.
[[nodiscard]] Result<StoredComparison> CompareJobs(const Config& config, ResultStore& results,
                                                   const Job& base, const Job& candidate,
                                                   TimePoint now);

}  // namespace perfgate
