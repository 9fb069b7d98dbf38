#include "cli/service.h"

#include <atomic>
#include <thread>

#include "base/duration.h"
#include "cli/cli.h"
#include "cli/interrupt_watcher.h"
#include "cli/worker_pool.h"
#include "delivery/deliverer.h"

namespace perfgate {
namespace {

// How often the deliverer looks for due messages when the last look found none.
constexpr Duration kDeliveryPoll = std::chrono::seconds(1);

}  // namespace

int RunService(const ServiceOptions& options, WithRepository repository,
               const ServiceStart& start) {
  auto grace = ParseDuration(options.grace);
  if (!grace) {
    PrintError(InvalidInput("`" + options.grace + "` is not a duration", "--grace",
                            "write it like 30s or 2m"));
    return kExitError;
  }
  // First, so that every thread started later inherits its signal mask.
  std::atomic<WorkerPool*> pool_slot = nullptr;
  InterruptWatcher signals([&pool_slot](int, int earlier) {
    if (WorkerPool* running = pool_slot.load(); earlier > 0 && running) running->Abort();
  });
  auto workspace = OpenWorkspace(options.config, repository);
  if (!workspace) return kExitError;
  PrintConfigCautions(options.config, workspace->config);
  QueueNotifier notifier;  // before what `start` returns, which may call it until destroyed
  auto started = start(*workspace, notifier);
  if (!started) {
    PrintError(started.error());
    return kExitError;
  }
  std::shared_ptr<void> beside_workers = std::move(*started);
  // Before the workers, so that it outlives them: what they report while they stop is still
  // tried once before the process ends, and the outbox keeps what is left for the next one.
  DeliveryThread delivery(std::make_unique<Deliverer>(workspace->config, *workspace->store,
                                                      *workspace->http, SystemClock()),
                          kDeliveryPoll);
  WorkerPool pool(*workspace, notifier);
  pool_slot = &pool;
  while (!signals.interrupted()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  pool.Stop(*grace);
  pool_slot = nullptr;
  return kExitOk;
}

int WorkerCommand(const ServiceOptions& options) {
  return RunService(
      options, WithRepository::kNo,
      [](Workspace&, QueueNotifier&) -> Result<std::shared_ptr<void>> { return nullptr; });
}

}  // namespace perfgate
