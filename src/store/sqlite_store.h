// The Store on one SQLite file. Its methods live in one file per interface:
// sqlite_job_store.cc, sqlite_job_queue.cc, sqlite_queue_statistics.cc, sqlite_result_store.cc,
// sqlite_comparison_store.cc, sqlite_change_points.cc, sqlite_deliveries.cc,
// sqlite_outbox.cc, sqlite_phase_log.cc, sqlite_process_groups.cc.
//
// Thread-safety: one connection, used by one thread at a time under `mutex_`. Other
// processes may open the same file; SQLite's locks and the busy timeout order them.
#pragma once

#include <mutex>

#include "store/job_rows.h"
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
                        RunSide side, TimePoint now) override;
  Result<void> FinishRun(RunId run, RunState state, const std::string& failure_reason,
                         TimePoint now) override;
  Result<void> AddSamples(RunId run, const std::vector<Sample>& samples) override;
  Result<Run> GetRun(RunId run) override;
  Result<std::vector<Run>> ListRuns(JobId job) override;
  Result<std::vector<Sample>> LoadSamples(JobId job, RunSide side) override;
  Result<std::vector<HistoryPoint>> History(const std::string& scenario, const std::string& metric,
                                            const std::string& series) override;

  Result<bool> RecordChangePoint(const ChangePointRecord& change_point) override;
  Result<std::vector<ChangePointRecord>> ListChangePoints(const std::string& scenario,
                                                          const std::string& metric,
                                                          const std::string& series) override;

  Result<OutboxMessage> EnqueueMessage(const OutboxRequest& request, TimePoint now) override;
  Result<std::vector<OutboxMessage>> ClaimDueMessages(int limit, Duration lease,
                                                      TimePoint now) override;
  Result<void> MarkDelivered(int64_t id, TimePoint now) override;
  Result<void> MarkFailed(int64_t id, const std::string& error,
                          std::optional<TimePoint> retry_at) override;
  Result<std::vector<OutboxMessage>> ListUndelivered(std::optional<JobId> job, int limit) override;

  Result<void> SaveComparison(const StoredComparison& comparison) override;
  Result<std::optional<StoredComparison>> LoadComparison(JobId candidate_job) override;
  Result<std::vector<CandidatePoint>> CandidateHistory(const std::string& scenario,
                                                       const std::string& metric,
                                                       const std::string& series,
                                                       int limit) override;

  Result<DeliveryReceipt> RecordDelivery(const std::string& id, const std::string& event,
                                         const std::optional<JobRequest>& request,
                                         const std::vector<OutboxRequest>& messages,
                                         TimePoint now) override;

  Result<EnqueueResult> Enqueue(const JobRequest& request, TimePoint now) override;
  Result<std::optional<Job>> ClaimJob(const std::string& worker, int max_running, Duration lease,
                                      TimePoint now) override;
  Result<Job> RenewLease(JobId id, const std::string& worker, Duration lease,
                         TimePoint now) override;
  Result<void> FinishClaimedJob(JobId id, const std::string& worker, JobState state,
                                const std::string& failure_reason, TimePoint now) override;
  Result<void> ReleaseJob(JobId id, const std::string& worker, TimePoint now) override;
  Result<void> WaitForJob(JobId id, const std::string& worker, JobId other, TimePoint now) override;
  Result<std::vector<Job>> RequeueExpired(int max_attempts, TimePoint now) override;
  Result<Job> RequestCancel(JobId id, TimePoint now) override;
  Result<Job> Retry(JobId id, TimePoint now) override;
  Result<QueueStatistics> Statistics() override;

  Result<int64_t> StartPhase(JobId job, const std::string& scenario, const std::string& phase,
                             int repetition, TimePoint now) override;
  Result<void> FinishPhase(int64_t phase_id, const std::string& error, TimePoint now) override;
  Result<std::vector<PhaseRecord>> ListPhases(JobId job) override;

  Result<void> RecordProcessGroup(const ProcessGroupRecord& record) override;
  Result<void> ForgetProcessGroup(pid_t pgid, uint64_t start_time) override;
  Result<std::vector<ProcessGroupRecord>> OrphanedProcessGroups(TimePoint now) override;

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

  // The jobs SelectJobsSql(`rest`) returns with `values` bound to ?1, ?2...
  template <typename... Values>
  [[nodiscard]] Result<std::vector<Job>> QueryJobs(std::string_view rest,
                                                   const Values&... values) const {
    Result<Statement> query = db_.Query(SelectJobsSql(rest), values...);
    if (!query) return std::unexpected(std::move(query.error()));
    return ReadJobs(*query, db_);
  }
  [[nodiscard]] Result<Job> LoadJob(JobId id) const;
  [[nodiscard]] Result<Run> LoadRun(RunId id) const;
  Error JobNotFound(JobId id) const;
  // Enqueue's work inside the caller's transaction, for `request` checked by CheckJobRequest.
  [[nodiscard]] Result<EnqueueResult> EnqueueChecked(const JobRequest& request,
                                                     TimePoint now) const;
  // The outbox messages SELECTed by `rest` (a WHERE/ORDER BY clause) with `values` bound.
  template <typename... Values>
  [[nodiscard]] Result<std::vector<OutboxMessage>> QueryMessages(std::string_view rest,
                                                                 const Values&... values) const {
    Result<Statement> query = db_.Query(SelectMessagesSql(rest), values...);
    if (!query) return std::unexpected(std::move(query.error()));
    return ReadMessages(*query);
  }
  static std::string SelectMessagesSql(std::string_view rest);
  // InvalidInput for a message the outbox cannot take.
  [[nodiscard]] static Result<void> CheckOutboxRequest(const OutboxRequest& request);
  // Inserts a message checked by CheckOutboxRequest; returns its id.
  [[nodiscard]] Result<int64_t> InsertMessage(const OutboxRequest& request, TimePoint now) const;
  [[nodiscard]] Result<std::vector<OutboxMessage>> ReadMessages(Statement& query) const;
  // Inserts a queued job for `request` (checked by CheckJobRequest) and returns it.
  [[nodiscard]] Result<Job> InsertJob(const JobRequest& request, TimePoint now) const;
  // The history points of job `id`, when it is a succeeded baseline job (History).
  [[nodiscard]] Result<void> RecordHistoryPoints(JobId id) const;
  // Writes a final state and ends the job's lease, and a succeeded baseline's history points;
  // the caller checked the transition.
  [[nodiscard]] Result<void> MarkFinished(JobId id, JobState state,
                                          const std::string& failure_reason, TimePoint now) const;
  // running -> queued with no holder, attempts kept; the caller checked the transition.
  [[nodiscard]] Result<void> ReturnToQueue(JobId id) const;
  // Running jobs started by StartJob whose process has exited: they hold no slot and are
  // re-queued like jobs whose lease expired.
  [[nodiscard]] Result<std::vector<JobId>> JobsOfDeadProcesses() const;

  std::mutex mutex_;
  SqliteDb db_;
};

}  // namespace perfgate
