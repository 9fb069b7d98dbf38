// What `perfgate serve` and `perfgate worker` share: the grace period, the signals, and
// running the process's workers until a signal asks them to stop.
#pragma once

#include <functional>
#include <memory>

#include "base/error.h"
#include "cli/commands.h"
#include "cli/workspace.h"
#include "runner/worker.h"

namespace perfgate {

// Starts what a service runs beside its workers (the API server) and returns its owner:
// destroying it stops it. May return null when there is nothing to own. What it starts may
// tell the workers of a job it queued through the notifier, which outlives what it returns.
using ServiceStart =
    std::function<Result<std::shared_ptr<void>>(Workspace&, QueueNotifier& notifier)>;

// Parses --grace; takes SIGINT/SIGTERM (the first stops claiming and lets running jobs
// finish within the grace period, a second gives them back to the queue at once); opens the
// workspace; calls `start`; runs the outbox's deliverer and `config.workers` workers, woken
// by its notifier, until a signal; stops them, the deliverer, then what `start` returned. Returns
// the exit code, having printed any error.
int RunService(const ServiceOptions& options, WithRepository repository, const ServiceStart& start);

}  // namespace perfgate
