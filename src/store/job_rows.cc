#include "store/job_rows.h"

#include <algorithm>
#include <optional>

#include "store/columns.h"

namespace perfgate {
namespace {

constexpr const char* kJobColumns =
    "id, kind, state, commit_sha, ref, scenarios, base_commit, attempts, failure_reason, "
    "created_at, started_at, finished_at, pull_request, requested_by, worker, lease_expires_at, "
    "cancel_requested, waits_for";

std::optional<TimePoint> OptionalTime(const Statement& row, int column) {
  if (row.IsNull(column)) return std::nullopt;
  return FromUnixMillis(row.Int(column));
}

Error BadColumn(const std::string& what, const SqliteDb& db) {
  return Internal(what, db.Where(),
                  "the database was edited by hand or is damaged; restore a backup");
}

// The job in the current row of a statement that selected kJobColumns.
Result<Job> ReadJob(const Statement& row, const SqliteDb& db) {
  Job job;
  job.id = row.Int(0);
  std::optional<JobKind> kind = ParseJobKind(row.Text(1));
  std::optional<JobState> state = ParseJobState(row.Text(2));
  if (!kind || !state) {
    return std::unexpected(BadColumn("job " + std::to_string(job.id) + " has kind `" + row.Text(1) +
                                         "` and state `" + row.Text(2) +
                                         "`, which perfgate does not know",
                                     db));
  }
  job.kind = *kind;
  job.state = *state;
  job.commit = row.Text(3);
  job.ref = row.Text(4);
  Result<std::vector<std::string>> scenarios = DecodeStringList(row.Text(5), "jobs.scenarios");
  if (!scenarios) return std::unexpected(std::move(scenarios.error()).In(db.Where()));
  job.scenarios = std::move(*scenarios);
  job.base_commit = row.Text(6);
  job.attempts = static_cast<int>(row.Int(7));
  job.failure_reason = row.Text(8);
  job.created_at = FromUnixMillis(row.Int(9));
  job.started_at = OptionalTime(row, 10);
  job.finished_at = OptionalTime(row, 11);
  if (!row.IsNull(12)) job.pull_request = static_cast<int>(row.Int(12));
  job.requested_by = row.Text(13);
  job.worker = row.Text(14);
  job.lease_expires_at = OptionalTime(row, 15);
  job.cancel_requested = row.Int(16) != 0;
  if (!row.IsNull(17)) job.waits_for = row.Int(17);
  return job;
}

}  // namespace

std::string SelectJobsSql(std::string_view rest) {
  return std::string("SELECT ") + kJobColumns + " FROM jobs " + std::string(rest);
}

Result<std::vector<Job>> ReadJobs(Statement& statement, const SqliteDb& db) {
  return ReadRows<Job>(statement, [&](const Statement& row) { return ReadJob(row, db); });
}

bool IsFinal(JobState state) {
  return state == JobState::kSucceeded || state == JobState::kFailed ||
         state == JobState::kCancelled;
}

std::vector<std::string> ScenarioSet(std::vector<std::string> scenarios) {
  std::ranges::sort(scenarios);
  auto repeats = std::ranges::unique(scenarios);
  scenarios.erase(repeats.begin(), repeats.end());
  return scenarios;
}

Result<void> CheckJobRequest(const JobRequest& request) {
  if (request.commit.empty()) {
    return std::unexpected(InvalidInput("a job needs a commit", "job request",
                                        "resolve the ref to a full commit SHA first"));
  }
  return {};
}

}  // namespace perfgate
