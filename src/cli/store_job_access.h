// JobAccess over the store of a config, opened by this process: what `--config` gives the
// job commands.
#pragma once

#include "cli/job_access.h"
#include "cli/workspace.h"

namespace perfgate {

class StoreJobAccess : public JobAccess {
 public:
  // Enqueue() resolves revisions in `workspace.repository`; without it, it fails.
  explicit StoreJobAccess(Workspace workspace);

  [[nodiscard]] Result<EnqueuedJob> Enqueue(const EnqueueRequest& request) override;
  [[nodiscard]] Result<std::vector<Job>> ListJobs(const JobFilter& filter) override;
  [[nodiscard]] Result<JobView> GetJob(JobId id) override;
  [[nodiscard]] Result<LogChunk> ReadLog(JobId id, int64_t offset) override;
  [[nodiscard]] Result<Job> Cancel(JobId id) override;
  [[nodiscard]] Result<Job> Retry(JobId id) override;

 private:
  // `changed`, once the reports its new state owes are in the outbox.
  Result<Job> Reported(Result<Job> changed);

  Workspace workspace_;
};

}  // namespace perfgate
