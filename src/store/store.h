// The store: the single source of truth for jobs, runs, samples and comparisons.
//
// An interface so that PostgreSQL can be added beside SQLite; only src/cli/ picks the
// implementation (OpenStore). Every method is one transaction: it is applied whole or not
// at all. Errors: NotFound for unknown ids, Unavailable when the database is busy or
// unreachable, Internal for anything else, each naming the database.
// Thread-safety: a Store may be used from several threads.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/comparison.h"
#include "analysis/sample.h"
#include "base/error.h"
#include "store/job.h"
#include "store/queue.h"

namespace perfgate {

class JobStore {
 public:
  virtual ~JobStore() = default;
  [[nodiscard]] virtual Result<Job> CreateJob(const JobRequest& request, TimePoint now) = 0;
  [[nodiscard]] virtual Result<Job> GetJob(JobId id) = 0;
  // Newest first. InvalidInput when filter.limit is not positive.
  [[nodiscard]] virtual Result<std::vector<Job>> ListJobs(const JobFilter& filter) = 0;
  // queued -> running, attempts + 1, started_at = now, for the calling process itself (as
  // `perfgate run` does): the job gets no lease, so it needs no heartbeat, and is held for as
  // long as this process lives (its pid and start time are recorded, worker "local pid N").
  // While it lives the job takes one of JobQueue::ClaimJob's slots and RequeueExpired leaves
  // it alone; once it is gone the slot is free and RequeueExpired treats the job like one
  // whose lease expired. This relies on every process using the database seeing the same
  // pids: one host (which SQLite's WAL mode requires anyway) and one pid namespace.
  // FailedPrecondition from another state than queued.
  [[nodiscard]] virtual Result<void> StartJob(JobId id, TimePoint now) = 0;
  // running -> succeeded | failed | cancelled, with the reason for the last two; a queued job
  // may only be cancelled. InvalidInput for a state that is not final, FailedPrecondition
  // from any other state.
  [[nodiscard]] virtual Result<void> FinishJob(JobId id, JobState state,
                                               const std::string& failure_reason,
                                               TimePoint now) = 0;
  // The newest succeeded baseline job of `commit` that has a succeeded run of `scenario`.
  [[nodiscard]] virtual Result<std::optional<Job>> FindBaselineJob(const std::string& commit,
                                                                   const std::string& scenario) = 0;
};

class ResultStore {
 public:
  virtual ~ResultStore() = default;
  // A running run of an existing job (NotFound otherwise).
  [[nodiscard]] virtual Result<Run> CreateRun(JobId job, const std::string& scenario,
                                              const std::string& commit, RunSide side,
                                              TimePoint now) = 0;
  // running -> succeeded | failed (the reason is kept for failed); FailedPrecondition when
  // the run already finished.
  [[nodiscard]] virtual Result<void> FinishRun(RunId run, RunState state,
                                               const std::string& failure_reason,
                                               TimePoint now) = 0;
  [[nodiscard]] virtual Result<void> AddSamples(RunId run, const std::vector<Sample>& samples) = 0;
  [[nodiscard]] virtual Result<Run> GetRun(RunId run) = 0;
  [[nodiscard]] virtual Result<std::vector<Run>> ListRuns(JobId job) = 0;
  // Every sample of the job's succeeded runs of its own commit (kSingle and kCandidate
  // runs), or with `side` kBase, of its base (an interleaved job's kBase runs).
  [[nodiscard]] virtual Result<std::vector<Sample>> LoadSamples(
      JobId job, RunSide side = RunSide::kCandidate) = 0;
  // Per succeeded baseline job, oldest first: the median of each series of `metric`
  // (restricted to `series` when not empty). Missing values are left out of the median and
  // the count; a series without any present value has no point.
  [[nodiscard]] virtual Result<std::vector<HistoryPoint>> History(const std::string& scenario,
                                                                  const std::string& metric,
                                                                  const std::string& series) = 0;
};

// A comparison as stored: which jobs it compared, how, and every series' result.
struct StoredComparison {
  JobId base_job = 0;
  JobId candidate_job = 0;
  std::string base_commit;
  std::string candidate_commit;
  TimePoint created_at;
  ComparisonMode mode = ComparisonMode::kStored;
  // interleaved: each pair's order per scenario, "http-api: AB,BA,...; grpc: BA,..."; empty when
  // stored. A is the base, B the candidate.
  std::string pair_orders = {};
  uint64_t seed = 0;  // interleaved: the seed the pair orders were drawn with
  Comparison comparison;
};

// One series of a compared test job (a pull request's head, or any commit), as a metric's
// history shows it beside the default branch's: the candidate's median and its verdict.
struct CandidatePoint {
  JobId job_id = 0;
  std::string commit;
  std::string base_commit;
  std::optional<int> pull_request;
  TimePoint finished_at;
  std::string series;
  double median = 0;
  Verdict verdict = Verdict::kMissing;
};

class ComparisonStore {
 public:
  virtual ~ComparisonStore() = default;
  // Replaces any comparison stored before for the same candidate job.
  [[nodiscard]] virtual Result<void> SaveComparison(const StoredComparison& comparison) = 0;
  [[nodiscard]] virtual Result<std::optional<StoredComparison>> LoadComparison(
      JobId candidate_job) = 0;
  // Of the newest `limit` succeeded test jobs, the candidate medians their comparisons found
  // for `metric` (one series when `series` is not empty), oldest job first; a series without a
  // candidate median has no point. InvalidInput when `limit` is not positive.
  [[nodiscard]] virtual Result<std::vector<CandidatePoint>> CandidateHistory(
      const std::string& scenario, const std::string& metric, const std::string& series,
      int limit) = 0;
};

// Change points of the default branch's history, each recorded once so that it is reported
// once.
class ChangePointStore {
 public:
  virtual ~ChangePointStore() = default;
  // Records a change point; false (and nothing written) when one for the same scenario,
  // metric, series and job exists already.
  [[nodiscard]] virtual Result<bool> RecordChangePoint(const ChangePointRecord& change_point) = 0;
  // Of one metric (one series when `series` is not empty), oldest job first.
  [[nodiscard]] virtual Result<std::vector<ChangePointRecord>> ListChangePoints(
      const std::string& scenario, const std::string& metric, const std::string& series) = 0;
};

// What recording a webhook delivery did (DeliveryLog::RecordDelivery).
struct DeliveryReceipt {
  bool repeated = false;                  // recorded before: nothing was written now
  std::optional<EnqueueResult> enqueued;  // a first delivery with a request: what Enqueue did
  std::optional<JobId> job_id;            // the job the delivery created, now or the first time
};

// GitHub webhook deliveries (X-GitHub-Delivery), each acted on once however often GitHub or a
// person sends it again.
class DeliveryLog {
 public:
  virtual ~DeliveryLog() = default;
  // Records delivery `id` (1 to 100 characters) of `event` and, in the same transaction,
  // enqueues its `request` as JobQueue::Enqueue does and writes `messages` to the outbox (a
  // reply, say): a delivery sent twice, even twice at once, enqueues one job and replies once.
  // A delivery recorded before writes nothing and answers repeated, with the job it created
  // then. InvalidInput for an empty or over-long id, a request Enqueue refuses or a message
  // EnqueueMessage refuses.
  [[nodiscard]] virtual Result<DeliveryReceipt> RecordDelivery(
      const std::string& id, const std::string& event, const std::optional<JobRequest>& request,
      const std::vector<OutboxRequest>& messages, TimePoint now) = 0;
};

// Outgoing messages, stored before they are sent (DESIGN.md: a report that cannot be
// delivered is never lost). Several deliverers may share the store: a claimed message is
// leased to its claimer until its next_attempt_at.
class OutboxStore {
 public:
  virtual ~OutboxStore() = default;
  // InvalidInput when target, key or payload is empty.
  [[nodiscard]] virtual Result<OutboxMessage> EnqueueMessage(const OutboxRequest& request,
                                                             TimePoint now) = 0;
  // Up to `limit` due messages, oldest first, each the oldest pending one of its key (so that
  // a key's messages go out in order); each gets attempts + 1 and next_attempt_at = now +
  // `lease`, so that no other deliverer takes it meanwhile. InvalidInput when `limit` is not
  // positive.
  [[nodiscard]] virtual Result<std::vector<OutboxMessage>> ClaimDueMessages(int limit,
                                                                            Duration lease,
                                                                            TimePoint now) = 0;
  [[nodiscard]] virtual Result<void> MarkDelivered(int64_t id, TimePoint now) = 0;
  // Records why an attempt failed; the message is tried again at `retry_at`, or never when
  // it is none (the receiver refused it for good): it stays listed with its error.
  [[nodiscard]] virtual Result<void> MarkFailed(int64_t id, const std::string& error,
                                                std::optional<TimePoint> retry_at) = 0;
  // Messages not delivered (pending, retrying or given up), oldest first; with `job`, only
  // those about that job.
  [[nodiscard]] virtual Result<std::vector<OutboxMessage>> ListUndelivered(std::optional<JobId> job,
                                                                           int limit) = 0;
};

class Store : public JobStore,
              public ResultStore,
              public ComparisonStore,
              public ChangePointStore,
              public DeliveryLog,
              public OutboxStore,
              public JobQueue,
              public PhaseLog,
              public ProcessGroupLedger {};

// "sqlite:PATH" (relative to `base_dir`; created with its migrations applied when absent).
// Errors: InvalidInput for an unknown scheme, Unavailable when the file cannot be opened,
// FailedPrecondition when the database was written by a newer perfgate.
[[nodiscard]] Result<std::unique_ptr<Store>> OpenStore(const std::string& url,
                                                       const std::string& base_dir);

}  // namespace perfgate
