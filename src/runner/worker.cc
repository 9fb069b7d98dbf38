#include "runner/worker.h"

#include <signal.h>

#include <condition_variable>
#include <mutex>
#include <thread>

#include "base/logging.h"
#include "delivery/outbox_writer.h"
#include "delivery/reports.h"
#include "process/process_groups.h"
#include "report/report.h"
#include "runner/change_points.h"
#include "runner/job_journal.h"
#include "runner/job_log.h"
#include "runner/job_runner.h"
#include "runner/reaper.h"
#include "store/process_identity.h"

namespace perfgate {
namespace {

// How often a running job's cancel flag is read between lease renewals: a cancel request is
// noticed within this, whatever the lease. A read, so that the store's writes stay one per
// renewal.
constexpr Duration kCancelCheckInterval = std::chrono::seconds(1);
// How often an idle worker looks at its stop flag while it waits for a job.
constexpr Duration kIdleStep = std::chrono::milliseconds(50);

// Renews the lease of a running job until destroyed, pumps its combined log, and turns a
// cancel request, a lost lease or an abort into an interruption of the job: its process
// groups get SIGTERM and the pipeline unwinds.
class Heartbeat {
 public:
  Heartbeat(const WorkerContext& context, const Job& job, JobLog& log,
            const ProcessGroupScope& groups, const std::atomic<bool>& abort)
      : context_(context), job_(job), log_(log), groups_(groups), abort_(abort) {
    thread_ = std::thread([this] { Beat(); });
  }
  ~Heartbeat() {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }
  Heartbeat(const Heartbeat&) = delete;
  Heartbeat& operator=(const Heartbeat&) = delete;

  const std::atomic<bool>& interrupted() const { return interrupted_; }
  bool aborted() const { return aborted_; }

 private:
  void Beat() {
    // A third of the lease: two beats may be lost before another worker takes the job over.
    const Duration period = context_.config->jobs.lease / 3;
    const Duration tick = std::min<Duration>(period, std::chrono::milliseconds(250));
    auto next_renewal = std::chrono::steady_clock::now() + period;
    auto next_cancel_check = std::chrono::steady_clock::now() + kCancelCheckInterval;
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, tick, [this] { return done_; })) {
      log_.Pump();
      if (abort_ && !interrupted_) {
        aborted_ = true;
        Interrupt("perfgate is shutting down");
      }
      auto now = std::chrono::steady_clock::now();
      if (now >= next_renewal) {
        next_renewal += period;
        next_cancel_check = now + kCancelCheckInterval;
        Renew();
      } else if (now >= next_cancel_check) {
        next_cancel_check = now + kCancelCheckInterval;
        CheckCancel();
      }
    }
  }

  void Renew() {
    auto renewed = context_.store->RenewLease(job_.id, context_.id, context_.config->jobs.lease,
                                              context_.clock->Now());
    if (!renewed) {
      if (renewed.error().kind == ErrorKind::kFailedPrecondition) {
        Interrupt("the job's lease was lost: " + renewed.error().ToString());
      }
      return;  // Unavailable: the store is busy; the next beat tries again
    }
    if (renewed->cancel_requested && !interrupted_) Interrupt("cancel requested");
  }

  // An error is no answer: the store is busy, and the next check or renewal asks again.
  void CheckCancel() {
    auto job = context_.store->GetJob(job_.id);
    if (job && job->cancel_requested && !interrupted_) Interrupt("cancel requested");
  }

  void Interrupt(const std::string& why) {
    interrupted_ = true;
    int groups = groups_.Signal(SIGTERM);
    log_.Line(context_.clock->Now(), "stopping: " + why);
    Logger("worker")->info("job interrupted job={} why={} process_groups={}", job_.id, why, groups);
  }

  const WorkerContext& context_;
  const Job& job_;
  JobLog& log_;
  const ProcessGroupScope& groups_;
  const std::atomic<bool>& abort_;
  std::atomic<bool> interrupted_ = false;
  std::atomic<bool> aborted_ = false;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool done_ = false;
  std::thread thread_;
};

class NullProgress final : public ProgressListener {
 public:
  void PhaseStarted(const PhaseEvent&) override {}
  void PhaseFinished(const PhaseEvent&, const Error*) override {}
};

