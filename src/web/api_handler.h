// A JSON API request and answer as handlers see them, free of the HTTP library, so that
// handlers are plain functions of (context, request).
#pragma once

#include <expected>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "web/api_context.h"
#include "web/api_error.h"

namespace perfgate {

struct ApiRequest {
  std::string method;
  std::string path;
  std::multimap<std::string, std::string> query;   // decoded query parameters
  std::map<std::string, std::string> path_params;  // {name} segments of the route pattern
  std::map<std::string, std::string> headers;      // names in lowercase; the first of repeats
  std::string body;

  // "METHOD PATH": the `where` of errors about this request.
  std::string Where() const { return method + " " + path; }
  // The first value of query parameter `name`, nullopt when absent.
  std::optional<std::string> Query(const std::string& name) const;
  // The value of header `name` (any case), empty when absent.
  std::string Header(const std::string& name) const;
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  // The value of the first header named `name` (as written), empty when there is none.
  std::string Header(const std::string& name) const;
};

using ApiResult = std::expected<ApiResponse, ApiError>;
using ApiHandler = std::function<ApiResult(const ApiContext&, const ApiRequest&)>;

// A 200 (or `status`) answer whose body is `json` followed by a newline.
ApiResponse JsonResponse(std::string json, int status = 200);

}  // namespace perfgate
