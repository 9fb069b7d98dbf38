#include "store/migrations.h"

#include <sqlite3.h>

#include <cmath>
#include <memory>

#include "store/columns.h"
#include "store_fixture.h"

namespace perfgate::testing {
namespace {

// The database file opened beside the store, as an operator's sqlite3 shell would.
class RawDatabase {
 public:
  explicit RawDatabase(const std::string& path) {
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
    db_.reset(raw);
    EXPECT_EQ(rc, SQLITE_OK) << path;
  }

  int64_t QueryInt(const std::string& sql) {
    sqlite3_stmt* raw = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_.get(), sql.c_str(), -1, &raw, nullptr), SQLITE_OK) << sql;
    std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> statement(raw, sqlite3_finalize);
    EXPECT_EQ(sqlite3_step(statement.get()), SQLITE_ROW) << sql;
    return sqlite3_column_int64(statement.get(), 0);
  }

  void Exec(const std::string& sql) {
    EXPECT_EQ(sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
        << sql << ": " << sqlite3_errmsg(db_.get());
  }

 private:
  std::unique_ptr<sqlite3, decltype(&sqlite3_close)> db_{nullptr, sqlite3_close};
};

using MigrationsTest = StoreTest;

TEST_F(MigrationsTest, CreateTheSchemaAndRecordTheVersion) {
  RawDatabase db(DatabasePath());
  EXPECT_EQ(db.QueryInt("SELECT MAX(version) FROM schema_migrations"), LatestSchemaVersion());
  EXPECT_EQ(db.QueryInt("SELECT COUNT(*) FROM schema_migrations"), LatestSchemaVersion());
  EXPECT_GT(db.QueryInt("SELECT MIN(applied_at) FROM schema_migrations"), 0);
  EXPECT_EQ(db.QueryInt("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                        "('jobs', 'runs', 'samples', 'comparisons', 'comparison_series', 'phases',"
                        " 'process_groups')"),
            7);
  // WAL mode is a property of the file, seen by every later connection.
  EXPECT_EQ(db.QueryInt("SELECT journal_mode = 'wal' FROM pragma_journal_mode"), 1);
}

TEST_F(MigrationsTest, ReopeningAppliesNothingAgain) {
  Job job = Create(JobKind::kBaseline, Commit('a'));
  Reopen();
  Reopen();
  RawDatabase db(DatabasePath());
  EXPECT_EQ(db.QueryInt("SELECT COUNT(*) FROM schema_migrations"), LatestSchemaVersion());
  EXPECT_TRUE(store_->GetJob(job.id));
}

TEST_F(MigrationsTest, AVersion1DatabaseKeepsItsJobsWithQueueDefaults) {
  store_.reset();
  std::string path = dir_.Path("v1.db");
  {
    Result<SqliteDb> db = SqliteDb::Open(path);
    ASSERT_TRUE(db) << db.error().ToString();
    Result<int> version = MigrateTo(*db, 1, At(1));
    ASSERT_TRUE(version) << version.error().ToString();
    ASSERT_EQ(*version, 1);
    // A job as version 1 wrote it: no requester, no lease.
    ASSERT_TRUE(db->Execute(
        "INSERT INTO jobs (kind, state, commit_sha, ref, scenarios, created_at, started_at)"
        " VALUES ('test', 'running', ?1, 'main', '[\"http-api\"]', 1000, 2000)",
        Commit('a')));
  }
  Result<std::unique_ptr<Store>> opened = OpenStore("sqlite:v1.db", dir_.Path());
  ASSERT_TRUE(opened) << opened.error().ToString();
  EXPECT_EQ(RawDatabase(path).QueryInt("SELECT MAX(version) FROM schema_migrations"),
            LatestSchemaVersion());

  Result<std::vector<Job>> jobs = (*opened)->ListJobs(JobFilter{});
  ASSERT_TRUE(jobs) << jobs.error().ToString();
  ASSERT_EQ(jobs->size(), 1u);
  const Job& job = jobs->front();
  EXPECT_EQ(job.commit, Commit('a'));
  EXPECT_EQ(job.scenarios, (std::vector<std::string>{"http-api"}));
  EXPECT_EQ(job.started_at, TimePoint(std::chrono::milliseconds(2000)));
  EXPECT_EQ(job.pull_request, std::nullopt);
  EXPECT_EQ(job.requested_by, "");
  EXPECT_EQ(job.worker, "");
  EXPECT_EQ(job.lease_expires_at, std::nullopt);
  EXPECT_FALSE(job.cancel_requested);
  // Nothing vouches for a job left running by an older perfgate: it goes back to the queue.
  Result<std::vector<Job>> requeued = (*opened)->RequeueExpired(3, At(3));
  ASSERT_TRUE(requeued) << requeued.error().ToString();
  ASSERT_EQ(requeued->size(), 1u);
  EXPECT_EQ(requeued->front().state, JobState::kQueued);
  // The new tables work on the migrated file.
  Result<int64_t> phase = (*opened)->StartPhase(job.id, "", "checkout", -1, At(4));
  EXPECT_TRUE(phase) << phase.error().ToString();
}

TEST_F(MigrationsTest, AVersion2ComparisonReadsAsStoredWithItsChangeAsTheEstimate) {
  store_.reset();
  std::string path = dir_.Path("v2.db");
  {
    Result<SqliteDb> db = SqliteDb::Open(path);
    ASSERT_TRUE(db) << db.error().ToString();
    ASSERT_TRUE(MigrateTo(*db, 2, At(1)));
    ASSERT_TRUE(
        db->Execute("INSERT INTO jobs (kind, state, commit_sha, ref, scenarios, created_at)"
                    " VALUES ('test', 'succeeded', ?1, 'main', '[\"http-api\"]', 1000)",
                    Commit('b')));
    ASSERT_TRUE(db->Execute(
        "INSERT INTO comparisons (candidate_job, base_job, base_commit, candidate_commit,"
        " created_at) VALUES (1, 7, ?1, ?2, 3000)",
        Commit('a'), Commit('b')));
    ASSERT_TRUE(db->Execute(
        "INSERT INTO comparison_series (comparison_id, position, scenario, metric, series, unit,"
        " better, base_values, candidate_values, base_median, candidate_median, change, p_value,"
        " verdict, note) VALUES (1, 0, 'http-api', 'latency_p99', '{}', 's', 'lower', '[1,2]',"
        " '[3,4]', 1.5, 3.5, 1.3333, 0.1, 'inconclusive', '')"));
  }
  Result<std::unique_ptr<Store>> opened = OpenStore("sqlite:v2.db", dir_.Path());
  ASSERT_TRUE(opened) << opened.error().ToString();
  Result<std::optional<StoredComparison>> loaded = (*opened)->LoadComparison(1);
  ASSERT_TRUE(loaded) << loaded.error().ToString();
  ASSERT_TRUE(loaded->has_value());
  EXPECT_EQ((*loaded)->mode, ComparisonMode::kStored);
  EXPECT_EQ((*loaded)->pair_orders, "");
  ASSERT_EQ((*loaded)->comparison.series.size(), 1u);
  const SeriesComparison& s = (*loaded)->comparison.series[0];
  EXPECT_EQ(s.method, ComparisonMethod::kUnpaired);
  EXPECT_EQ(s.estimate, 1.3333);
  EXPECT_EQ(s.p_value, 0.1);
  EXPECT_TRUE(std::isnan(s.low));
  EXPECT_TRUE(std::isnan(s.q_value));
  EXPECT_EQ(s.verdict, Verdict::kInconclusive);
}

TEST_F(MigrationsTest, AVersion4RunMeasuredItsJobsOwnCommit) {
  store_.reset();
  std::string path = dir_.Path("v4.db");
  {
    Result<SqliteDb> db = SqliteDb::Open(path);
    ASSERT_TRUE(db) << db.error().ToString();
    ASSERT_TRUE(MigrateTo(*db, 4, At(1)));
    ASSERT_TRUE(
        db->Execute("INSERT INTO jobs (kind, state, commit_sha, ref, scenarios, created_at)"
                    " VALUES ('baseline', 'succeeded', ?1, 'main', '[]', 1000)",
                    Commit('a')));
    ASSERT_TRUE(
        db->Execute("INSERT INTO runs (job_id, scenario, commit_sha, state, started_at)"
                    " VALUES (1, 'http-api', ?1, 'succeeded', 2000)",
                    Commit('a')));
  }
  Result<std::unique_ptr<Store>> opened = OpenStore("sqlite:v4.db", dir_.Path());
  ASSERT_TRUE(opened) << opened.error().ToString();
  Result<perfgate::Run> run = (*opened)->GetRun(1);
  ASSERT_TRUE(run) << run.error().ToString();
  EXPECT_EQ(run->side, RunSide::kSingle);
}

TEST_F(MigrationsTest, AVersion9BaselineJoinsTheHistoryWithItsMedians) {
  store_.reset();
  std::string path = dir_.Path("v9.db");
  {
    Result<SqliteDb> db = SqliteDb::Open(path);
    ASSERT_TRUE(db) << db.error().ToString();
    ASSERT_TRUE(MigrateTo(*db, 9, At(1)));
    // A succeeded baseline and a failed one, each with a succeeded run.
    for (const char* state : {"succeeded", "failed"}) {
      ASSERT_TRUE(db->Execute(
          "INSERT INTO jobs (kind, state, commit_sha, ref, scenarios, created_at, finished_at)"
          " VALUES ('baseline', ?1, ?2, 'main', '[]', 1000, 5000)",
          std::string(state), Commit('a')));
      ASSERT_TRUE(
          db->Execute("INSERT INTO runs (job_id, scenario, commit_sha, state, started_at)"
                      " VALUES (last_insert_rowid(), 'http-api', ?1, 'succeeded', 2000)",
                      Commit('a')));
      // Series /a: 4, 1, 3, 2 (median 2.5); /b: 5, NULL, 1, 3 (median 3 of three values).
      const char* values[][2] = {{"/a", "4"}, {"/a", "1"},    {"/a", "3"}, {"/a", "2"},
                                 {"/b", "5"}, {"/b", "NULL"}, {"/b", "1"}, {"/b", "3"}};
      for (const auto& [endpoint, value] : values) {
        std::string sql =
            "INSERT INTO samples (run_id, job_id, commit_sha, scenario, metric, series,"
            " repetition, value, window_start, window_end) SELECT id, job_id, commit_sha,"
            " 'http-api', 'latency', '{endpoint=\"" +
            std::string(endpoint) + "\"}', 0, " + value +
            ", 0, 0 FROM runs ORDER BY id DESC LIMIT 1";
        ASSERT_TRUE(db->Exec(sql.c_str()));
      }
    }
  }
  Result<std::unique_ptr<Store>> opened = OpenStore("sqlite:v9.db", dir_.Path());
  ASSERT_TRUE(opened) << opened.error().ToString();
  Result<std::vector<HistoryPoint>> history = (*opened)->History("http-api", "latency", "");
  ASSERT_TRUE(history) << history.error().ToString();
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].job_id, 1);
  EXPECT_EQ((*history)[0].finished_at, FromUnixMillis(5000));
  EXPECT_EQ((*history)[0].series, "{endpoint=\"/a\"}");
  EXPECT_EQ((*history)[0].median, 2.5);
  EXPECT_EQ((*history)[0].sample_count, 4);
  EXPECT_EQ((*history)[1].series, "{endpoint=\"/b\"}");
  EXPECT_EQ((*history)[1].median, 3.0);
  EXPECT_EQ((*history)[1].sample_count, 3);
}

