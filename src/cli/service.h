// What `perfgate serve` and `perfgate worker` share: the grace period option and running the
// process's workers until a signal asks them to stop.
#pragma once

#include <atomic>
#include <functional>
#include <string>

#include "base/error.h"
#include "cli/interrupt_watcher.h"
#include "cli/worker_pool.h"
#include "cli/workspace.h"

namespace perfgate {

[[nodiscard]] Result<Duration> ParseGrace(const std::string& text);

// Starts the workers, waits for SIGINT/SIGTERM, then stops them within `grace`; `pool_slot`
// points at the pool while it runs, so that a second signal can abort it.
int RunUntilSignalled(Workspace& workspace, InterruptWatcher& signals,
                      std::atomic<WorkerPool*>& pool_slot, Duration grace);

}  // namespace perfgate