// The comparison, as a person reads it in a terminal, at the end of the job's log; the reason
// instead when a candidate had nothing to be compared with.
void WriteReport(const WorkerContext& context, const JobOutcome& outcome, ProgressListener& journal,
                 JobLog& job_log) {
  if (outcome.job.kind == JobKind::kBaseline) return;
  PhaseEvent event;
  event.phase = Phase::kReport;
  PhaseScope phase(journal, *context.clock, event);
  std::string text = outcome.comparison
                         ? RenderTerminal({*outcome.comparison, context.config->repository.url},
                                          /*color=*/false)
                         : "no comparison: " + outcome.no_comparison_reason + "\n";
  job_log.Line(context.clock->Now(), "report\n" + text);
}

// What GitHub and the alerts are told of a job that ended, written to the outbox: delivered
// later by the deliverer, so that their outage never changes how the job ended.
// `outcome` is null when the job ended before it ran.
void WriteEndingReports(const WorkerContext& context, const Job& job, const JobOutcome* outcome,
                        const JobEnd& end) {
  JobEnding ending{.job = job, .state = end.state, .reason = end.reason};
  if (outcome) {
    ending.comparison = outcome->comparison ? &*outcome->comparison : nullptr;
    ending.no_comparison_reason = outcome->no_comparison_reason;
  }
  WriteToOutbox(*context.store, FinalReports(*context.config, ending), context.clock->Now());
}

}  // namespace

void QueueNotifier::Notify() {
  {
    std::lock_guard lock(mutex_);
    ++notified_;
  }
  changed_.notify_all();
}

uint64_t QueueNotifier::notified() const {
  std::lock_guard lock(mutex_);
  return notified_;
}

bool QueueNotifier::WaitFor(uint64_t seen, Duration timeout) {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, timeout, [this, seen] { return notified_ != seen; });
}

Worker::Worker(WorkerContext context) : context_(std::move(context)) {}

void Worker::Run(const std::atomic<bool>& stop, const std::atomic<bool>& abort,
                 Duration poll_interval) {
  auto log = Logger("worker");
  log->info("worker started worker={}", context_.id);
  QueueNotifier* notifier = context_.notifier;
  while (!stop) {
    uint64_t seen = notifier ? notifier->notified() : 0;
    auto ran = RunOnce(abort);
    if (!ran)
      log->warn("worker round failed worker={} error={}", context_.id, ran.error().ToString());
    if (ran && *ran) continue;
    // Idle until the poll, a job queued by this process, or a stop request, which is looked
    // at in short steps so that it is honoured promptly.
    auto until = std::chrono::steady_clock::now() + poll_interval;
    while (!stop) {
      auto left = std::chrono::ceil<Duration>(until - std::chrono::steady_clock::now());
      if (left <= Duration::zero()) break;
      Duration step = std::min(left, kIdleStep);
      if (!notifier) {
        std::this_thread::sleep_for(step);
      } else if (notifier->WaitFor(seen, step)) {
        break;
      }
    }
  }
  log->info("worker stopped worker={}", context_.id);
}

Result<bool> Worker::RunOnce(const std::atomic<bool>& abort) {
  Store& store = *context_.store;
  const Config& config = *context_.config;
  auto requeued = store.RequeueExpired(config.jobs.max_attempts, context_.clock->Now());
  if (!requeued) return std::unexpected(requeued.error());
  // Leftovers exist only where a worker died: at this worker's start (its predecessor may
  // have crashed) and when a dead worker's jobs were just taken back. Not on every idle poll.
  if (!reaped_once_ || !requeued->empty()) {
    ReapOrphans(config, store, *context_.clock);
    reaped_once_ = true;
  }
  auto claimed =
      store.ClaimJob(context_.id, config.workers, config.jobs.lease, context_.clock->Now());
  if (!claimed) return std::unexpected(claimed.error());
  if (!*claimed) return false;
  if (auto ran = RunClaimed(**claimed, abort); !ran) return std::unexpected(ran.error());
  return true;
}

