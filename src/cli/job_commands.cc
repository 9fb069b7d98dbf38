// enqueue, show, logs, cancel and retry, against a store or a server alike (job_access.h).
#include <fmt/format.h>

#include <functional>
#include <thread>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/job_argument.h"
#include "cli/job_printing.h"

namespace perfgate {
namespace {

constexpr auto kFollowInterval = std::chrono::milliseconds(500);

// Opens the jobs of `options`, finds the job it names and runs `action` on it; an error on
// the way is printed with the job as written on the command line.
int OnJob(const JobCommandOptions& options,
          const std::function<Result<void>(JobAccess&, JobId)>& action) {
  std::unique_ptr<JobAccess> jobs = OpenJobAccess(options.source, WithRepository::kNo);
  if (!jobs) return kExitError;
  auto id = FindJobId(options.job, [&](const JobFilter& filter) { return jobs->ListJobs(filter); });
  Result<void> done = id ? action(*jobs, *id) : std::unexpected(id.error());
  if (!done) {
    PrintError(done.error().In("job " + options.job));
    return kExitError;
  }
  return kExitOk;
}

bool Ended(JobState state) { return state != JobState::kQueued && state != JobState::kRunning; }

// Prints the log from its start; with `follow`, until the job has ended and every byte it
// wrote has been printed.
Result<void> PrintLog(JobAccess& jobs, JobId id, bool follow) {
  int64_t offset = 0;
  while (true) {
    auto chunk = jobs.ReadLog(id, offset);
    if (!chunk) return std::unexpected(chunk.error());
    fmt::print("{}", chunk->text);
    std::fflush(stdout);
    offset = chunk->next_offset;
    // A server answers in chunks: what is there already is printed before waiting.
    if (!chunk->text.empty()) continue;
    if (!follow || Ended(chunk->state)) return {};
    std::this_thread::sleep_for(kFollowInterval);
  }
}

}  // namespace

int EnqueueCommand(const EnqueueOptions& options) {
  auto kind = ParseJobKind(options.kind);
  if (!kind) {
    PrintError(InvalidInput("unknown kind `" + options.kind + "`", "--kind",
                            "use baseline, test or experiment"));
    return kExitError;
  }
  std::unique_ptr<JobAccess> jobs = OpenJobAccess(options.source, WithRepository::kYes);
  if (!jobs) return kExitError;
  auto enqueued = jobs->Enqueue(EnqueueRequest{.kind = *kind,
                                               .commit = options.commit,
                                               .scenarios = options.scenarios,
                                               .base = options.base,
                                               .pull_request = std::nullopt});
  if (!enqueued) {
    PrintError(enqueued.error());
    return kExitError;
  }
  fmt::print("job {} {}: {} of {}\n", enqueued->job.id,
             enqueued->duplicate ? "already queued" : "queued", JobKindName(enqueued->job.kind),
             enqueued->job.commit);
  return kExitOk;
}

int ShowCommand(const JobCommandOptions& options) {
  return OnJob(options, [](JobAccess& jobs, JobId id) -> Result<void> {
    auto view = jobs.GetJob(id);
    if (!view) return std::unexpected(view.error());
    PrintJobView(*view);
    return {};
  });
}

int LogsCommand(const JobCommandOptions& options) {
  return OnJob(options,
               [&](JobAccess& jobs, JobId id) { return PrintLog(jobs, id, options.follow); });
}

int CancelCommand(const JobCommandOptions& options) {
  return OnJob(options, [](JobAccess& jobs, JobId id) -> Result<void> {
    auto cancelled = jobs.Cancel(id);
    if (!cancelled) return std::unexpected(cancelled.error());
    fmt::print("job {}: {}\n", cancelled->id,
               cancelled->state == JobState::kCancelled
                   ? "cancelled"
                   : "cancel requested (stops within seconds)");
    return {};
  });
}

int RetryCommand(const JobCommandOptions& options) {
  return OnJob(options, [](JobAccess& jobs, JobId id) -> Result<void> {
    auto retried = jobs.Retry(id);
    if (!retried) return std::unexpected(retried.error());
    fmt::print("job {} queued: a retry of job {}\n", retried->id, id);
    return {};
  });
}

}  // namespace perfgate
