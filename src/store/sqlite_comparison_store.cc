// SqliteStore: the comparisons and comparison_series tables (ComparisonStore).
#include <string>

#include "store/columns.h"
#include "store/sqlite_store.h"

namespace perfgate {
namespace {

const char* BetterName(Better better) { return better == Better::kLower ? "lower" : "higher"; }

std::optional<Better> ParseBetter(std::string_view name) {
  if (name == "lower") return Better::kLower;
  if (name == "higher") return Better::kHigher;
  return std::nullopt;
}

const char* ModeName(ComparisonMode mode) {
  return mode == ComparisonMode::kInterleaved ? "interleaved" : "stored";
}

std::optional<ComparisonMode> ParseMode(std::string_view name) {
  if (name == "interleaved") return ComparisonMode::kInterleaved;
  if (name == "stored") return ComparisonMode::kStored;
  return std::nullopt;
}

Error UnknownName(const std::string& what) {
  return Internal(what + ", which perfgate does not know", {},
                  "the database was edited by hand or is damaged; restore a backup");
}

constexpr const char* kInsertSeries =
    "INSERT INTO comparison_series (comparison_id, position, scenario, metric, series, unit,"
    " better, base_values, candidate_values, base_median, candidate_median, estimate, p_value,"
    " verdict, note, method, pairs, low, high, confidence, q_value, margin, detectable_effect,"
    " test)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
    " ?19, ?20, ?21, ?22, ?23, ?24)";

// The columns ReadSeries reads, in its order.
constexpr const char* kSeriesColumns =
    "scenario, metric, series, unit, better, base_values, candidate_values, base_median,"
    " candidate_median, estimate, p_value, verdict, note, method, pairs, low, high, confidence,"
    " q_value, margin, detectable_effect, test";

void BindSeries(Statement& insert, int64_t position, const SeriesComparison& series) {
  insert.Bind(2, position)
      .Bind(3, series.scenario)
      .Bind(4, series.metric)
      .Bind(5, series.series)
      .Bind(6, series.unit)
      .Bind(7, BetterName(series.better))
      .Bind(8, EncodeNumberList(series.base_values))
      .Bind(9, EncodeNumberList(series.candidate_values))
      .Bind(10, series.base_median)
      .Bind(11, series.candidate_median)
      .Bind(12, series.estimate)
      .Bind(13, series.p_value)
      .Bind(14, VerdictName(series.verdict))
      .Bind(15, series.note)
      .Bind(16, MethodName(series.method))
      .Bind(17, static_cast<int64_t>(series.pairs))
      .Bind(18, series.low)
      .Bind(19, series.high)
      .Bind(20, series.confidence)
      .Bind(21, series.q_value)
      .Bind(22, series.margin)
      .Bind(23, series.detectable_effect)
      .Bind(24, TestName(series.test));
}

// The series in the current row of a statement that selected kSeriesColumns.
Result<SeriesComparison> ReadSeries(const Statement& row) {
  SeriesComparison series;
  series.scenario = row.Text(0);
  series.metric = row.Text(1);
  series.series = row.Text(2);
  series.unit = row.Text(3);
  std::optional<Better> better = ParseBetter(row.Text(4));
  std::optional<Verdict> verdict = ParseVerdict(row.Text(11));
  std::optional<ComparisonMethod> method = ParseMethod(row.Text(13));
  std::optional<StatisticalTest> test = ParseTest(row.Text(21));
  if (!better || !verdict || !method || !test) {
    return std::unexpected(UnknownName("comparison series " + series.series + " has better `" +
                                       row.Text(4) + "`, verdict `" + row.Text(11) + "`, method `" +
                                       row.Text(13) + "` and test `" + row.Text(21) + "`"));
  }
  series.better = *better;
  series.verdict = *verdict;
  series.method = *method;
  series.test = *test;
  Result<std::vector<double>> base = DecodeNumberList(row.Text(5), "comparison_series.base_values");
  if (!base) return std::unexpected(std::move(base.error()));
  Result<std::vector<double>> candidate =
      DecodeNumberList(row.Text(6), "comparison_series.candidate_values");
  if (!candidate) return std::unexpected(std::move(candidate.error()));
  series.base_values = std::move(*base);
  series.candidate_values = std::move(*candidate);
  series.base_median = row.Real(7);
  series.candidate_median = row.Real(8);
  series.estimate = row.Real(9);
  series.p_value = row.Real(10);
  series.note = row.Text(12);
  series.pairs = static_cast<size_t>(row.Int(14));
  series.low = row.Real(15);
  series.high = row.Real(16);
  series.confidence = row.Real(17);
  series.q_value = row.Real(18);
  series.margin = row.Real(19);
  series.detectable_effect = row.Real(20);
  return series;
}

}  // namespace

Result<void> SqliteStore::SaveComparison(const StoredComparison& stored) {
  return Transact(Transaction::Mode::kWrite, [&]() -> Result<void> {
    if (Result<Job> candidate = LoadJob(stored.candidate_job); !candidate) {
      return std::unexpected(std::move(candidate.error()));
    }
    // The series of the replaced comparison go with it (ON DELETE CASCADE).
    if (Result<void> removed =
            db_.Execute("DELETE FROM comparisons WHERE candidate_job = ?1", stored.candidate_job);
        !removed) {
      return removed;
    }
    Result<void> inserted = db_.Execute(
        "INSERT INTO comparisons (candidate_job, base_job, base_commit, candidate_commit,"
        " created_at, mode, pair_orders, seed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        stored.candidate_job, stored.base_job, stored.base_commit, stored.candidate_commit,
        ToUnixMillis(stored.created_at), ModeName(stored.mode), stored.pair_orders,
        // SQLite integers are signed: the seed's 64 bits are stored as they are.
        static_cast<int64_t>(stored.seed));
    if (!inserted) return inserted;

    Result<Statement> insert_series = db_.Query(kInsertSeries, db_.LastInsertId());
    if (!insert_series) return std::unexpected(std::move(insert_series.error()));
    const std::vector<SeriesComparison>& series = stored.comparison.series;
    for (size_t position = 0; position < series.size(); ++position) {
      insert_series->Reset();
      BindSeries(*insert_series, static_cast<int64_t>(position), series[position]);
      if (Result<void> inserted_series = insert_series->Run(); !inserted_series) {
        return inserted_series;
      }
    }
    return {};
  });
}

Result<std::optional<StoredComparison>> SqliteStore::LoadComparison(JobId candidate_job) {
  return Transact(Transaction::Mode::kRead, [&]() -> Result<std::optional<StoredComparison>> {
    Result<Statement> head = db_.Query(
        "SELECT id, base_job, base_commit, candidate_commit, created_at, mode, pair_orders, seed"
        " FROM comparisons WHERE candidate_job = ?1",
        candidate_job);
    if (!head) return std::unexpected(std::move(head.error()));
    Result<bool> found = head->Step();
    if (!found) return std::unexpected(std::move(found.error()));
    if (!*found) return std::nullopt;
    std::optional<ComparisonMode> mode = ParseMode(head->Text(5));
    if (!mode) {
      return std::unexpected(
          UnknownName("comparison mode `" + head->Text(5) + "`").In(db_.Where()));
    }
    StoredComparison stored{
        .base_job = head->Int(1),
        .candidate_job = candidate_job,
        .base_commit = head->Text(2),
        .candidate_commit = head->Text(3),
        .created_at = FromUnixMillis(head->Int(4)),
        .mode = *mode,
        .pair_orders = head->Text(6),
        .seed = static_cast<uint64_t>(head->Int(7)),
        .comparison = {},
    };

    Result<Statement> rows = db_.Query(std::string("SELECT ") + kSeriesColumns +
                                           " FROM comparison_series WHERE comparison_id = ?1"
                                           " ORDER BY position",
                                       head->Int(0));
    if (!rows) return std::unexpected(std::move(rows.error()));
    Result<std::vector<SeriesComparison>> series =
        ReadRows<SeriesComparison>(*rows, [&](const Statement& row) -> Result<SeriesComparison> {
          Result<SeriesComparison> read = ReadSeries(row);
          if (!read) return std::unexpected(std::move(read.error()).In(db_.Where()));
          return read;
        });
    if (!series) return std::unexpected(std::move(series.error()));
    stored.comparison.series = std::move(*series);
    return stored;
  });
}

Result<std::vector<CandidatePoint>> SqliteStore::CandidateHistory(const std::string& scenario,
                                                                  const std::string& metric,
                                                                  const std::string& series,
                                                                  int limit) {
  if (limit <= 0) {
    return std::unexpected(InvalidInput("limit " + std::to_string(limit) + " is not positive",
                                        db_.Where(), "ask for 1 or more test jobs"));
  }
  return Transact(Transaction::Mode::kRead, [&]() -> Result<std::vector<CandidatePoint>> {
    // The newest jobs first (jobs_by_state), then each one's series by its comparison's key.
    Result<Statement> query = db_.Query(
        "SELECT j.id, j.commit_sha, j.base_commit, j.pull_request, j.finished_at, cs.series,"
        "       cs.candidate_median, cs.verdict"
        " FROM (SELECT id, commit_sha, base_commit, pull_request, finished_at FROM jobs"
        "       WHERE state = ?4 AND kind = ?5 ORDER BY id DESC LIMIT ?6) j"
        " JOIN comparisons c ON c.candidate_job = j.id"
        " JOIN comparison_series cs ON cs.comparison_id = c.id"
        " WHERE cs.scenario = ?1 AND cs.metric = ?2 AND (?3 = '' OR cs.series = ?3)"
        "   AND cs.candidate_median IS NOT NULL"
        " ORDER BY j.finished_at, j.id, cs.series",
        scenario, metric, series, JobStateName(JobState::kSucceeded), JobKindName(JobKind::kTest),
        int64_t{limit});
    if (!query) return std::unexpected(std::move(query.error()));
    return ReadRows<CandidatePoint>(*query, [&](const Statement& row) -> Result<CandidatePoint> {
      std::optional<Verdict> verdict = ParseVerdict(row.Text(7));
      if (!verdict) {
        return std::unexpected(
            UnknownName("comparison verdict `" + row.Text(7) + "`").In(db_.Where()));
      }
      return CandidatePoint{.job_id = row.Int(0),
                            .commit = row.Text(1),
                            .base_commit = row.Text(2),
                            .pull_request = row.IsNull(3)
                                                ? std::nullopt
                                                : std::optional<int>(static_cast<int>(row.Int(3))),
                            .finished_at = FromUnixMillis(row.Int(4)),
                            .series = row.Text(5),
                            .median = row.Real(6),
                            .verdict = *verdict};
    });
  });
}

}  // namespace perfgate
