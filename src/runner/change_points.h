// Change points of the default branch (DESIGN.md): after a baseline job, each series of its
// scenarios' metrics is searched for lasting shifts over its whole baseline history.
#pragma once

#include <vector>

#include "base/clock.h"
#include "base/error.h"
#include "config/config.h"
#include "store/store.h"

namespace perfgate {

// Finds the change points of every series the succeeded baseline job `baseline` measured,
// records those not recorded before and returns them: each change point is reported once.
// A change point found within a minimum segment of one already recorded for the same series
// is that one, moved by the history that came since, and is not recorded again.
[[nodiscard]] Result<std::vector<ChangePointRecord>> DetectChangePoints(const Config& config,
                                                                        Store& store,
                                                                        const Job& baseline,
                                                                        TimePoint now);

// DetectChangePoints after a baseline job ended, when it succeeded; what it finds is logged
// and written to the outbox as alerts, and a failure to search is logged too: it never
// changes the job's outcome.
void RecordChangePointsAfter(const Config& config, Store& store, const Job& baseline,
                             TimePoint now);

}  // namespace perfgate
