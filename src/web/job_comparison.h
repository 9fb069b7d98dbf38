// Any two jobs compared on request, as GET /api/v1/comparisons answers it and the compare page
// shows it: each side named by a job id or a revision, the head's samples against the base's.
#pragma once

#include <expected>
#include <string>

#include "store/store.h"
#include "web/api_context.h"
#include "web/api_error.h"
#include "web/api_handler.h"

namespace perfgate {

// The job the request's parameter `side` ("base" or "head") names: a job id (digits only), or
// a revision whose newest succeeded job is taken. 422 when it is missing or names no revision
// of the repository, 404 when no such job (or none measured that revision).
std::expected<Job, ApiError> ComparedJob(const ApiContext& context, const ApiRequest& request,
                                         const std::string& side);

// Every sample of `head` against every sample of `base`, window by window as stored mode
// compares them (the two jobs were not measured pair by pair), at the config's analysis level.
// Made now, not stored; created_at is the clock's now.
[[nodiscard]] Result<StoredComparison> CompareJobs(const ApiContext& context, const Job& base,
                                                   const Job& head);

}  // namespace perfgate
