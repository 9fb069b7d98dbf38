// The decoding of a response of Prometheus' /api/v1/query, kept apart from the HTTP call so
// that every shape Prometheus can answer with is tested without a server.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "prometheus/client.h"

namespace perfgate {

// Decodes the reply of an instant query. `where` names the request in errors (URL and
// query). A vector gives one QueryValue per series; a scalar one without labels; values keep
// NaN and ±Inf. Errors:
//   - status "error" (Prometheus answers 400/422 for a bad query): InvalidInput carrying
//     Prometheus' errorType and message;
//   - HTTP 5xx: Unavailable;
//   - a matrix or string result: InvalidInput, an instant vector or scalar is required;
//   - a body that is not Prometheus' JSON envelope: Internal.
[[nodiscard]] Result<std::vector<QueryValue>> ParseQueryResponse(int http_status,
                                                                 std::string_view body,
                                                                 const std::string& where);

}  // namespace perfgate
