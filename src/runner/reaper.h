// Finds and removes what a crashed worker left behind, before new work starts: the process
// groups recorded for jobs that no longer run under a live lease (each checked against its
// recorded start time, so a reused pid is never killed), and the worktrees, managed
// Prometheus folders and target files of jobs that are not running.
#pragma once

#include "base/clock.h"
#include "config/config.h"
#include "store/store.h"

namespace perfgate {

// Best effort: what cannot be removed is logged and tried again on the next call.
void ReapOrphans(const Config& config, Store& store, Clock& clock);

}  // namespace perfgate
