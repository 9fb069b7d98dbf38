// A queue worker: claims jobs from the store (within the `workers` limit that every process
// sharing the store obeys), runs each with a heartbeat that renews its lease, and records how
// it ended. A cancel request stops the job within a heartbeat; a worker asked to abort gives
// its job back to the queue.
//
// Thread-safety: one Worker runs on one thread; `stop` and `abort` may be set from any other.
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>

#include "base/clock.h"
#include "base/error.h"
#include "config/config.h"
#include "http/http_client.h"
#include "runner/progress.h"
#include "store/store.h"
#include "vcs/repository.h"

namespace perfgate {

struct WorkerContext {
  const Config* config = nullptr;
  Store* store = nullptr;
  HttpClient* http = nullptr;
  Clock* clock = nullptr;
  std::string id;  // unique among every worker sharing the store, e.g. host:pid:1
  // Opens this worker's own mirror of the repository (a Repository serves one thread).
  std::function<Result<Repository>()> open_repository;
  ProgressListener* progress = nullptr;  // also told about each phase; may be null
};

class Worker {
 public:
  explicit Worker(WorkerContext context);

  // Claims and runs jobs until `stop` is set; with `abort` set, the running job is stopped
  // and given back to the queue. Polls the queue every `poll_interval` while idle.
  void Run(const std::atomic<bool>& stop, const std::atomic<bool>& abort,
           Duration poll_interval = std::chrono::seconds(1));

  // One round: re-queues jobs whose lease expired, then claims and runs one job if a slot is
  // free. Returns whether a job ran.
  [[nodiscard]] Result<bool> RunOnce(const std::atomic<bool>& abort);

 private:
  Result<void> RunClaimed(const Job& job, const std::atomic<bool>& abort);

  WorkerContext context_;
  std::optional<Repository> repository_;
  bool reaped_once_ = false;
};

}  // namespace perfgate