Result<void> Worker::RunClaimed(const Job& job, const std::atomic<bool>& abort) {
  Store& store = *context_.store;
  Clock& clock = *context_.clock;
  auto log = Logger("worker");
  log->info("job claimed job={} worker={} attempt={}", job.id, context_.id, job.attempts);
  WriteToOutbox(store, PendingReports(*context_.config, job, "running"), clock.Now());

  JobLog job_log(JobLogDir(*context_.config, job.id));
  job_log.Line(clock.Now(), "job " + std::to_string(job.id) + " (" + JobKindName(job.kind) +
                                " of " + job.commit + ") claimed by " + context_.id + ", attempt " +
                                std::to_string(job.attempts));
  // Every process group the job starts is recorded, so that a worker starting after a
  // crash can find and stop what this one left running.
  ProcessGroupScope groups(
      job.id, [this, &job](pid_t pgid, bool started, const std::string& command) {
        uint64_t start_time = ProcessStartTime(pgid);
        Result<void> recorded = started ? context_.store->RecordProcessGroup(
                                              {job.id, pgid, start_time, context_.id, command})
                                        : context_.store->ForgetProcessGroup(pgid, start_time);
        if (!recorded) {
          Logger("worker")->warn("process group not recorded job={} pgid={} error={}", job.id, pgid,
                                 recorded.error().ToString());
        }
      });
  Result<JobOutcome> outcome;
  bool aborted = false;
  bool interrupted = false;
  {
    Heartbeat heartbeat(context_, job, job_log, groups, abort);
    NullProgress quiet;
    JobJournal journal(job.id, store, job_log, context_.progress ? context_.progress : &quiet);
    if (!repository_) {
      auto opened = context_.open_repository();
      if (opened)
        repository_.emplace(std::move(*opened));
      else
        outcome = std::unexpected(opened.error().In("repository"));
    }
    if (repository_) {
      if (auto fetched = repository_->Fetch(); !fetched) {
        outcome = std::unexpected(fetched.error().In("repository"));
      } else {
        RunnerContext runner{
            context_.config,          &store, &*repository_, context_.http, &clock, &journal,
            &heartbeat.interrupted(), true};
        outcome = ExecuteJob(runner, job);
        interrupted = heartbeat.interrupted();
        if (outcome && !outcome->needs_first) WriteReport(context_, *outcome, journal, job_log);
      }
    }
    aborted = heartbeat.aborted();
  }
  job_log.Pump();
  if (aborted) {
    job_log.Line(clock.Now(), "given back to the queue: perfgate is shutting down");
    log->info("job released job={} worker={}", job.id, context_.id);
    return store.ReleaseJob(job.id, context_.id, clock.Now());
  }
  if (outcome && outcome->needs_first) return WaitForFirst(job, *outcome->needs_first, job_log);
  JobEnd end = EndOfJob(outcome, interrupted);
  job_log.Line(clock.Now(), std::string("job ") + JobStateName(end.state) +
                                (end.reason.empty() ? "" : ": " + end.reason));
  log->info("job ended job={} state={} reason={}", job.id, JobStateName(end.state), end.reason);
  auto finished = store.FinishClaimedJob(job.id, context_.id, end.state, end.reason, clock.Now());
  // A worker that lost the job leaves its report to the one that took it over.
  if (finished) WriteEndingReports(context_, job, outcome ? &*outcome : nullptr, end);
  if (finished && end.state == JobState::kSucceeded && job.kind == JobKind::kBaseline) {
    RecordChangePointsAfter(*context_.config, store, job, clock.Now());
  }
  return finished;
}

// Queues the job `job` needs first (or finds it queued already) and gives `job` back to the
// queue to wait for it.
Result<void> Worker::WaitForFirst(const Job& job, const JobRequest& first, JobLog& job_log) {
  Store& store = *context_.store;
  Clock& clock = *context_.clock;
  auto enqueued = store.Enqueue(first, clock.Now());
  if (!enqueued) {
    JobEnd end{JobState::kFailed, enqueued.error().ToString()};
    job_log.Line(clock.Now(), "job failed: " + end.reason);
    auto finished = store.FinishClaimedJob(job.id, context_.id, end.state, end.reason, clock.Now());
    if (finished) WriteEndingReports(context_, job, nullptr, end);
    return finished;
  }
  WriteToOutbox(store, PendingReports(*context_.config, job, "waiting for a baseline of its base"),
                clock.Now());
  job_log.Line(clock.Now(), "waiting for " + std::string(JobKindName(first.kind)) + " job " +
                                std::to_string(enqueued->job.id) + " of " + first.commit +
                                ": no master set of the base yet");
  Logger("worker")->info("job waits job={} for={}", job.id, enqueued->job.id);
  return store.WaitForJob(job.id, context_.id, enqueued->job.id, clock.Now());
}

}  // namespace perfgate
