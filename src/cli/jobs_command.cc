#include <fmt/chrono.h>
#include <fmt/format.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/workspace.h"

namespace perfgate {
namespace {

std::string FormatTime(TimePoint time) {
  return fmt::format("{:%Y-%m-%d %H:%M:%S}", std::chrono::floor<std::chrono::seconds>(time));
}

std::string FormatElapsed(const Job& job) {
  if (!job.started_at) return "-";
  if (!job.finished_at) return "running";
  auto seconds = std::chrono::duration<double>(*job.finished_at - *job.started_at).count();
  return fmt::format("{:.1f}s", seconds);
}

}  // namespace

int JobsCommand(const JobsOptions& options) {
  JobFilter filter;
  filter.limit = options.limit;
  if (!options.state.empty()) {
    filter.state = ParseJobState(options.state);
    if (!filter.state) {
      PrintError(InvalidInput("unknown state `" + options.state + "`", "--state",
                              "use queued, running, succeeded, failed or cancelled"));
      return kExitError;
    }
  }
  if (!options.kind.empty()) {
    filter.kind = ParseJobKind(options.kind);
    if (!filter.kind) {
      PrintError(InvalidInput("unknown kind `" + options.kind + "`", "--kind",
                              "use baseline, test or experiment"));
      return kExitError;
    }
  }
  auto workspace = OpenWorkspace(options.config, WithRepository::kNo);
  if (!workspace) return kExitError;
  auto jobs = workspace->store->ListJobs(filter);
  if (!jobs) {
    PrintError(jobs.error());
    return kExitError;
  }
  fmt::print("{:>6}  {:<10}  {:<9}  {:<12}  {:<19}  {:>8}  {}\n", "JOB", "KIND", "STATE", "COMMIT",
             "CREATED", "TOOK", "REF / REASON");
  for (const Job& job : *jobs) {
    std::string note = job.failure_reason.empty() ? job.ref : job.failure_reason;
    fmt::print("{:>6}  {:<10}  {:<9}  {:<12}  {:<19}  {:>8}  {}\n", job.id, JobKindName(job.kind),
               JobStateName(job.state), job.commit.substr(0, 12), FormatTime(job.created_at),
               FormatElapsed(job), note);
  }
  return kExitOk;
}

}  // namespace perfgate