TEST_F(MigrationsTest, MigrateToAnUnknownVersionIsInvalidInput) {
  Result<SqliteDb> db = SqliteDb::Open(dir_.Path("other.db"));
  ASSERT_TRUE(db);
  EXPECT_EQ(MigrateTo(*db, 0, At(1)).error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(MigrateTo(*db, LatestSchemaVersion() + 1, At(1)).error().kind,
            ErrorKind::kInvalidInput);
}

TEST_F(MigrationsTest, NewerDatabaseIsRejected) {
  store_.reset();
  RawDatabase(DatabasePath())
      .Exec("INSERT INTO schema_migrations (version, applied_at) VALUES (" +
            std::to_string(LatestSchemaVersion() + 1) + ", 0)");
  Result<std::unique_ptr<Store>> opened = OpenStore(kStorage, dir_.Path());
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().kind, ErrorKind::kFailedPrecondition);
  EXPECT_NE(opened.error().what.find("written by a newer perfgate"), std::string::npos);
  EXPECT_EQ(opened.error().where, "database " + DatabasePath());
  EXPECT_EQ(opened.error().fix, "upgrade perfgate or point storage at another file");
}

TEST_F(MigrationsTest, UnknownSchemeIsInvalidInput) {
  Result<std::unique_ptr<Store>> opened = OpenStore("postgresql://db/perfgate", dir_.Path());
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(opened.error().what, "unsupported storage `postgresql://db/perfgate`");
}

TEST_F(MigrationsTest, FileThatIsNoDatabaseIsNamedWithSqlitesMessage) {
  std::string path = dir_.WriteFile("garbage.db", std::string(4096, 'x'));
  Result<std::unique_ptr<Store>> opened = OpenStore("sqlite:garbage.db", dir_.Path());
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().kind, ErrorKind::kFailedPrecondition);
  EXPECT_EQ(opened.error().where, "database " + path);
  EXPECT_NE(opened.error().what.find("file is not a database"), std::string::npos)
      << opened.error().ToString();
}

TEST_F(MigrationsTest, DirectoryThatCannotBeCreatedIsUnavailable) {
  dir_.WriteFile("plain-file", "");
  Result<std::unique_ptr<Store>> opened = OpenStore("sqlite:plain-file/perfgate.db", dir_.Path());
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().kind, ErrorKind::kUnavailable);
  EXPECT_NE(opened.error().where.find("plain-file/perfgate.db"), std::string::npos);
}

}  // namespace
}  // namespace perfgate::testing
