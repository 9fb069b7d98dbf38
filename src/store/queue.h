// The persistent job queue: claims with leases, heartbeats, re-queueing of jobs whose worker
// died, cancellation and retries; plus each job's phase log and the process groups its
// runs started (so that a worker can reap what a crashed predecessor left behind).
//
// Every method is one transaction (BEGIN IMMEDIATE for writes), so several worker processes
// sharing one store never claim the same job and never run more than `max_running` jobs.
// Errors as in store.h: NotFound for unknown ids, FailedPrecondition for a state change the
// job's state does not allow (the API answers 409), Unavailable when the database is busy.
#pragma once

#include <sys/types.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/error.h"
#include "store/job.h"

namespace perfgate {

struct EnqueueResult {
  Job job;                        // the new job, or the queued one it duplicates
  bool duplicate = false;         // an identical request was still queued: no new job
  std::vector<JobId> superseded;  // older queued test jobs of the same pull request, cancelled
};

// One phase of a job as its phase log keeps it (runner/progress.h names the phases).
struct PhaseRecord {
  int64_t id = 0;
  JobId job_id = 0;
  std::string scenario;  // empty for job-wide phases
  std::string phase;     // PhaseName(): "checkout", "build", "window", ...
  int repetition = -1;
  TimePoint started_at;
  std::optional<TimePoint> finished_at;
  std::string error;  // empty unless the phase failed
};

// "svc window 2", "svc build", "compare": a phase as a list of phases names it (repetitions
// counted from 1).
std::string PhaseLabel(const PhaseRecord& phase);

// A process group started for a job, as recorded before anything else happens to it.
struct ProcessGroupRecord {
  JobId job_id = 0;
  pid_t pgid = 0;
  uint64_t start_time = 0;  // field 22 of /proc/<pgid>/stat: tells pid reuse apart
  std::string worker;
  std::string description;  // e.g. "service api", "load", "prometheus"
};

// What perfgate's own /metrics reports about the queue, read from the store so that it is
// right whichever process runs the jobs.
struct QueueStatistics {
  std::map<JobState, int64_t> jobs_by_state;
  // (final state, seconds from started_at to finished_at) of every finished job.
  std::vector<std::pair<JobState, double>> finished_job_seconds;
  std::map<RunState, int64_t> runs_by_state;
};

class JobQueue {
 public:
  virtual ~JobQueue() = default;

  // Stores a queued job unless an identical one (same kind, commit, base, scenario set) is
  // still queued, in which case that one is returned with duplicate = true. A test job of a
  // pull request cancels the older queued test jobs of the same pull request.
  [[nodiscard]] virtual Result<EnqueueResult> Enqueue(const JobRequest& request, TimePoint now) = 0;

  // Claims the oldest queued job for `worker` if fewer than `max_running` jobs hold a live
  // lease: queued -> running, attempts + 1, lease until now + lease. nullopt when there is
  // nothing to run or no free slot.
  [[nodiscard]] virtual Result<std::optional<Job>> ClaimJob(const std::string& worker,
                                                            int max_running, Duration lease,
                                                            TimePoint now) = 0;

  // Extends the lease of a running job held by `worker`. FailedPrecondition when the job is
  // no longer running or another worker holds it (the caller must stop working on it).
  // Returns the job, whose cancel_requested tells the worker to stop.
  [[nodiscard]] virtual Result<Job> RenewLease(JobId id, const std::string& worker, Duration lease,
                                               TimePoint now) = 0;

  // Ends a running job held by `worker` (succeeded | failed | cancelled) and clears its lease.
  // FailedPrecondition when the worker lost the job, so a late finisher never overwrites it.
  [[nodiscard]] virtual Result<void> FinishClaimedJob(JobId id, const std::string& worker,
                                                      JobState state,
                                                      const std::string& failure_reason,
                                                      TimePoint now) = 0;

  // Gives a running job held by `worker` back to the queue (running -> queued, lease
  // cleared, attempts unchanged): the worker is shutting down and did not finish it.
  // FailedPrecondition when the worker lost the job.
  [[nodiscard]] virtual Result<void> ReleaseJob(JobId id, const std::string& worker,
                                                TimePoint now) = 0;

  // Gives a running job held by `worker` back to the queue to wait for job `other` (running
  // -> queued, lease cleared, waits_for = other): ClaimJob passes it over while `other` is
  // queued or running. NotFound when `other` does not exist; FailedPrecondition when the
  // worker lost the job or `other` is the job itself.
  [[nodiscard]] virtual Result<void> WaitForJob(JobId id, const std::string& worker, JobId other,
                                                TimePoint now) = 0;

  // Running jobs whose lease expired: back to queued, or failed ("lease expired N times: the
  // worker running it died or hung") once attempts reached max_attempts. Returns them as
  // they are afterwards.
  [[nodiscard]] virtual Result<std::vector<Job>> RequeueExpired(int max_attempts,
                                                                TimePoint now) = 0;

  // A queued job is cancelled at once; a running one gets cancel_requested (its worker
  // stops it within a heartbeat). FailedPrecondition for a finished job.
  [[nodiscard]] virtual Result<Job> RequestCancel(JobId id, TimePoint now) = 0;

  // A new queued job with the request of a finished (failed, cancelled or succeeded) job;
  // FailedPrecondition while it is queued or running.
  [[nodiscard]] virtual Result<Job> Retry(JobId id, TimePoint now) = 0;

  [[nodiscard]] virtual Result<QueueStatistics> Statistics() = 0;
};

class PhaseLog {
 public:
  virtual ~PhaseLog() = default;
  [[nodiscard]] virtual Result<int64_t> StartPhase(JobId job, const std::string& scenario,
                                                   const std::string& phase, int repetition,
                                                   TimePoint now) = 0;
  [[nodiscard]] virtual Result<void> FinishPhase(int64_t phase_id, const std::string& error,
                                                 TimePoint now) = 0;
  // In start order.
  [[nodiscard]] virtual Result<std::vector<PhaseRecord>> ListPhases(JobId job) = 0;
};

class ProcessGroupLedger {
 public:
  virtual ~ProcessGroupLedger() = default;
  [[nodiscard]] virtual Result<void> RecordProcessGroup(const ProcessGroupRecord& record) = 0;
  [[nodiscard]] virtual Result<void> ForgetProcessGroup(pid_t pgid, uint64_t start_time) = 0;
  // Groups recorded for jobs that are no longer running under a live lease: what a crashed
  // worker left behind.
  [[nodiscard]] virtual Result<std::vector<ProcessGroupRecord>> OrphanedProcessGroups(
      TimePoint now) = 0;
};

}  // namespace perfgate
