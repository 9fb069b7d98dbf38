#include "cli/job_printing.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace perfgate {
namespace {

std::string Time(const std::optional<TimePoint>& time) {
  if (!time) return "-";
  return fmt::format("{:%Y-%m-%d %H:%M:%S}", std::chrono::floor<std::chrono::seconds>(*time));
}

// How long something that started at `start` took, or "running".
std::string Took(TimePoint start, const std::optional<TimePoint>& end) {
  if (!end) return "running";
  return fmt::format("{:.1f}s", std::chrono::duration<double>(*end - start).count());
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

void PrintPhases(const std::vector<PhaseRecord>& phases) {
  if (phases.empty()) return;
  fmt::print("phases\n");
  for (const PhaseRecord& phase : phases) {
    fmt::print("  {:<28} {:>8}  {}\n", PhaseLabel(phase), Took(phase.started_at, phase.finished_at),
               phase.error);
  }
}

}  // namespace

void PrintJobView(const JobView& view) {
  PrintJob(view.job);
  PrintPhases(view.phases);
  if (view.comparison) {
    fmt::print("comparison with job {}: {}\n", view.comparison->base_job, view.comparison->summary);
  }
}

void PrintJobTable(const std::vector<Job>& jobs) {
  fmt::print("{:>6}  {:<10}  {:<9}  {:<12}  {:<19}  {:>8}  {}\n", "JOB", "KIND", "STATE", "COMMIT",
             "CREATED", "TOOK", "REF / REASON");
  for (const Job& job : jobs) {
    std::string took = job.started_at ? Took(*job.started_at, job.finished_at) : "-";
    std::string note = job.failure_reason.empty() ? job.ref : job.failure_reason;
    fmt::print("{:>6}  {:<10}  {:<9}  {:<12}  {:<19}  {:>8}  {}\n", job.id, JobKindName(job.kind),
               JobStateName(job.state), job.commit.substr(0, 12), Time(job.created_at), took, note);
  }
}

}  // namespace perfgate
