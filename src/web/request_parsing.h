// What handlers read from a request, each failure already an API error: ids in the path,
// numbers in the query, a JSON body.
#pragma once

#include <cstdint>
#include <expected>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "base/error.h"
#include "web/api_error.h"
#include "web/api_handler.h"

namespace perfgate {

// The {name} path segment as a positive id; 404 naming `what` ("job", "run") otherwise,
// since no such resource can exist.
std::expected<int64_t, ApiError> PathId(const ApiRequest& request, const std::string& name,
                                        const std::string& what);

// Query parameter `name` as an integer in [min, max]; `fallback` when absent; 422 naming the
// parameter when it is not such a number.
std::expected<int64_t, ApiError> QueryInteger(const ApiRequest& request, const std::string& name,
                                              int64_t min, int64_t max, int64_t fallback);

// An integer in [min, max] written in decimal, nothing else; nullopt otherwise.
std::optional<int64_t> ParseInteger(const std::string& text, int64_t min, int64_t max);

// The body as JSON; 400 when it is empty or not JSON (the message gives the parser's
// position), so that a client learns where its document broke.
std::expected<nlohmann::json, ApiError> JsonBody(const ApiRequest& request);

// A store or service Error as the API answers it, with `where` prefixed by the request.
ApiError FromError(const ApiRequest& request, Error error);

}  // namespace perfgate
