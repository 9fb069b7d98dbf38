// enqueue, show, logs, cancel and retry against the store named in the config.
#include <fmt/chrono.h>
#include <fmt/format.h>

#include <fstream>
#include <thread>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/workspace.h"
#include "report/format.h"
#include "report/report.h"
#include "runner/job_log.h"

namespace perfgate {
namespace {

constexpr auto kFollowInterval = std::chrono::milliseconds(500);

// The job named on the command line, or an error printed and nullopt.
std::optional<Job> JobArgument(Workspace& workspace, const std::string& text) {
  auto job = FindJob(workspace, text);
  if (!job) {
    PrintError(job.error().In("job " + text));
    return std::nullopt;
  }
  return *job;
}

std::string Time(const std::optional<TimePoint>& time) {
  if (!time) return "-";
  return fmt::format("{:%Y-%m-%d %H:%M:%S}", std::chrono::floor<std::chrono::seconds>(*time));
}

void PrintJob(const Job& job) {
  fmt::print("job {}  {}  {}\n", job.id, JobKindName(job.kind), JobStateName(job.state));
  fmt::print("  commit     {} ({})\n", job.commit, job.ref);
  if (!job.base_commit.empty()) fmt::print("  base       {}\n", job.base_commit);
  if (job.pull_request) fmt::print("  pull       #{}\n", *job.pull_request);
  fmt::print("  requested  {} by {}\n", Time(job.created_at),
             job.requested_by.empty() ? "-" : job.requested_by);
  fmt::print("  started    {}  attempts {}\n", Time(job.started_at), job.attempts);
  fmt::print("  finished   {}\n", Time(job.finished_at));
  if (!job.worker.empty()) fmt::print("  worker     {}\n", job.worker);
  if (!job.failure_reason.empty()) fmt::print("  reason     {}\n", job.failure_reason);
}

}  // namespace

int EnqueueCommand(const EnqueueOptions& options) {
  auto kind = ParseJobKind(options.kind);
  if (!kind) {
    PrintError(InvalidInput("unknown kind `" + options.kind + "`", "--kind",
                            "use baseline, test or experiment"));
    return kExitError;
  }
  auto workspace = OpenWorkspace(options.config, WithRepository::kYes);
  if (!workspace) return kExitError;
  JobRequest request;
  request.kind = *kind;
  request.ref = options.commit;
  request.scenarios = options.scenarios;
  request.requested_by = "cli";
  auto commit = workspace->repository->Resolve(options.commit);
  if (!commit) {
    PrintError(commit.error().In("--commit"));
    return kExitError;
  }
  request.commit = *commit;
  if (!options.base.empty()) {
    auto base = workspace->repository->Resolve(options.base);
    if (!base) {
      PrintError(base.error().In("--base"));
      return kExitError;
    }
    request.base_commit = *base;
  }
  auto enqueued = workspace->store->Enqueue(request, SystemClock().Now());
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
  auto workspace = OpenWorkspace(options.config, WithRepository::kNo);
  if (!workspace) return kExitError;
  auto job = JobArgument(*workspace, options.job);
  if (!job) return kExitError;
  PrintJob(*job);
  auto phases = workspace->store->ListPhases(job->id);
  if (phases && !phases->empty()) {
    fmt::print("phases\n");
    for (const PhaseRecord& phase : *phases) {
      std::string took = "running";
      if (phase.finished_at) {
        took = fmt::format(
            "{:.1f}s",
            std::chrono::duration<double>(*phase.finished_at - phase.started_at).count());
      }
      std::string name = (phase.scenario.empty() ? "" : phase.scenario + " ") + phase.phase +
                         (phase.repetition >= 0 ? " " + std::to_string(phase.repetition + 1) : "");
      fmt::print("  {:<28} {:>8}  {}\n", name, took, phase.error);
    }
  }
  auto comparison = workspace->store->LoadComparison(job->id);
  if (comparison && *comparison) {
    fmt::print("comparison with job {}: {}\n", (*comparison)->base_job,
               Summary((*comparison)->comparison));
  }
  return kExitOk;
}

int LogsCommand(const JobCommandOptions& options) {
  auto workspace = OpenWorkspace(options.config, WithRepository::kNo);
  if (!workspace) return kExitError;
  auto job = JobArgument(*workspace, options.job);
  if (!job) return kExitError;
  std::string path = JobLogPath(workspace->config, job->id);
  std::streamoff offset = 0;
  while (true) {
    std::ifstream in(path, std::ios::binary);
    in.seekg(offset);
    std::string fresh((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    offset += static_cast<std::streamoff>(fresh.size());
    fmt::print("{}", fresh);
    std::fflush(stdout);
    if (!options.follow) break;
    auto now = workspace->store->GetJob(job->id);
    if (!now) {
      PrintError(now.error());
      return kExitError;
    }
    bool ended = now->state != JobState::kQueued && now->state != JobState::kRunning;
    if (ended && fresh.empty()) break;  // one last read after the end, then stop
    std::this_thread::sleep_for(kFollowInterval);
  }
  return kExitOk;
}

int CancelCommand(const JobCommandOptions& options) {
  auto workspace = OpenWorkspace(options.config, WithRepository::kNo);
  if (!workspace) return kExitError;
  auto job = JobArgument(*workspace, options.job);
  if (!job) return kExitError;
  auto cancelled = workspace->store->RequestCancel(job->id, SystemClock().Now());
  if (!cancelled) {
    PrintError(cancelled.error().In("job " + options.job));
    return kExitError;
  }
  fmt::print("job {}: {}\n", cancelled->id,
             cancelled->state == JobState::kCancelled ? "cancelled"
                                                      : "cancel requested (stops within seconds)");
  return kExitOk;
}

int RetryCommand(const JobCommandOptions& options) {
  auto workspace = OpenWorkspace(options.config, WithRepository::kNo);
  if (!workspace) return kExitError;
  auto job = JobArgument(*workspace, options.job);
  if (!job) return kExitError;
  auto retried = workspace->store->Retry(job->id, SystemClock().Now());
  if (!retried) {
    PrintError(retried.error().In("job " + options.job));
    return kExitError;
  }
  fmt::print("job {} queued: a retry of job {}\n", retried->id, job->id);
  return kExitOk;
}

}  // namespace perfgate
