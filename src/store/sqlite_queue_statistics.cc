// SqliteStore: what the queue's metrics report (JobQueue::Statistics).
#include <initializer_list>
#include <map>
#include <string>
#include <utility>

#include "store/sqlite_store.h"

namespace perfgate {
namespace {

using NamedNumber = std::pair<std::string, int64_t>;

// The (text, integer) rows of `sql`, a query of two such columns.
Result<std::vector<NamedNumber>> NamedNumbers(const SqliteDb& db, std::string_view sql) {
  Result<Statement> query = db.Prepare(sql);
  if (!query) return std::unexpected(std::move(query.error()));
  return ReadRows<NamedNumber>(
      *query, [](const Statement& row) { return NamedNumber(row.Text(0), row.Int(1)); });
}

// Adds the per-state counts of `sql` ("SELECT state, COUNT(*) ... GROUP BY state") to
// `counts`, which starts with every state at zero so that an empty state still reports.
template <typename State, typename Parse>
Result<void> CountByState(const SqliteDb& db, std::string_view sql,
                          std::initializer_list<State> states, Parse parse,
                          std::map<State, int64_t>& counts) {
  for (State state : states) counts[state] = 0;
  Result<std::vector<NamedNumber>> rows = NamedNumbers(db, sql);
  if (!rows) return std::unexpected(std::move(rows.error()));
  for (const auto& [name, number] : *rows) {
    if (std::optional<State> state = parse(name)) counts[*state] += number;
  }
  return {};
}

}  // namespace

Result<QueueStatistics> SqliteStore::Statistics() {
  return Transact(Transaction::Mode::kRead, [&]() -> Result<QueueStatistics> {
    QueueStatistics statistics;
    if (Result<void> jobs =
            CountByState(db_, "SELECT state, COUNT(*) FROM jobs GROUP BY state",
                         {JobState::kQueued, JobState::kRunning, JobState::kSucceeded,
                          JobState::kFailed, JobState::kCancelled},
                         ParseJobState, statistics.jobs_by_state);
        !jobs) {
      return std::unexpected(std::move(jobs.error()));
    }
    if (Result<void> runs =
            CountByState(db_, "SELECT state, COUNT(*) FROM runs GROUP BY state",
                         {RunState::kRunning, RunState::kSucceeded, RunState::kFailed},
                         ParseRunState, statistics.runs_by_state);
        !runs) {
      return std::unexpected(std::move(runs.error()));
    }
    // Only final states have a finished_at.
    Result<std::vector<NamedNumber>> durations =
        NamedNumbers(db_,
                     "SELECT state, finished_at - started_at FROM jobs"
                     " WHERE started_at IS NOT NULL AND finished_at IS NOT NULL ORDER BY id");
    if (!durations) return std::unexpected(std::move(durations.error()));
    for (const auto& [name, millis] : *durations) {
      if (std::optional<JobState> state = ParseJobState(name)) {
        statistics.finished_job_seconds.emplace_back(*state, static_cast<double>(millis) / 1000);
      }
    }
    return statistics;
  });
}

}  // namespace perfgate
