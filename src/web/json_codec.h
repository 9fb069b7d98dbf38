// The JSON form of the store's records in API answers, and the way back for the client.
//
// Times are RFC 3339 in UTC with milliseconds ("2024-05-01T12:00:00.000Z"); absent optional
// values are null. Keys keep the order written, so answers read top-down and stay stable.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "base/error.h"
#include "store/job.h"
#include "store/queue.h"

namespace perfgate {

using Json = nlohmann::ordered_json;

// The inverse of FormatTimestamp (report/format.h) (the fraction is optional); nullopt for anything
// else.
std::optional<TimePoint> ParseTimestamp(std::string_view text);

// {"id", "kind", "state", "commit", "ref", "scenarios", "base", "pull_request",
//  "requested_by", "attempts", "failure_reason", "created_at", "started_at", "finished_at",
//  "worker", "lease_expires_at", "cancel_requested"}
Json JobToJson(const Job& job);
// The inverse of JobToJson; InvalidInput naming the first missing or mistyped key.
[[nodiscard]] Result<Job> JobFromJson(const nlohmann::json& json);

Json RunToJson(const Run& run);
Json PhaseToJson(const PhaseRecord& phase);
Json HistoryPointToJson(const HistoryPoint& point);
// {"job", "commit", "series", "mean_before", "mean_after", "change", "p_value" (null when not
// finite), "detected_by", "detected_at"}
Json ChangePointToJson(const ChangePointRecord& change_point);

}  // namespace perfgate
