#include "store/migrations.h"

#include <array>
#include <string>

#include "base/logging.h"
#include "store/columns.h"

namespace perfgate {
namespace {

// Times are integer Unix milliseconds; lists are JSON array text (store/columns.h).
constexpr const char* kVersion1 = R"sql(
CREATE TABLE jobs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  state TEXT NOT NULL,
  commit_sha TEXT NOT NULL,
  ref TEXT NOT NULL DEFAULT '',
  scenarios TEXT NOT NULL DEFAULT '[]',
  base_commit TEXT NOT NULL DEFAULT '',
  attempts INTEGER NOT NULL DEFAULT 0,
  failure_reason TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  started_at INTEGER,
  finished_at INTEGER
);
CREATE INDEX jobs_by_state ON jobs (state, id);
CREATE INDEX jobs_by_commit ON jobs (commit_sha, kind, state);

CREATE TABLE runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  job_id INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  scenario TEXT NOT NULL,
  commit_sha TEXT NOT NULL,
  state TEXT NOT NULL,
  failure_reason TEXT NOT NULL DEFAULT '',
  started_at INTEGER NOT NULL,
  finished_at INTEGER
);
CREATE INDEX runs_by_job ON runs (job_id, scenario, state);

CREATE TABLE samples (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  job_id INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  commit_sha TEXT NOT NULL,
  scenario TEXT NOT NULL,
  metric TEXT NOT NULL,
  series TEXT NOT NULL,
  repetition INTEGER NOT NULL,
  value REAL,
  window_start INTEGER NOT NULL,
  window_end INTEGER NOT NULL
);
CREATE INDEX samples_by_run ON samples (run_id);
CREATE INDEX samples_by_job ON samples (job_id);
CREATE INDEX samples_by_metric ON samples (scenario, metric, series);

-- base_job is no foreign key: an interleaved comparison measures both sides in the
-- candidate job itself.
CREATE TABLE comparisons (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  candidate_job INTEGER NOT NULL UNIQUE REFERENCES jobs (id) ON DELETE CASCADE,
  base_job INTEGER NOT NULL,
  base_commit TEXT NOT NULL,
  candidate_commit TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE comparison_series (
  comparison_id INTEGER NOT NULL REFERENCES comparisons (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  scenario TEXT NOT NULL,
  metric TEXT NOT NULL,
  series TEXT NOT NULL,
  unit TEXT NOT NULL,
  better TEXT NOT NULL,
  base_values TEXT NOT NULL,
  candidate_values TEXT NOT NULL,
  base_median REAL,
  candidate_median REAL,
  change REAL,
  p_value REAL,
  verdict TEXT NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (comparison_id, position)
);
)sql";

// The job queue: leases, requesters, phase logs and the process groups a job started.
// A job started by `perfgate run` has no lease: it is held for as long as the process that
// started it lives, which holder_pid and holder_start_time identify (the start time tells a
// reused pid apart). jobs_by_state (state, id) of version 1 already serves claiming.
constexpr const char* kVersion2 = R"sql(
ALTER TABLE jobs ADD COLUMN pull_request INTEGER;
ALTER TABLE jobs ADD COLUMN requested_by TEXT NOT NULL DEFAULT '';
ALTER TABLE jobs ADD COLUMN worker TEXT NOT NULL DEFAULT '';
ALTER TABLE jobs ADD COLUMN lease_expires_at INTEGER;
ALTER TABLE jobs ADD COLUMN cancel_requested INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN holder_pid INTEGER;
ALTER TABLE jobs ADD COLUMN holder_start_time INTEGER;
CREATE INDEX jobs_by_lease ON jobs (state, lease_expires_at);
CREATE INDEX jobs_by_pull_request ON jobs (pull_request, kind, state);

CREATE TABLE phases (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  job_id INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  scenario TEXT NOT NULL,
  phase TEXT NOT NULL,
  repetition INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  finished_at INTEGER,
  error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX phases_by_job ON phases (job_id, id);

CREATE TABLE process_groups (
  job_id INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  pgid INTEGER NOT NULL,
  start_time INTEGER NOT NULL,
  worker TEXT NOT NULL,
  description TEXT NOT NULL,
  UNIQUE (pgid, start_time)
);
CREATE INDEX process_groups_by_job ON process_groups (job_id);
)sql";

// What a comparison needs to be rendered again later: how it was measured (mode, the pairs'
// AB/BA orders and the seed that drew them) and, per series, the estimate with its
// interval, p and q, the margin and the minimal detectable effect. `change` becomes
// `estimate`: rows written before keep the change of medians there, without an interval.
constexpr const char* kVersion3 = R"sql(
ALTER TABLE comparisons ADD COLUMN mode TEXT NOT NULL DEFAULT 'stored';
ALTER TABLE comparisons ADD COLUMN pair_orders TEXT NOT NULL DEFAULT '';
ALTER TABLE comparisons ADD COLUMN seed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comparison_series RENAME COLUMN change TO estimate;
ALTER TABLE comparison_series ADD COLUMN method TEXT NOT NULL DEFAULT 'unpaired';
ALTER TABLE comparison_series ADD COLUMN pairs INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comparison_series ADD COLUMN low REAL;
ALTER TABLE comparison_series ADD COLUMN high REAL;
ALTER TABLE comparison_series ADD COLUMN confidence REAL;
ALTER TABLE comparison_series ADD COLUMN q_value REAL;
ALTER TABLE comparison_series ADD COLUMN margin REAL;
ALTER TABLE comparison_series ADD COLUMN detectable_effect REAL;
)sql";

