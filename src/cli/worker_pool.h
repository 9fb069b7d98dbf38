// The workers of one perfgate process (`serve` or `worker`): `config.workers` threads, each a
// queue Worker with its own repository mirror handle, woken by the process's QueueNotifier,
// stopped gracefully: no new claims at once, the running jobs finished within a grace period,
// then interrupted and given back to the queue.
#pragma once

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "cli/workspace.h"
#include "runner/worker.h"

namespace perfgate {

class WorkerPool {
 public:
  // Starts the threads. `workspace` and `notifier` must outlive the pool.
  WorkerPool(Workspace& workspace, QueueNotifier& notifier);
  // Stop(kDefaultGrace) unless stopped already.
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Asks every worker to stop claiming; returns at once.
  void RequestStop() { stop_ = true; }
  // Running jobs are given back to the queue now.
  void Abort() { abort_ = true; }
  // RequestStop(), wait up to `grace` for the running jobs, Abort(), join the threads.
  void Stop(Duration grace);

  static constexpr Duration kDefaultGrace = std::chrono::seconds(30);

 private:
  std::atomic<bool> stop_ = false;
  std::atomic<bool> abort_ = false;
  std::atomic<int> running_threads_ = 0;
  std::vector<std::unique_ptr<Worker>> workers_;
  std::vector<std::thread> threads_;
};

}  // namespace perfgate
