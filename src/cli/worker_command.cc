#include <thread>

#include "base/duration.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/service.h"

namespace perfgate {

Result<Duration> ParseGrace(const std::string& text) {
  auto grace = ParseDuration(text);
  if (!grace) {
    return std::unexpected(
        InvalidInput("`" + text + "` is not a duration", "--grace", "write it like 30s or 2m"));
  }
  return *grace;
}

int RunUntilSignalled(Workspace& workspace, InterruptWatcher& signals,
                      std::atomic<WorkerPool*>& pool_slot, Duration grace) {
  WorkerPool pool(workspace);
  pool_slot = &pool;
  while (!signals.interrupted()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  pool.Stop(grace);
  pool_slot = nullptr;
  return kExitOk;
}

int WorkerCommand(const ServiceOptions& options) {
  auto grace = ParseGrace(options.grace);
  if (!grace) {
    PrintError(grace.error());
    return kExitError;
  }
  // A first SIGINT/SIGTERM stops claiming and lets running jobs finish within the grace
  // period; a second one gives them back to the queue at once.
  std::atomic<WorkerPool*> pool = nullptr;
  InterruptWatcher signals([&pool](int, int earlier) {
    if (WorkerPool* running = pool.load(); earlier > 0 && running) running->Abort();
  });
  auto workspace = OpenWorkspace(options.config, WithRepository::kNo);
  if (!workspace) return kExitError;
  return RunUntilSignalled(*workspace, signals, pool, *grace);
}

}  // namespace perfgate
