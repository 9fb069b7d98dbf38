// SqliteStore: the runs and samples tables (ResultStore).
#include <string>

#include "store/columns.h"
#include "store/sqlite_store.h"

namespace perfgate {
namespace {

constexpr const char* kRunColumns =
    "id, job_id, scenario, commit_sha, state, failure_reason, started_at, finished_at, side";

// A column of run `id` whose text perfgate cannot read.
Error UnknownRunValue(RunId id, const std::string& column, const std::string& value,
                      const SqliteDb& db) {
  return Internal("run " + std::to_string(id) + " has " + column + " `" + value +
                      "`, which perfgate does not know",
                  db.Where(), "the database was edited by hand or is damaged; restore a backup");
}

// The run in the current row of a statement that selected kRunColumns.
Result<Run> ReadRun(const Statement& row, const SqliteDb& db) {
  Run run;
  run.id = row.Int(0);
  run.job_id = row.Int(1);
  run.scenario = row.Text(2);
  run.commit = row.Text(3);
  std::optional<RunState> state = ParseRunState(row.Text(4));
  if (!state) return std::unexpected(UnknownRunValue(run.id, "state", row.Text(4), db));
  run.state = *state;
  run.failure_reason = row.Text(5);
  run.started_at = FromUnixMillis(row.Int(6));
  if (!row.IsNull(7)) run.finished_at = FromUnixMillis(row.Int(7));
  std::optional<RunSide> side = ParseRunSide(row.Text(8));
  if (!side) return std::unexpected(UnknownRunValue(run.id, "side", row.Text(8), db));
  run.side = *side;
  return run;
}

Result<std::vector<Run>> ReadRuns(Statement& statement, const SqliteDb& db) {
  return ReadRows<Run>(statement, [&](const Statement& row) { return ReadRun(row, db); });
}

}  // namespace

Result<Run> SqliteStore::LoadRun(RunId id) const {
  Result<Statement> query =
      db_.Query(std::string("SELECT ") + kRunColumns + " FROM runs WHERE id = ?1", id);
  if (!query) return std::unexpected(std::move(query.error()));
  Result<std::vector<Run>> runs = ReadRuns(*query, db_);
  if (!runs) return std::unexpected(std::move(runs.error()));
  if (runs->empty()) {
    return std::unexpected(NotFound("run " + std::to_string(id) + " not found", db_.Where(),
                                    "list the runs of a job with `perfgate jobs`"));
  }
  return std::move(runs->front());
}

Result<Run> SqliteStore::CreateRun(JobId job, const std::string& scenario,
                                   const std::string& commit, RunSide side, TimePoint now) {
  if (scenario.empty() || commit.empty()) {
    return std::unexpected(InvalidInput("a run needs a scenario and a commit",
                                        "run of job " + std::to_string(job),
                                        "name the scenario and the full commit SHA measured"));
  }
  return Transact(Transaction::Mode::kWrite, [&]() -> Result<Run> {
    if (Result<Job> owner = LoadJob(job); !owner) {
      return std::unexpected(std::move(owner.error()));
    }
    Result<void> inserted = db_.Execute(
        "INSERT INTO runs (job_id, scenario, commit_sha, state, started_at, side) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        job, scenario, commit, RunStateName(RunState::kRunning), ToUnixMillis(now),
        RunSideName(side));
    if (!inserted) return std::unexpected(std::move(inserted.error()));
    return LoadRun(db_.LastInsertId());
  });
}

Result<void> SqliteStore::FinishRun(RunId id, RunState state, const std::string& failure_reason,
                                    TimePoint now) {
  if (state == RunState::kRunning) {
    return std::unexpected(InvalidInput("cannot finish run " + std::to_string(id) + " as running",
                                        db_.Where(), "finish a run as succeeded or failed"));
  }
  return Transact(Transaction::Mode::kWrite, [&]() -> Result<void> {
    Result<Run> run = LoadRun(id);
    if (!run) return std::unexpected(std::move(run.error()));
    if (run->state != RunState::kRunning) {
      return std::unexpected(FailedPrecondition(
          "run " + std::to_string(id) + " is " + RunStateName(run->state) + ", not running",
          db_.Where(), "a run finishes once; start a new run to measure again"));
    }
    return db_.Execute(
        "UPDATE runs SET state = ?1, failure_reason = ?2, finished_at = ?3 WHERE id = ?4",
        RunStateName(state), state == RunState::kSucceeded ? std::string() : failure_reason,
        ToUnixMillis(now), id);
  });
}

Result<void> SqliteStore::AddSamples(RunId id, const std::vector<Sample>& samples) {
  return Transact(Transaction::Mode::kWrite, [&]() -> Result<void> {
    Result<Run> run = LoadRun(id);
    if (!run) return std::unexpected(std::move(run.error()));
    // One statement for every row: preparing is the costly part of an insert.
    Result<Statement> insert = db_.Query(
        "INSERT INTO samples (run_id, job_id, commit_sha, scenario, metric, series, repetition,"
        " value, window_start, window_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        run->id, run->job_id, run->commit);
    if (!insert) return std::unexpected(std::move(insert.error()));
    for (const Sample& sample : samples) {
      insert->Reset();
      insert->Bind(4, sample.scenario)
          .Bind(5, sample.metric)
          .Bind(6, sample.series)
          .Bind(7, int64_t{sample.repetition})
          .Bind(8, sample.value)
          .Bind(9, ToUnixMillis(sample.window_start))
          .Bind(10, ToUnixMillis(sample.window_end));
      if (Result<void> inserted = insert->Run(); !inserted) return inserted;
    }
    return {};
  });
}

Result<Run> SqliteStore::GetRun(RunId run) {
  return Transact(Transaction::Mode::kRead, [&] { return LoadRun(run); });
}

Result<std::vector<Run>> SqliteStore::ListRuns(JobId job) {
  return Transact(Transaction::Mode::kRead, [&]() -> Result<std::vector<Run>> {
    if (Result<Job> owner = LoadJob(job); !owner) {
      return std::unexpected(std::move(owner.error()));
    }
    Result<Statement> query = db_.Query(
        std::string("SELECT ") + kRunColumns + " FROM runs WHERE job_id = ?1 ORDER BY id", job);
    if (!query) return std::unexpected(std::move(query.error()));
    return ReadRuns(*query, db_);
  });
}

Result<std::vector<Sample>> SqliteStore::LoadSamples(JobId job, RunSide side) {
  return Transact(Transaction::Mode::kRead, [&]() -> Result<std::vector<Sample>> {
    if (Result<Job> owner = LoadJob(job); !owner) {
      return std::unexpected(std::move(owner.error()));
    }
    Result<Statement> query = db_.Query(
        "SELECT s.scenario, s.metric, s.series, s.repetition, s.value, s.window_start,"
        "       s.window_end"
        " FROM samples s JOIN runs r ON r.id = s.run_id"
        " WHERE r.job_id = ?1 AND r.state = ?2 AND (r.side = ?3) = ?4"
        " ORDER BY s.scenario, s.metric, s.series, s.repetition, s.id",
        job, RunStateName(RunState::kSucceeded), RunSideName(RunSide::kBase),
        int64_t{side == RunSide::kBase});
    if (!query) return std::unexpected(std::move(query.error()));
    return ReadRows<Sample>(*query, [](const Statement& row) {
      return Sample{
          .scenario = row.Text(0),
          .metric = row.Text(1),
          .series = row.Text(2),
          .repetition = static_cast<int>(row.Int(3)),
          .value = row.OptionalReal(4),
          .window_start = FromUnixMillis(row.Int(5)),
          .window_end = FromUnixMillis(row.Int(6)),
      };
    });
  });
}

Result<std::vector<HistoryPoint>> SqliteStore::History(const std::string& scenario,
                                                       const std::string& metric,
                                                       const std::string& series) {
  std::lock_guard lock(mutex_);
  Result<Statement> query = db_.Query(
      "SELECT job_id, commit_sha, finished_at, series, median, sample_count FROM history_points"
      " WHERE scenario = ?1 AND metric = ?2 AND (?3 = '' OR series = ?3)"
      " ORDER BY finished_at, job_id, series",
      scenario, metric, series);
  if (!query) return std::unexpected(std::move(query.error()));
  return ReadRows<HistoryPoint>(*query, [](const Statement& row) {
    return HistoryPoint{.job_id = row.Int(0),
                        .commit = row.Text(1),
                        .finished_at = FromUnixMillis(row.Int(2)),
                        .series = row.Text(3),
                        .median = row.Real(4),
                        .sample_count = static_cast<int>(row.Int(5))};
  });
}

Result<void> SqliteStore::RecordHistoryPoints(JobId id) const {
  // As schema version 10 fills history_points, for one job: SQLite has no median aggregate,
  // so the one or two middle values are found by rank.
  return db_.Execute(
      "INSERT INTO history_points"
      " SELECT job_id, commit_sha, finished_at, scenario, metric, series, AVG(value), MAX(n)"
      " FROM (SELECT j.id AS job_id, j.commit_sha, j.finished_at, s.scenario, s.metric,"
      "              s.series, s.value,"
      "              ROW_NUMBER() OVER (PARTITION BY s.scenario, s.metric, s.series"
      "                                 ORDER BY s.value) AS k,"
      "              COUNT(*) OVER (PARTITION BY s.scenario, s.metric, s.series) AS n"
      "       FROM jobs j JOIN runs r ON r.job_id = j.id JOIN samples s ON s.run_id = r.id"
      "       WHERE j.id = ?1 AND j.kind = ?2 AND j.state = ?3 AND r.state = ?4"
      "         AND s.value IS NOT NULL)"
      " WHERE k IN ((n + 1) / 2, (n + 2) / 2)"
      " GROUP BY scenario, metric, series",
      id, JobKindName(JobKind::kBaseline), JobStateName(JobState::kSucceeded),
      RunStateName(RunState::kSucceeded));
}

}  // namespace perfgate
