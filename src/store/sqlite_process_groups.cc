// SqliteStore: the process_groups table (ProcessGroupLedger).
#include <algorithm>
#include <string>

#include "store/columns.h"
#include "store/sqlite_store.h"

namespace perfgate {

Result<void> SqliteStore::RecordProcessGroup(const ProcessGroupRecord& record) {
  if (record.pgid <= 0 || record.start_time == 0) {
    return std::unexpected(
        InvalidInput("process group " + std::to_string(record.pgid) + " with start time " +
                         std::to_string(record.start_time) + " names no process",
                     "process groups of job " + std::to_string(record.job_id),
                     "record a started group with its ProcessStartTime() while it runs"));
  }
  return Transact(Transaction::Mode::kWrite, [&]() -> Result<void> {
    if (Result<Job> owner = LoadJob(record.job_id); !owner) {
      return std::unexpected(std::move(owner.error()));
    }
    // Recording the same group again (same pgid and start time) updates it in place.
    return db_.Execute(
        "INSERT INTO process_groups (job_id, pgid, start_time, worker, description)"
        " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (pgid, start_time) DO UPDATE SET"
        " job_id = excluded.job_id, worker = excluded.worker,"
        " description = excluded.description",
        record.job_id, int64_t{record.pgid}, static_cast<int64_t>(record.start_time), record.worker,
        record.description);
  });
}

Result<void> SqliteStore::ForgetProcessGroup(pid_t pgid, uint64_t start_time) {
  return Transact(Transaction::Mode::kWrite, [&] {
    return db_.Execute("DELETE FROM process_groups WHERE pgid = ?1 AND start_time = ?2",
                       int64_t{pgid}, static_cast<int64_t>(start_time));
  });
}

Result<std::vector<ProcessGroupRecord>> SqliteStore::OrphanedProcessGroups(TimePoint now) {
  return Transact(Transaction::Mode::kRead, [&]() -> Result<std::vector<ProcessGroupRecord>> {
    Result<std::vector<JobId>> dead = JobsOfDeadProcesses();
    if (!dead) return std::unexpected(std::move(dead.error()));
    // Column 5 tells whether the job no longer holds a live lease; a job with no lease at
    // all is held by a local process, alive unless listed in `dead`.
    Result<Statement> query = db_.Query(
        "SELECT g.job_id, g.pgid, g.start_time, g.worker, g.description,"
        "       j.state != ?1 OR COALESCE(j.lease_expires_at <= ?2, 0)"
        " FROM process_groups g JOIN jobs j ON j.id = g.job_id"
        " ORDER BY g.job_id, g.rowid",
        JobStateName(JobState::kRunning), ToUnixMillis(now));
    if (!query) return std::unexpected(std::move(query.error()));
    std::vector<ProcessGroupRecord> orphans;
    while (true) {
      Result<bool> row = query->Step();
      if (!row) return std::unexpected(std::move(row.error()));
      if (!*row) return orphans;
      JobId job = query->Int(0);
      if (query->Int(5) == 0 && std::ranges::find(*dead, job) == dead->end()) continue;
      orphans.push_back(ProcessGroupRecord{.job_id = job,
                                           .pgid = static_cast<pid_t>(query->Int(1)),
                                           .start_time = static_cast<uint64_t>(query->Int(2)),
                                           .worker = query->Text(3),
                                           .description = query->Text(4)});
    }
  });
}

}  // namespace perfgate
