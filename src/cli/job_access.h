// How the job commands (enqueue, jobs, show, logs, cancel, retry) reach jobs: the store of a
// config directly (store_job_access.h) or a running server's REST API (api_job_access.h).
// Which one a command gets is decided once, from its options (job_source.h); the commands and
// their printing are the same for both.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/error.h"
#include "store/job.h"
#include "store/queue.h"
#include "web/api_client.h"

namespace perfgate {

// What `perfgate show` prints of a job.
struct JobView {
  Job job;
  std::vector<PhaseRecord> phases;
  std::optional<ComparisonHeadline> comparison;  // none until the job has been compared
};

class JobAccess {
 public:
  virtual ~JobAccess() = default;

  // Queues a job; the request's revisions are resolved to full SHAs by whoever queues it.
  [[nodiscard]] virtual Result<EnqueuedJob> Enqueue(const EnqueueRequest& request) = 0;
  // Newest first.
  [[nodiscard]] virtual Result<std::vector<Job>> ListJobs(const JobFilter& filter) = 0;
  [[nodiscard]] virtual Result<JobView> GetJob(JobId id) = 0;
  // The job's combined log from byte `offset`, with the job's state read before the log, so
  // that an empty text with a final state means the log is complete.
  [[nodiscard]] virtual Result<LogChunk> ReadLog(JobId id, int64_t offset) = 0;
  [[nodiscard]] virtual Result<Job> Cancel(JobId id) = 0;
  // The new job that repeats `id`.
  [[nodiscard]] virtual Result<Job> Retry(JobId id) = 0;
};

}  // namespace perfgate
