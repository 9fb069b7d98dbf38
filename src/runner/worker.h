// A queue worker: claims jobs from the store (within the `workers` limit that every process
// sharing the store obeys), runs each with a heartbeat that renews its lease, and records how
// it ended. A cancel request stops the job within a second; a worker asked to abort gives
// its job back to the queue.
//
// Thread-safety: one Worker runs on one thread; `stop` and `abort` may be set from any other.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
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

class JobLog;

// Wakes the idle workers of this process when it has queued a job (the API's POST /jobs, a
// retry), so that one claims it at once instead of at its next poll of the queue. Jobs queued
// by other processes sharing the store are still found by that poll.
// Thread-safety: every method may be called from any thread.
class QueueNotifier {
 public:
  // A job was queued: wakes every worker waiting in WaitFor().
  void Notify();
  // How many times Notify() was called. Read it before looking at the queue and give it to
  // WaitFor(), so that a job queued in between still wakes the worker.
  uint64_t notified() const;
  // Waits until notified() differs from `seen` (returns true) or `timeout` passes (false).
  bool WaitFor(uint64_t seen, Duration timeout);

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  uint64_t notified_ = 0;
};

struct WorkerContext {
  const Config* config = nullptr;
  Store* store = nullptr;
  HttpClient* http = nullptr;
  Clock* clock = nullptr;
  std::string id;  // unique among every worker sharing the store, e.g. host:pid:1
  // Opens this worker's own mirror of the repository (a Repository serves one thread).
  std::function<Result<Repository>()> open_repository;
  ProgressListener* progress = nullptr;  // also told about each phase; may be null
  QueueNotifier* notifier = nullptr;     // ends an idle wait early; may be null: poll only
};

class Worker {
 public:
  explicit Worker(WorkerContext context);

  // Claims and runs jobs until `stop` is set; with `abort` set, the running job is stopped
  // and given back to the queue. Polls the queue every `poll_interval` while idle, and at
  // once when the context's notifier is told of a job.
  void Run(const std::atomic<bool>& stop, const std::atomic<bool>& abort,
           Duration poll_interval = std::chrono::seconds(1));

  // One round: re-queues jobs whose lease expired, then claims and runs one job if a slot is
  // free. Returns whether a job ran.
  [[nodiscard]] Result<bool> RunOnce(const std::atomic<bool>& abort);

 private:
  Result<void> RunClaimed(const Job& job, const std::atomic<bool>& abort);
  Result<void> WaitForFirst(const Job& job, const JobRequest& first, JobLog& job_log);

  WorkerContext context_;
  std::optional<Repository> repository_;
  bool reaped_once_ = false;
};

}  // namespace perfgate