// Per series, the test behind its p-value and interval (a paired series may use the t-test
// or the signed-rank test). Rows written before name none: their test was not recorded.
constexpr const char* kVersion4 = R"sql(
ALTER TABLE comparison_series ADD COLUMN test TEXT NOT NULL DEFAULT '';
)sql";

// The side of each run: an interleaved job measures its base too, sometimes at the same
// commit as its candidate (an A/A job), so the commit alone cannot tell the sides apart.
constexpr const char* kVersion5 = R"sql(
ALTER TABLE runs ADD COLUMN side TEXT NOT NULL DEFAULT 'single';
)sql";

// Change points found on the default branch, one row each, so that each is reported once.
constexpr const char* kVersion6 = R"sql(
CREATE TABLE change_points (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  scenario TEXT NOT NULL,
  metric TEXT NOT NULL,
  series TEXT NOT NULL,
  job_id INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  commit_sha TEXT NOT NULL,
  mean_before REAL,
  mean_after REAL,
  change REAL,
  p_value REAL,
  detected_by INTEGER NOT NULL,
  detected_at INTEGER NOT NULL,
  UNIQUE (scenario, metric, series, job_id)
);
)sql";

// A queued job that waits for another one (a test job for the baseline of its base) is not
// claimed before that one ended.
constexpr const char* kVersion7 = R"sql(
ALTER TABLE jobs ADD COLUMN waits_for INTEGER REFERENCES jobs (id);
)sql";

// GitHub webhook deliveries acted on (a job enqueued or a reply decided), so that a delivery
// sent again is not acted on twice. job_id is kept as the delivery's answer to a repeat.
constexpr const char* kVersion8 = R"sql(
CREATE TABLE webhook_deliveries (
  delivery_id TEXT PRIMARY KEY,
  event TEXT NOT NULL,
  job_id INTEGER REFERENCES jobs (id) ON DELETE SET NULL,
  received_at INTEGER NOT NULL
);
)sql";

// Every outgoing message (commit status, pull-request comment, alert) is a row first and is
// delivered afterwards, retried until its receiver takes it. A row is due when
// next_attempt_at has passed; delivered or given-up rows have none.
constexpr const char* kVersion9 = R"sql(
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  target TEXT NOT NULL,
  ordering_key TEXT NOT NULL,
  payload TEXT NOT NULL,
  job_id INTEGER REFERENCES jobs (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  last_error TEXT NOT NULL DEFAULT '',
  delivered_at INTEGER
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE delivered_at IS NULL;
CREATE INDEX outbox_key ON outbox (ordering_key, id) WHERE delivered_at IS NULL;
)sql";

