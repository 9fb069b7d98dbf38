#include "cli/api_job_access.h"

#include <utility>

namespace perfgate {

ApiJobAccess::ApiJobAccess(ApiClient api) : api_(std::move(api)) {}

Result<EnqueuedJob> ApiJobAccess::Enqueue(const EnqueueRequest& request) {
  return api_.EnqueueJob(request);
}

Result<std::vector<Job>> ApiJobAccess::ListJobs(const JobFilter& filter) {
  return api_.ListJobs(JobListQuery{.state = filter.state,
                                    .kind = filter.kind,
                                    .commit = filter.commit,
                                    .limit = filter.limit,
                                    .before = std::nullopt});
}

Result<JobView> ApiJobAccess::GetJob(JobId id) {
  auto details = api_.GetJob(id);
  if (!details) return std::unexpected(details.error());
  return JobView{.job = std::move(details->job),
                 .phases = std::move(details->phases),
                 .comparison = std::move(details->comparison)};
}

Result<LogChunk> ApiJobAccess::ReadLog(JobId id, int64_t offset) { return api_.GetLog(id, offset); }

Result<Job> ApiJobAccess::Cancel(JobId id) { return api_.CancelJob(id); }

Result<Job> ApiJobAccess::Retry(JobId id) { return api_.RetryJob(id); }

}  // namespace perfgate
