// The read-only views of one job and its runs: details assembled from several store calls,
// and the job's log file served by byte offset.
#pragma once

#include <cstdint>
#include <string>

#include "web/api_handler.h"
#include "web/json_codec.h"

namespace perfgate {

// Log answers carry at most this many bytes; a client follows X-Log-Offset for the rest.
inline constexpr int64_t kMaxLogChunk = 1 << 20;

// GET /api/v1/jobs/{id}: {"job", "phases", "runs", "results", "comparison"}; results are the
// per-series medians of each commit the job's runs measured; comparison is report/'s JSON of
// the stored comparison, or null.
ApiResult JobDetail(const ApiContext& context, const ApiRequest& request);

// GET /api/v1/jobs/{id}/log?offset=N (see api_routes.h).
ApiResult JobLog(const ApiContext& context, const ApiRequest& request);

// The answer to a request that queued a job: 201 with the job, "duplicate" and "superseded"
// (or 200 when an identical queued job was returned instead) and its Location.
ApiResponse EnqueuedJobResponse(const EnqueueResult& enqueued);

// The per-series medians of `run` (a succeeded one; others have no samples), as JSON.
[[nodiscard]] Result<Json> RunResults(ResultStore& store, const Run& run);

}  // namespace perfgate
