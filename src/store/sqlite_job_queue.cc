// SqliteStore: the queue over the jobs table (JobQueue).
#include <string>

#include "base/logging.h"
#include "store/columns.h"
#include "store/sqlite_store.h"

namespace perfgate {
namespace {

std::string JobName(JobId id) { return "job " + std::to_string(id); }

Result<void> CheckClaimer(const std::string& worker, Duration lease) {
  if (worker.empty()) {
    return std::unexpected(InvalidInput("a worker needs a name to hold a job", "job queue",
                                        "name the worker, e.g. after its host and pid"));
  }
  if (lease <= Duration::zero()) {
    return std::unexpected(
        InvalidInput("lease of " + std::to_string(lease.count()) + "ms is not positive",
                     "job queue", "set jobs.lease in the config to a positive duration, e.g. 30s"));
  }
  return {};
}

// FailedPrecondition unless `job` is running and held by `worker`.
Result<void> CheckHeldBy(const Job& job, const std::string& worker, const SqliteDb& db) {
  if (job.state != JobState::kRunning) {
    return std::unexpected(
        FailedPrecondition(JobName(job.id) + " is " + JobStateName(job.state) +
                               ", no longer running under worker " + worker,
                           db.Where(), "stop working on the job: the queue re-queued or ended it"));
  }
  if (job.worker != worker) {
    return std::unexpected(FailedPrecondition(
        JobName(job.id) + " is held by worker " + job.worker + ", not by " + worker, db.Where(),
        "stop working on the job: its lease expired and another worker claimed it"));
  }
  return {};
}

// A request that runs `job` again.
JobRequest RequestOf(const Job& job) {
  return JobRequest{.kind = job.kind,
                    .commit = job.commit,
                    .ref = job.ref,
                    .scenarios = job.scenarios,
                    .base_commit = job.base_commit,
                    .pull_request = job.pull_request,
                    .requested_by = job.requested_by};
}

}  // namespace

Result<EnqueueResult> SqliteStore::Enqueue(const JobRequest& request, TimePoint now) {
  if (Result<void> checked = CheckJobRequest(request); !checked) {
    return std::unexpected(std::move(checked.error()));
  }
  return Transact(Transaction::Mode::kWrite,
                  [&]() -> Result<EnqueueResult> { return EnqueueChecked(request, now); });
}

Result<EnqueueResult> SqliteStore::EnqueueChecked(const JobRequest& request, TimePoint now) const {
  Result<std::vector<Job>> same = QueryJobs(
      "WHERE state = ?1 AND kind = ?2 AND commit_sha = ?3 AND base_commit = ?4"
      "  AND scenarios = ?5 ORDER BY id LIMIT 1",
      JobStateName(JobState::kQueued), JobKindName(request.kind), request.commit,
      request.base_commit, EncodeStringList(ScenarioSet(request.scenarios)));
  if (!same) return std::unexpected(std::move(same.error()));
  if (!same->empty())
    return EnqueueResult{.job = std::move(same->front()), .duplicate = true, .superseded = {}};

  Result<Job> job = InsertJob(request, now);
  if (!job) return std::unexpected(std::move(job.error()));
  EnqueueResult result{.job = std::move(*job), .duplicate = false, .superseded = {}};
  if (request.kind != JobKind::kTest || !request.pull_request) return result;
  Result<std::vector<Job>> older =
      QueryJobs("WHERE state = ?1 AND kind = ?2 AND pull_request = ?3 AND id < ?4 ORDER BY id",
                JobStateName(JobState::kQueued), JobKindName(JobKind::kTest),
                int64_t{*request.pull_request}, result.job.id);
  if (!older) return std::unexpected(std::move(older.error()));
  std::string reason = "superseded by " + JobName(result.job.id) + " for a newer commit of " +
                       "pull request #" + std::to_string(*request.pull_request);
  for (const Job& superseded : *older) {
    if (Result<void> cancelled = MarkFinished(superseded.id, JobState::kCancelled, reason, now);
        !cancelled) {
      return std::unexpected(std::move(cancelled.error()));
    }
    result.superseded.push_back(superseded.id);
  }
  return result;
}

Result<std::optional<Job>> SqliteStore::ClaimJob(const std::string& worker, int max_running,
                                                 Duration lease, TimePoint now) {
  if (Result<void> checked = CheckClaimer(worker, lease); !checked) {
    return std::unexpected(std::move(checked.error()));
  }
  if (max_running <= 0) {
    return std::unexpected(
        InvalidInput("max_running " + std::to_string(max_running) + " is not positive", "job queue",
                     "set workers in the config to the number of jobs to run at once, e.g. 1"));
  }
  return Transact(Transaction::Mode::kWrite, [&]() -> Result<std::optional<Job>> {
    Result<std::vector<JobId>> dead = JobsOfDeadProcesses();
    if (!dead) return std::unexpected(std::move(dead.error()));
    // Jobs with a NULL lease are held by a local process (StartJob): they hold a slot while
    // that process lives.
    Result<Statement> held = db_.Query(
        "SELECT COUNT(*) FROM jobs"
        " WHERE state = ?1 AND (lease_expires_at IS NULL OR lease_expires_at > ?2)",
        JobStateName(JobState::kRunning), ToUnixMillis(now));
    if (!held) return std::unexpected(std::move(held.error()));
    if (Result<bool> row = held->Step(); !row) return std::unexpected(std::move(row.error()));
    int64_t live = held->Int(0) - static_cast<int64_t>(dead->size());
    if (live >= max_running) return std::nullopt;

    Result<std::vector<Job>> oldest = QueryJobs(
        "WHERE state = ?1 AND (waits_for IS NULL OR NOT EXISTS (SELECT 1 FROM jobs other"
        " WHERE other.id = jobs.waits_for AND other.state IN (?1, ?2)))"
        " ORDER BY id LIMIT 1",
        JobStateName(JobState::kQueued), JobStateName(JobState::kRunning));
    if (!oldest) return std::unexpected(std::move(oldest.error()));
    if (oldest->empty()) return std::nullopt;
    JobId id = oldest->front().id;
    Result<void> claimed = db_.Execute(
        "UPDATE jobs SET state = ?1, worker = ?2, attempts = attempts + 1, started_at = ?3,"
        " lease_expires_at = ?4, cancel_requested = 0, holder_pid = NULL,"
        " holder_start_time = NULL WHERE id = ?5",
        JobStateName(JobState::kRunning), worker, ToUnixMillis(now), ToUnixMillis(now + lease), id);
    if (!claimed) return std::unexpected(std::move(claimed.error()));
    return LoadJob(id);
  });
}

Result<Job> SqliteStore::RenewLease(JobId id, const std::string& worker, Duration lease,
                                    TimePoint now) {
  if (Result<void> checked = CheckClaimer(worker, lease); !checked) {
    return std::unexpected(std::move(checked.error()));
  }
  return Transact(Transaction::Mode::kWrite, [&]() -> Result<Job> {
    Result<Job> job = LoadJob(id);
    if (!job) return std::unexpected(std::move(job.error()));
    if (Result<void> held = CheckHeldBy(*job, worker, db_); !held) {
      return std::unexpected(std::move(held.error()));
    }
    Result<void> renewed = db_.Execute("UPDATE jobs SET lease_expires_at = ?1 WHERE id = ?2",
                                       ToUnixMillis(now + lease), id);
    if (!renewed) return std::unexpected(std::move(renewed.error()));
    return LoadJob(id);
  });
}

Result<void> SqliteStore::FinishClaimedJob(JobId id, const std::string& worker, JobState state,
                                           const std::string& failure_reason, TimePoint now) {
  if (!IsFinal(state)) {
    return std::unexpected(
        InvalidInput("cannot finish " + JobName(id) + " as " + JobStateName(state), db_.Where(),
                     "finish a job as succeeded, failed or cancelled"));
  }
  return Transact(Transaction::Mode::kWrite, [&]() -> Result<void> {
    Result<Job> job = LoadJob(id);
    if (!job) return std::unexpected(std::move(job.error()));
    if (Result<void> held = CheckHeldBy(*job, worker, db_); !held) return held;
    return MarkFinished(id, state, failure_reason, now);
  });
}

Result<void> SqliteStore::ReturnToQueue(JobId id) const {
  return db_.Execute(
      "UPDATE jobs SET state = ?1, worker = '', lease_expires_at = NULL, started_at = NULL,"
      " holder_pid = NULL, holder_start_time = NULL WHERE id = ?2",
      JobStateName(JobState::kQueued), id);
}

// Nothing in the row records when a job went back to the queue, so `now` is not kept.
Result<void> SqliteStore::ReleaseJob(JobId id, const std::string& worker, TimePoint /*now*/) {
  return Transact(Transaction::Mode::kWrite, [&]() -> Result<void> {
    Result<Job> job = LoadJob(id);
    if (!job) return std::unexpected(std::move(job.error()));
    if (Result<void> held = CheckHeldBy(*job, worker, db_); !held) return held;
    Logger("store")->info("job released job={} worker={}", id, worker);
    return ReturnToQueue(id);
  });
}

Result<void> SqliteStore::WaitForJob(JobId id, const std::string& worker, JobId other,
                                     TimePoint /*now*/) {
  if (other == id) {
    return std::unexpected(
        FailedPrecondition("job " + std::to_string(id) + " cannot wait for itself", "job queue",
                           "name the job it needs first"));
  }
  return Transact(Transaction::Mode::kWrite, [&]() -> Result<void> {
    Result<Job> job = LoadJob(id);
    if (!job) return std::unexpected(std::move(job.error()));
    if (Result<void> held = CheckHeldBy(*job, worker, db_); !held) return held;
    if (Result<Job> first = LoadJob(other); !first)
      return std::unexpected(std::move(first.error()));
    if (Result<void> queued = ReturnToQueue(id); !queued) return queued;
    Logger("store")->info("job waits job={} for={} worker={}", id, other, worker);
    return db_.Execute("UPDATE jobs SET waits_for = ?1 WHERE id = ?2", other, id);
  });
}

Result<std::vector<Job>> SqliteStore::RequeueExpired(int max_attempts, TimePoint now) {
  if (max_attempts <= 0) {
    return std::unexpected(
        InvalidInput("max_attempts " + std::to_string(max_attempts) + " is not positive",
                     "job queue", "set jobs.max_attempts in the config to at least 1, e.g. 3"));
  }
  return Transact(Transaction::Mode::kWrite, [&]() -> Result<std::vector<Job>> {
    Result<std::vector<JobId>> dead = JobsOfDeadProcesses();
    if (!dead) return std::unexpected(std::move(dead.error()));
    Result<std::vector<Job>> expired =
        QueryJobs("WHERE state = ?1 AND lease_expires_at <= ?2 ORDER BY id",
                  JobStateName(JobState::kRunning), ToUnixMillis(now));
    if (!expired) return std::unexpected(std::move(expired.error()));
    for (JobId id : *dead) {
      Result<Job> job = LoadJob(id);
      if (!job) return std::unexpected(std::move(job.error()));
      expired->push_back(std::move(*job));
    }
    std::vector<Job> after;
    for (const Job& job : *expired) {
      Result<void> ended;
      if (job.cancel_requested) {
        ended = MarkFinished(job.id, JobState::kCancelled,
                             "cancel requested; worker " + job.worker + " stopped answering", now);
      } else if (job.attempts >= max_attempts) {
        ended = MarkFinished(job.id, JobState::kFailed,
                             "lease expired " + std::to_string(job.attempts) +
                                 (job.attempts == 1 ? " time" : " times") +
                                 ": the worker running it died or hung",
                             now);
      } else {
        ended = ReturnToQueue(job.id);
      }
      if (!ended) return std::unexpected(std::move(ended.error()));
      Result<Job> now_job = LoadJob(job.id);
      if (!now_job) return std::unexpected(std::move(now_job.error()));
      Logger("store")->warn("job lease lost job={} worker={} attempts={} state={}", job.id,
                            job.worker, job.attempts, JobStateName(now_job->state));
      after.push_back(std::move(*now_job));
    }
    return after;
  });
}

Result<Job> SqliteStore::RequestCancel(JobId id, TimePoint now) {
  return Transact(Transaction::Mode::kWrite, [&]() -> Result<Job> {
    Result<Job> job = LoadJob(id);
    if (!job) return std::unexpected(std::move(job.error()));
    Result<void> changed;
    switch (job->state) {
      case JobState::kQueued:
        changed = MarkFinished(id, JobState::kCancelled, "cancelled before it started", now);
        break;
      case JobState::kRunning:
        changed = db_.Execute("UPDATE jobs SET cancel_requested = 1 WHERE id = ?1", id);
        break;
      default:
        return std::unexpected(FailedPrecondition(
            "cannot cancel " + JobName(id) + ": it already " + JobStateName(job->state),
            db_.Where(), "only a queued or running job can be cancelled; retry it to run again"));
    }
    if (!changed) return std::unexpected(std::move(changed.error()));
    return LoadJob(id);
  });
}

Result<Job> SqliteStore::Retry(JobId id, TimePoint now) {
  return Transact(Transaction::Mode::kWrite, [&]() -> Result<Job> {
    Result<Job> job = LoadJob(id);
    if (!job) return std::unexpected(std::move(job.error()));
    if (!IsFinal(job->state)) {
      return std::unexpected(
          FailedPrecondition("cannot retry " + JobName(id) + ": it is " + JobStateName(job->state),
                             db_.Where(), "wait until it finishes, or cancel it first"));
    }
    return InsertJob(RequestOf(*job), now);
  });
}

}  // namespace perfgate
