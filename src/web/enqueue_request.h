// The body of POST /api/v1/jobs:
//   {"commit": REV, "kind": "experiment"|"baseline"|"test",
//    "scenarios": [NAME, ...], "base": REV, "pull_request": N}
// commit and kind are required; the others optional. Revisions are what a person writes
// (branch, tag, short SHA); the handler resolves them to full SHAs.
#pragma once

#include <expected>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "config/config.h"
#include "store/job.h"
#include "web/api_error.h"
#include "web/json_codec.h"

namespace perfgate {

struct EnqueueRequest {
  JobKind kind = JobKind::kExperiment;
  std::string commit;                  // a revision
  std::vector<std::string> scenarios;  // empty: every scenario of the config
  std::string base;                    // a revision; empty: the runner picks the base
  std::optional<int> pull_request;
};

Json EnqueueRequestToJson(const EnqueueRequest& request);

// Validates every field at once and names each problem by its path: a body that is not an
// object, unknown keys, commit missing or not a revision, kind not one of the three, scenarios
// not unique names of `scenarios`, base on a baseline job, pull_request not a positive integer.
std::expected<EnqueueRequest, std::vector<FieldError>> ParseEnqueueRequest(
    const nlohmann::json& body, std::span<const ScenarioConfig> scenarios);

}  // namespace perfgate
