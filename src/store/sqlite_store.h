// The Store on one SQLite file. Its methods live in one file per interface:
// sqlite_job_store.cc, sqlite_result_store.cc, sqlite_comparison_store.cc.
//
// Thread-safety: one connection, used by one thread at a time under `mutex_`. Other
// processes may open the same file; SQLite's locks and the busy timeout order them.
#pragma once

#include <mutex>

#include "store/sqlite_db.h"
#include "store/store.h"

namespace perfgate {

class SqliteStore final : public Store {
 public:
  // `db` must be migrated to the latest schema.
  explicit SqliteStore(SqliteDb db) : db_(std::move(db)) {}

  Result<Job> CreateJob(const JobRequest& request, TimePoint now) override;
  Result<Job> GetJob(JobId id) override;
  Result<std::vector<Job>> ListJobs(const JobFilter& filter) override;
  Result<void> StartJob(JobId id, TimePoint now) override;
  Result<void> FinishJob(JobId id, JobState state, const std::string& failure_reason,
                         TimePoint now) override;
  Result<std::optional<Job>> FindBaselineJob(const std::string& commit,
                                             const std::string& scenario) override;

  Result<Run> CreateRun(JobId job, const std::string& scenario, const std::string& commit,
                        TimePoint now) override;
  Result<void> FinishRun(RunId run, RunState state, const std::string& failure_reason,
                         TimePoint now) override;
  Result<void> AddSamples(RunId run, const std::vector<Sample>& samples) override;
  Result<std::vector<Run>> ListRuns(JobId job) override;
  Result<std::vector<Sample>> LoadSamples(JobId job, const std::string& commit) override;
  Result<std::vector<HistoryPoint>> History(const std::string& scenario, const std::string& metric,
                                            const std::string& series) override;

  Result<void> SaveComparison(const StoredComparison& comparison) override;
  Result<std::optional<StoredComparison>> LoadComparison(JobId candidate_job) override;

 private:
  // Runs `body` under the lock in one transaction, committed when `body` succeeds and rolled
  // back otherwise. `body` returns a Result.
  template <typename Body>
  auto Transact(Transaction::Mode mode, Body body) -> decltype(body()) {
    std::lock_guard lock(mutex_);
    Result<Transaction> transaction = Transaction::Begin(db_, mode);
    if (!transaction) return std::unexpected(std::move(transaction.error()));
    decltype(body()) result = body();
    if (!result) return result;
    if (Result<void> committed = transaction->Commit(); !committed) {
      return std::unexpected(std::move(committed.error()));
    }
    return result;
  }

  // The helpers below expect `mutex_` held.
  [[nodiscard]] Result<Job> LoadJob(JobId id) const;
  [[nodiscard]] Result<Run> LoadRun(RunId id) const;
  Error JobNotFound(JobId id) const;

  std::mutex mutex_;
  SqliteDb db_;
};

}  // namespace perfgate
