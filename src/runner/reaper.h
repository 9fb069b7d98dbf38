// Finds and removes what a crashed worker left behind, before new work starts: the process
// groups recorded for jobs that no longer run under a live lease (each checked against its
// recorded start time, so a reused pid is never killed), the worktrees, managed Prometheus
// folders and target files of jobs that are not running, and, when a scenario uses
// docker-compose, the compose projects of such jobs (found by their containers' labels).
#pragma once

#include "base/clock.h"
#include "config/config.h"
#include "store/store.h"

namespace perfgate {

// What labels the things a run creates outside perfgate's processes (compose containers)
// as this installation's: its work_dir, absolute. Two installations never share one.
std::string LeftoverOwner(const Config& config);

// Best effort: what cannot be removed is logged and tried again on the next call.
void ReapOrphans(const Config& config, Store& store, Clock& clock);

}  // namespace perfgate
