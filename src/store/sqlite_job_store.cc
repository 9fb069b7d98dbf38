// SqliteStore: the jobs table (JobStore).
#include <string>

#include "store/columns.h"
#include "store/sqlite_store.h"

namespace perfgate {
namespace {

constexpr const char* kJobColumns =
    "id, kind, state, commit_sha, ref, scenarios, base_commit, attempts, failure_reason, "
    "created_at, started_at, finished_at";

std::optional<TimePoint> OptionalTime(const Statement& row, int column) {
  if (row.IsNull(column)) return std::nullopt;
  return FromUnixMillis(row.Int(column));
}

Error BadColumn(const std::string& what) {
  return Internal(what, {}, "the database was edited by hand or is damaged; restore a backup");
}

// The job in the current row of a statement that selected kJobColumns.
Result<Job> ReadJob(const Statement& row) {
  Job job;
  job.id = row.Int(0);
  std::optional<JobKind> kind = ParseJobKind(row.Text(1));
  std::optional<JobState> state = ParseJobState(row.Text(2));
  if (!kind || !state) {
    return std::unexpected(BadColumn("job " + std::to_string(job.id) + " has kind `" + row.Text(1) +
                                     "` and state `" + row.Text(2) +
                                     "`, which perfgate does not know"));
  }
  job.kind = *kind;
  job.state = *state;
  job.commit = row.Text(3);
  job.ref = row.Text(4);
  Result<std::vector<std::string>> scenarios = DecodeStringList(row.Text(5), "jobs.scenarios");
  if (!scenarios) return std::unexpected(std::move(scenarios.error()));
  job.scenarios = std::move(*scenarios);
  job.base_commit = row.Text(6);
  job.attempts = static_cast<int>(row.Int(7));
  job.failure_reason = row.Text(8);
  job.created_at = FromUnixMillis(row.Int(9));
  job.started_at = OptionalTime(row, 10);
  job.finished_at = OptionalTime(row, 11);
  return job;
}

// Every job a prepared and bound statement that selected kJobColumns returns.
Result<std::vector<Job>> ReadJobs(Statement& statement, const SqliteDb& db) {
  return ReadRows<Job>(statement, [&](const Statement& row) -> Result<Job> {
    Result<Job> job = ReadJob(row);
    if (!job) return std::unexpected(std::move(job.error()).In(db.Where()));
    return job;
  });
}

bool IsFinal(JobState state) {
  return state == JobState::kSucceeded || state == JobState::kFailed ||
         state == JobState::kCancelled;
}

}  // namespace

Error SqliteStore::JobNotFound(JobId id) const {
  return NotFound("job " + std::to_string(id) + " not found", db_.Where(),
                  "list the jobs with `perfgate jobs`");
}

Result<Job> SqliteStore::LoadJob(JobId id) const {
  Result<Statement> query =
      db_.Query(std::string("SELECT ") + kJobColumns + " FROM jobs WHERE id = ?1", id);
  if (!query) return std::unexpected(std::move(query.error()));
  Result<std::vector<Job>> jobs = ReadJobs(*query, db_);
  if (!jobs) return std::unexpected(std::move(jobs.error()));
  if (jobs->empty()) return std::unexpected(JobNotFound(id));
  return std::move(jobs->front());
}

Result<Job> SqliteStore::CreateJob(const JobRequest& request, TimePoint now) {
  if (request.commit.empty()) {
    return std::unexpected(InvalidInput("a job needs a commit", "job request",
                                        "resolve the ref to a full commit SHA first"));
  }
  return Transact(Transaction::Mode::kWrite, [&]() -> Result<Job> {
    Result<void> inserted = db_.Execute(
        "INSERT INTO jobs (kind, state, commit_sha, ref, scenarios, base_commit, created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        JobKindName(request.kind), JobStateName(JobState::kQueued), request.commit, request.ref,
        EncodeStringList(request.scenarios), request.base_commit, ToUnixMillis(now));
    if (!inserted) return std::unexpected(std::move(inserted.error()));
    return LoadJob(db_.LastInsertId());
  });
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
  Result<Statement> query = db_.Query(
      std::string("SELECT ") + kJobColumns +
          " FROM jobs"
          " WHERE (?1 IS NULL OR state = ?1) AND (?2 IS NULL OR kind = ?2)"
          "   AND substr(commit_sha, 1, length(?3)) = ?3"
          " ORDER BY id DESC LIMIT ?4",
      filter.state ? std::optional<std::string_view>(JobStateName(*filter.state)) : std::nullopt,
      filter.kind ? std::optional<std::string_view>(JobKindName(*filter.kind)) : std::nullopt,
      filter.commit, int64_t{filter.limit});
  if (!query) return std::unexpected(std::move(query.error()));
  return ReadJobs(*query, db_);
}

Result<void> SqliteStore::StartJob(JobId id, TimePoint now) {
  return Transact(Transaction::Mode::kWrite, [&]() -> Result<void> {
    Result<Job> job = LoadJob(id);
    if (!job) return std::unexpected(std::move(job.error()));
    if (job->state != JobState::kQueued) {
      return std::unexpected(FailedPrecondition(
          "job " + std::to_string(id) + " is " + JobStateName(job->state) + ", not queued",
          db_.Where(), "only a queued job can start; enqueue the commit again to re-run it"));
    }
    return db_.Execute(
        "UPDATE jobs SET state = ?1, attempts = attempts + 1, started_at = ?2 WHERE id = ?3",
        JobStateName(JobState::kRunning), ToUnixMillis(now), id);
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
    return db_.Execute(
        "UPDATE jobs SET state = ?1, failure_reason = ?2, finished_at = ?3 WHERE id = ?4",
        JobStateName(state), state == JobState::kSucceeded ? std::string() : failure_reason,
        ToUnixMillis(now), id);
  });
}

Result<std::optional<Job>> SqliteStore::FindBaselineJob(const std::string& commit,
                                                        const std::string& scenario) {
  std::lock_guard lock(mutex_);
  Result<Statement> query =
      db_.Query(std::string("SELECT ") + kJobColumns +
                    " FROM jobs"
                    " WHERE kind = ?1 AND state = ?2 AND commit_sha = ?3"
                    "   AND EXISTS (SELECT 1 FROM runs"
                    "               WHERE runs.job_id = jobs.id AND runs.scenario = ?4"
                    "                 AND runs.state = ?5)"
                    " ORDER BY finished_at DESC, id DESC LIMIT 1",
                JobKindName(JobKind::kBaseline), JobStateName(JobState::kSucceeded), commit,
                scenario, RunStateName(RunState::kSucceeded));
  if (!query) return std::unexpected(std::move(query.error()));
  Result<std::vector<Job>> jobs = ReadJobs(*query, db_);
  if (!jobs) return std::unexpected(std::move(jobs.error()));
  if (jobs->empty()) return std::nullopt;
  return std::move(jobs->front());
}

}  // namespace perfgate
