// The read-only views of jobs, shared by the JSON API and the web UI's pages: one job with
// everything recorded about it, assembled from several store calls; the filter of job lists;
// a running job's progress; and the job's log file served by byte offset.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "web/api_handler.h"
#include "web/job_progress.h"
#include "web/json_codec.h"
#include "web/sample_summary.h"

namespace perfgate {

// Log answers carry at most this many bytes; a client follows X-Log-Offset for the rest.
inline constexpr int64_t kMaxLogChunk = 1 << 20;

// Everything recorded about one job.
struct JobRecord {
  Job job;
  std::vector<PhaseRecord> phases;  // in start order
  std::vector<Run> runs;
  // The per-series summaries of each commit the job's succeeded runs measured: an interleaved
  // job measures its base too, whose summaries come first.
  std::vector<SeriesSummary> results;
  std::optional<StoredComparison> comparison;
  std::optional<JobProgress> progress;  // while the job runs
};

// NotFound for an unknown job; the store's errors otherwise.
[[nodiscard]] Result<JobRecord> LoadJobRecord(const ApiContext& context, JobId id);

// The progress of `job` when it runs (one read of its phase log); nullopt otherwise.
[[nodiscard]] Result<std::optional<JobProgress>> LoadProgress(const ApiContext& context,
                                                              const Job& job);

// The filter of GET /api/v1/jobs and of the queue page, from ?state=&kind=&commit=&branch=
// &order=&limit=&before= (an empty value is no filter); 422 naming every parameter that is not
// valid.
std::expected<JobFilter, ApiError> ParseJobFilter(const ApiRequest& request);

// A job as lists answer it: JobToJson and its "progress" (null unless it runs).
Json JobListEntry(const Job& job, const std::optional<JobProgress>& progress);

// GET /api/v1/jobs/{id}: {"job", "progress", "phases", "runs", "results", "comparison"};
// results are SeriesSummaryToJson's; comparison is report/'s JSON of the stored comparison, or
// null.
ApiResult JobDetail(const ApiContext& context, const ApiRequest& request);

// GET /api/v1/jobs/{id}/log?offset=N (see api_routes.h).
ApiResult JobLog(const ApiContext& context, const ApiRequest& request);

// The answer to a request that queued a job: 201 with the job, "duplicate" and "superseded"
// (or 200 when an identical queued job was returned instead) and its Location.
ApiResponse EnqueuedJobResponse(const EnqueueResult& enqueued);

// The per-series medians of `run` (a succeeded one; others have no samples), as JSON.
[[nodiscard]] Result<Json> RunResults(ResultStore& store, const Run& run);

}  // namespace perfgate
