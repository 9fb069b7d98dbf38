#include "cli/store_job_access.h"

#include <fstream>
#include <iterator>
#include <utility>

#include "delivery/outbox_writer.h"
#include "delivery/reports.h"
#include "report/report.h"
#include "runner/job_log.h"

namespace perfgate {

StoreJobAccess::StoreJobAccess(Workspace workspace) : workspace_(std::move(workspace)) {}

Result<EnqueuedJob> StoreJobAccess::Enqueue(const EnqueueRequest& request) {
  if (!workspace_.repository) {
    return std::unexpected(Internal("the repository is not open", "enqueue",
                                    "open the workspace WithRepository::kYes"));
  }
  JobRequest job{.kind = request.kind,
                 .commit = {},
                 .ref = request.commit,
                 .scenarios = request.scenarios,
                 .base_commit = {},
                 .pull_request = request.pull_request,
                 .requested_by = "cli"};
  auto commit = workspace_.repository->Resolve(request.commit);
  if (!commit) return std::unexpected(commit.error().In("--commit"));
  job.commit = *commit;
  if (!request.base.empty()) {
    auto base = workspace_.repository->Resolve(request.base);
    if (!base) return std::unexpected(base.error().In("--base"));
    job.base_commit = *base;
  }
  TimePoint now = SystemClock().Now();
  auto enqueued = workspace_.store->Enqueue(job, now);
  if (!enqueued) return std::unexpected(enqueued.error());
  if (!enqueued->duplicate) {
    WriteToOutbox(*workspace_.store, QueueChangeReports(workspace_.config, enqueued->job), now);
  }
  return EnqueuedJob{std::move(enqueued->job), enqueued->duplicate};
}

Result<std::vector<Job>> StoreJobAccess::ListJobs(const JobFilter& filter) {
  return workspace_.store->ListJobs(filter);
}

Result<JobView> StoreJobAccess::GetJob(JobId id) {
  auto job = workspace_.store->GetJob(id);
  if (!job) return std::unexpected(job.error());
  auto phases = workspace_.store->ListPhases(id);
  if (!phases) return std::unexpected(phases.error());
  auto stored = workspace_.store->LoadComparison(id);
  if (!stored) return std::unexpected(stored.error());
  JobView view{.job = std::move(*job), .phases = std::move(*phases), .comparison = {}};
  if (*stored) {
    view.comparison = ComparisonHeadline{(*stored)->base_job, Summary((*stored)->comparison)};
  }
  return view;
}

Result<LogChunk> StoreJobAccess::ReadLog(JobId id, int64_t offset) {
  // The state first, as the server reads it (JobLog in web/job_views.h): bytes read after a
  // final state are all the log will ever have.
  auto job = workspace_.store->GetJob(id);
  if (!job) return std::unexpected(job.error());
  LogChunk chunk{.text = {}, .next_offset = offset, .state = job->state};
  // No file yet (the job has not started) reads as empty.
  std::ifstream log(JobLogPath(workspace_.config, id), std::ios::binary);
  if (log && log.seekg(offset)) {
    chunk.text.assign(std::istreambuf_iterator<char>(log), std::istreambuf_iterator<char>());
  }
  chunk.next_offset += static_cast<int64_t>(chunk.text.size());
  return chunk;
}

Result<Job> StoreJobAccess::Cancel(JobId id) {
  return Reported(workspace_.store->RequestCancel(id, SystemClock().Now()));
}

Result<Job> StoreJobAccess::Retry(JobId id) {
  return Reported(workspace_.store->Retry(id, SystemClock().Now()));
}

Result<Job> StoreJobAccess::Reported(Result<Job> changed) {
  if (changed) {
    WriteToOutbox(*workspace_.store, QueueChangeReports(workspace_.config, *changed),
                  SystemClock().Now());
  }
  return changed;
}

}  // namespace perfgate
