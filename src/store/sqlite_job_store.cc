// SqliteStore: the jobs table (JobStore).
#include <unistd.h>

#include <string>

#include "store/columns.h"
#include "store/process_identity.h"
#include "store/sqlite_store.h"

namespace perfgate {
namespace {

// How a job started by StartJob names its holder (DESIGN.md's "worker") in the UI.
std::string LocalWorker(pid_t pid) { return "local pid " + std::to_string(pid); }

}  // namespace

Error SqliteStore::JobNotFound(JobId id) const {
  return NotFound("job " + std::to_string(id) + " not found", db_.Where(),
                  "list the jobs with `perfgate jobs`");
}

Result<Job> SqliteStore::LoadJob(JobId id) const {
  Result<std::vector<Job>> jobs = QueryJobs("WHERE id = ?1", id);
  if (!jobs) return std::unexpected(std::move(jobs.error()));
  if (jobs->empty()) return std::unexpected(JobNotFound(id));
  return std::move(jobs->front());
}

Result<Job> SqliteStore::InsertJob(const JobRequest& request, TimePoint now) const {
  Result<void> inserted = db_.Execute(
      "INSERT INTO jobs (kind, state, commit_sha, ref, scenarios, base_commit, pull_request,"
      " requested_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
      JobKindName(request.kind), JobStateName(JobState::kQueued), request.commit, request.ref,
      EncodeStringList(ScenarioSet(request.scenarios)), request.base_commit,
      request.pull_request ? std::optional<int64_t>(*request.pull_request) : std::nullopt,
      request.requested_by, ToUnixMillis(now));
  if (!inserted) return std::unexpected(std::move(inserted.error()));
  return LoadJob(db_.LastInsertId());
}

Result<void> SqliteStore::MarkFinished(JobId id, JobState state, const std::string& failure_reason,
                                       TimePoint now) const {
  Result<void> marked = db_.Execute(
      "UPDATE jobs SET state = ?1, failure_reason = ?2, finished_at = ?3,"
      " lease_expires_at = NULL WHERE id = ?4",
      JobStateName(state), state == JobState::kSucceeded ? std::string() : failure_reason,
      ToUnixMillis(now), id);
  if (!marked || state != JobState::kSucceeded) return marked;
  return RecordHistoryPoints(id);
}

Result<Job> SqliteStore::CreateJob(const JobRequest& request, TimePoint now) {
  if (Result<void> checked = CheckJobRequest(request); !checked) {
    return std::unexpected(std::move(checked.error()));
  }
  return Transact(Transaction::Mode::kWrite, [&] { return InsertJob(request, now); });
}

Result<Job> SqliteStore::GetJob(JobId id) {
  std::lock_guard lock(mutex_);
  return LoadJob(id);
}

Result<std::vector<Job>> SqliteStore::ListJobs(const JobFilter& filter) {
  if (filter.limit <= 0) {
    return std::unexpected(
        InvalidInput("job list limit " + std::to_string(filter.limit) + " is not positive",
                     "job filter", "ask for at least 1 job"));
  }
  std::lock_guard lock(mutex_);
  // A NULL filter matches every row; the empty commit prefix too.
  return QueryJobs(
      "WHERE (?1 IS NULL OR state = ?1) AND (?2 IS NULL OR kind = ?2)"
      "  AND substr(commit_sha, 1, length(?3)) = ?3 AND (?5 IS NULL OR id < ?5)"
      "  AND (?6 = '' OR ref = ?6)"
      "  AND (?7 = 0 OR state IN ('succeeded', 'failed', 'cancelled'))" +
          std::string(filter.oldest_first ? " ORDER BY id ASC" : " ORDER BY id DESC") + " LIMIT ?4",
      filter.state ? std::optional<std::string_view>(JobStateName(*filter.state)) : std::nullopt,
      filter.kind ? std::optional<std::string_view>(JobKindName(*filter.kind)) : std::nullopt,
      filter.commit, int64_t{filter.limit}, filter.before, filter.ref, int64_t{filter.finished});
}

Result<void> SqliteStore::StartJob(JobId id, TimePoint now) {
  pid_t self = getpid();
  int64_t self_start_time = static_cast<int64_t>(ProcessStartTime(self));
  return Transact(Transaction::Mode::kWrite, [&]() -> Result<void> {
    Result<Job> job = LoadJob(id);
    if (!job) return std::unexpected(std::move(job.error()));
    if (job->state != JobState::kQueued) {
      return std::unexpected(FailedPrecondition(
          "job " + std::to_string(id) + " is " + JobStateName(job->state) + ", not queued",
          db_.Where(), "only a queued job can start; enqueue the commit again to re-run it"));
    }
    return db_.Execute(
        "UPDATE jobs SET state = ?1, attempts = attempts + 1, started_at = ?2, worker = ?3,"
        " lease_expires_at = NULL, cancel_requested = 0, holder_pid = ?4,"
        " holder_start_time = ?5 WHERE id = ?6",
        JobStateName(JobState::kRunning), ToUnixMillis(now), LocalWorker(self), int64_t{self},
        self_start_time, id);
  });
}

Result<void> SqliteStore::FinishJob(JobId id, JobState state, const std::string& failure_reason,
                                    TimePoint now) {
  if (!IsFinal(state)) {
    return std::unexpected(
        InvalidInput("cannot finish job " + std::to_string(id) + " as " + JobStateName(state),
                     db_.Where(), "finish a job as succeeded, failed or cancelled"));
  }
  return Transact(Transaction::Mode::kWrite, [&]() -> Result<void> {
    Result<Job> job = LoadJob(id);
    if (!job) return std::unexpected(std::move(job.error()));
    bool cancels_queued = job->state == JobState::kQueued && state == JobState::kCancelled;
    if (job->state != JobState::kRunning && !cancels_queued) {
      return std::unexpected(FailedPrecondition(
          "cannot finish job " + std::to_string(id) + " as " + JobStateName(state) + ": it is " +
              JobStateName(job->state),
          db_.Where(), "only a running job can finish; a queued job can only be cancelled"));
    }
    return MarkFinished(id, state, failure_reason, now);
  });
}

Result<std::optional<Job>> SqliteStore::FindBaselineJob(const std::string& commit,
                                                        const std::string& scenario) {
  std::lock_guard lock(mutex_);
  Result<std::vector<Job>> jobs = QueryJobs(
      "WHERE kind = ?1 AND state = ?2 AND commit_sha = ?3"
      "  AND EXISTS (SELECT 1 FROM runs"
      "              WHERE runs.job_id = jobs.id AND runs.scenario = ?4"
      "                AND runs.state = ?5)"
      " ORDER BY finished_at DESC, id DESC LIMIT 1",
      JobKindName(JobKind::kBaseline), JobStateName(JobState::kSucceeded), commit, scenario,
      RunStateName(RunState::kSucceeded));
  if (!jobs) return std::unexpected(std::move(jobs.error()));
  if (jobs->empty()) return std::nullopt;
  return std::move(jobs->front());
}

Result<std::vector<JobId>> SqliteStore::JobsOfDeadProcesses() const {
  Result<Statement> query = db_.Query(
      "SELECT id, holder_pid, holder_start_time FROM jobs"
      " WHERE state = ?1 AND lease_expires_at IS NULL",
      JobStateName(JobState::kRunning));
  if (!query) return std::unexpected(std::move(query.error()));
  Result<std::vector<std::pair<JobId, bool>>> holders =
      ReadRows<std::pair<JobId, bool>>(*query, [](const Statement& row) {
        // A job running without a holder was started before holders were recorded
        // (schema version 1): nothing vouches for it, so it counts as dead.
        bool alive = !row.IsNull(1) && IsSameProcess(static_cast<pid_t>(row.Int(1)),
                                                     static_cast<uint64_t>(row.Int(2)));
        return std::pair<JobId, bool>(row.Int(0), alive);
      });
  if (!holders) return std::unexpected(std::move(holders.error()));
  std::vector<JobId> dead;
  for (const auto& [id, alive] : *holders) {
    if (!alive) dead.push_back(id);
  }
  return dead;
}

}  // namespace perfgate
