// JobAccess over a running server's REST API: what `--server URL` gives the job commands.
// The server resolves revisions and owns the store; its error answers come back as the
// server's what, where and fix (api_client.h).
#pragma once

#include "cli/job_access.h"
#include "web/api_client.h"

namespace perfgate {

class ApiJobAccess : public JobAccess {
 public:
  explicit ApiJobAccess(ApiClient api);

  [[nodiscard]] Result<EnqueuedJob> Enqueue(const EnqueueRequest& request) override;
  [[nodiscard]] Result<std::vector<Job>> ListJobs(const JobFilter& filter) override;
  [[nodiscard]] Result<JobView> GetJob(JobId id) override;
  [[nodiscard]] Result<LogChunk> ReadLog(JobId id, int64_t offset) override;
  [[nodiscard]] Result<Job> Cancel(JobId id) override;
  [[nodiscard]] Result<Job> Retry(JobId id) override;

 private:
  ApiClient api_;
};

}  // namespace perfgate
