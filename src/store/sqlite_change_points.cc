// SqliteStore: the change_points table (ChangePointStore).
#include <cmath>
#include <limits>
#include <string>

#include "store/columns.h"
#include "store/sqlite_store.h"

namespace perfgate {

Result<bool> SqliteStore::RecordChangePoint(const ChangePointRecord& change_point) {
  return Transact(Transaction::Mode::kWrite, [&]() -> Result<bool> {
    if (Result<Job> job = LoadJob(change_point.job_id); !job) {
      return std::unexpected(std::move(job.error()));
    }
    Result<void> inserted = db_.Execute(
        "INSERT OR IGNORE INTO change_points (scenario, metric, series, job_id, commit_sha,"
        " mean_before, mean_after, change, p_value, detected_by, detected_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        change_point.scenario, change_point.metric, change_point.series, change_point.job_id,
        change_point.commit, change_point.mean_before, change_point.mean_after, change_point.change,
        change_point.p_value, change_point.detected_by, ToUnixMillis(change_point.detected_at));
    if (!inserted) return std::unexpected(std::move(inserted.error()));
    return db_.Changes() > 0;
  });
}

Result<std::vector<ChangePointRecord>> SqliteStore::ListChangePoints(const std::string& scenario,
                                                                     const std::string& metric,
                                                                     const std::string& series) {
  return Transact(Transaction::Mode::kRead, [&]() -> Result<std::vector<ChangePointRecord>> {
    Result<Statement> query = db_.Query(
        "SELECT scenario, metric, series, job_id, commit_sha, mean_before, mean_after, change,"
        " p_value, detected_by, detected_at FROM change_points"
        " WHERE scenario = ?1 AND metric = ?2 AND (?3 = '' OR series = ?3)"
        " ORDER BY job_id, series",
        scenario, metric, series);
    if (!query) return std::unexpected(std::move(query.error()));
    return ReadRows<ChangePointRecord>(*query, [](const Statement& row) {
      constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
      return ChangePointRecord{.scenario = row.Text(0),
                               .metric = row.Text(1),
                               .series = row.Text(2),
                               .job_id = row.Int(3),
                               .commit = row.Text(4),
                               .mean_before = row.OptionalReal(5).value_or(kNaN),
                               .mean_after = row.OptionalReal(6).value_or(kNaN),
                               .change = row.OptionalReal(7).value_or(kNaN),
                               .p_value = row.OptionalReal(8).value_or(kNaN),
                               .detected_by = row.Int(9),
                               .detected_at = FromUnixMillis(row.Int(10))};
    });
  });
}

}  // namespace perfgate
