// SqliteStore: the phases table (PhaseLog).
#include <string>

#include "store/columns.h"
#include "store/sqlite_store.h"

namespace perfgate {

Result<int64_t> SqliteStore::StartPhase(JobId job, const std::string& scenario,
                                        const std::string& phase, int repetition, TimePoint now) {
  if (phase.empty()) {
    return std::unexpected(InvalidInput("a phase needs a name",
                                        "phase log of job " + std::to_string(job),
                                        "name it with PhaseName(), e.g. \"build\""));
  }
  return Transact(Transaction::Mode::kWrite, [&]() -> Result<int64_t> {
    if (Result<Job> owner = LoadJob(job); !owner) {
      return std::unexpected(std::move(owner.error()));
    }
    Result<void> inserted = db_.Execute(
        "INSERT INTO phases (job_id, scenario, phase, repetition, started_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5)",
        job, scenario, phase, int64_t{repetition}, ToUnixMillis(now));
    if (!inserted) return std::unexpected(std::move(inserted.error()));
    return db_.LastInsertId();
  });
}

Result<void> SqliteStore::FinishPhase(int64_t phase_id, const std::string& error, TimePoint now) {
  return Transact(Transaction::Mode::kWrite, [&]() -> Result<void> {
    Result<Statement> query =
        db_.Query("SELECT finished_at IS NOT NULL FROM phases WHERE id = ?1", phase_id);
    if (!query) return std::unexpected(std::move(query.error()));
    Result<bool> found = query->Step();
    if (!found) return std::unexpected(std::move(found.error()));
    std::string name = "phase " + std::to_string(phase_id);
    if (!*found) {
      return std::unexpected(NotFound(name + " not found", db_.Where(),
                                      "finish a phase with the id StartPhase returned"));
    }
    if (query->Int(0) != 0) {
      return std::unexpected(
          FailedPrecondition(name + " already finished", db_.Where(), "finish each phase once"));
    }
    return db_.Execute("UPDATE phases SET finished_at = ?1, error = ?2 WHERE id = ?3",
                       ToUnixMillis(now), error, phase_id);
  });
}

Result<std::vector<PhaseRecord>> SqliteStore::ListPhases(JobId job) {
  return Transact(Transaction::Mode::kRead, [&]() -> Result<std::vector<PhaseRecord>> {
    if (Result<Job> owner = LoadJob(job); !owner) {
      return std::unexpected(std::move(owner.error()));
    }
    Result<Statement> query = db_.Query(
        "SELECT id, job_id, scenario, phase, repetition, started_at, finished_at, error"
        " FROM phases WHERE job_id = ?1 ORDER BY id",
        job);
    if (!query) return std::unexpected(std::move(query.error()));
    return ReadRows<PhaseRecord>(*query, [](const Statement& row) {
      PhaseRecord record{.id = row.Int(0),
                         .job_id = row.Int(1),
                         .scenario = row.Text(2),
                         .phase = row.Text(3),
                         .repetition = static_cast<int>(row.Int(4)),
                         .started_at = FromUnixMillis(row.Int(5)),
                         .finished_at = std::nullopt,
                         .error = row.Text(7)};
      if (!row.IsNull(6)) record.finished_at = FromUnixMillis(row.Int(6));
      return record;
    });
  });
}

}  // namespace perfgate