// The history of every metric, one row per succeeded baseline job and series: the median of
// its present values, written when the job succeeds, so that reading a long history reads
// one row per point rather than every sample. Filled here for the jobs that ended before.
// The median of n sorted values is the mean of those ranked (n + 1) / 2 and (n + 2) / 2.
constexpr const char* kVersion10 = R"sql(
CREATE TABLE history_points (
  job_id INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  commit_sha TEXT NOT NULL,
  finished_at INTEGER NOT NULL,
  scenario TEXT NOT NULL,
  metric TEXT NOT NULL,
  series TEXT NOT NULL,
  median REAL NOT NULL,
  sample_count INTEGER NOT NULL,
  PRIMARY KEY (job_id, scenario, metric, series)
);
CREATE INDEX history_points_in_order ON history_points (scenario, metric, finished_at, job_id);
INSERT INTO history_points
SELECT job_id, commit_sha, finished_at, scenario, metric, series, AVG(value), MAX(n) FROM (
  SELECT j.id AS job_id, j.commit_sha, j.finished_at, s.scenario, s.metric, s.series, s.value,
         ROW_NUMBER() OVER (PARTITION BY j.id, s.scenario, s.metric, s.series
                            ORDER BY s.value) AS k,
         COUNT(*) OVER (PARTITION BY j.id, s.scenario, s.metric, s.series) AS n
  FROM jobs j JOIN runs r ON r.job_id = j.id JOIN samples s ON s.run_id = r.id
  WHERE j.kind = 'baseline' AND j.state = 'succeeded' AND r.state = 'succeeded'
    AND s.value IS NOT NULL)
WHERE k IN ((n + 1) / 2, (n + 2) / 2)
GROUP BY job_id, scenario, metric, series;
)sql";

// Append only: entry i builds schema version i + 1.
constexpr std::array kMigrations = {kVersion1, kVersion2, kVersion3, kVersion4, kVersion5,
                                    kVersion6, kVersion7, kVersion8, kVersion9, kVersion10};

Result<int> CurrentVersion(const SqliteDb& db) {
  Result<Statement> query = db.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (!query) return std::unexpected(std::move(query.error()));
  Result<bool> row = query->Step();
  if (!row) return std::unexpected(std::move(row.error()));
  return static_cast<int>(query->Int(0));
}

// Applies the migration after the current version unless `target` is reached; returns the
// version reached.
// Reading the version inside the write transaction makes a concurrent opener wait, then see
// the migration done instead of applying it twice.
Result<int> ApplyNext(const SqliteDb& db, int target, TimePoint now) {
  Result<Transaction> transaction = Transaction::Begin(db, Transaction::Mode::kWrite);
  if (!transaction) return std::unexpected(std::move(transaction.error()));
  Result<int> version = CurrentVersion(db);
  if (!version) return version;
  if (*version > LatestSchemaVersion()) {
    return std::unexpected(FailedPrecondition(
        "schema version " + std::to_string(*version) + " was written by a newer perfgate (this " +
            "one knows up to version " + std::to_string(LatestSchemaVersion()) + ")",
        db.Where(), "upgrade perfgate or point storage at another file"));
  }
  if (*version >= target) return version;
  int next = *version + 1;
  if (Result<void> applied = db.Exec(kMigrations[*version]); !applied) {
    return std::unexpected(std::move(applied.error()).In("migration " + std::to_string(next)));
  }
  if (Result<void> recorded =
          db.Execute("INSERT INTO schema_migrations (version, applied_at) VALUES (?1, ?2)",
                     int64_t{next}, ToUnixMillis(now));
      !recorded) {
    return std::unexpected(std::move(recorded.error()));
  }
  if (Result<void> committed = transaction->Commit(); !committed) {
    return std::unexpected(std::move(committed.error()));
  }
  Logger("store")->info("schema migrated path={} version={}", db.path(), next);
  return next;
}

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(kMigrations.size()); }

Result<int> Migrate(const SqliteDb& db, TimePoint now) {
  return MigrateTo(db, LatestSchemaVersion(), now);
}

Result<int> MigrateTo(const SqliteDb& db, int version, TimePoint now) {
  if (version < 1 || version > LatestSchemaVersion()) {
    return std::unexpected(
        InvalidInput("schema version " + std::to_string(version) + " does not exist", db.Where(),
                     "ask for a version from 1 to " + std::to_string(LatestSchemaVersion())));
  }
  Result<void> table = db.Exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      "version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)");
  if (!table) return std::unexpected(std::move(table.error()));
  while (true) {
    Result<int> reached = ApplyNext(db, version, now);
    if (!reached || *reached >= version) return reached;
  }
}

}  // namespace perfgate
