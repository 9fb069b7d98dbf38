#include "web/request_parsing.h"

#include <charconv>
#include <utility>

namespace perfgate {

std::optional<int64_t> ParseInteger(const std::string& text, int64_t min, int64_t max) {
  int64_t value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || value < min || value > max) {
    return std::nullopt;
  }
  return value;
}

std::expected<int64_t, ApiError> PathId(const ApiRequest& request, const std::string& name,
                                        const std::string& what) {
  auto it = request.path_params.find(name);
  std::string text = it == request.path_params.end() ? std::string() : it->second;
  std::optional<int64_t> id = ParseInteger(text, 1, INT64_MAX);
  if (!id) {
    return std::unexpected(
        ToApiError(NotFound("no " + what + " has the id \"" + text + "\"", request.Where(),
                            what + " ids are positive integers")));
  }
  return *id;
}

std::expected<int64_t, ApiError> QueryInteger(const ApiRequest& request, const std::string& name,
                                              int64_t min, int64_t max, int64_t fallback) {
  std::optional<std::string> text = request.Query(name);
  if (!text) return fallback;
  std::optional<int64_t> value = ParseInteger(*text, min, max);
  if (!value) {
    return std::unexpected(InvalidFields(
        {{name, "must be an integer from " + std::to_string(min) + " to " + std::to_string(max)}},
        request.Where()));
  }
  return *value;
}

std::expected<nlohmann::json, ApiError> JsonBody(const ApiRequest& request) {
  std::string fix = "send a JSON object with Content-Type: application/json";
  if (request.body.empty()) {
    return std::unexpected(ApiError{
        kStatusBadRequest,
        InvalidInput("the request has no body", request.Where(), fix + " and its Content-Length"),
        {}});
  }
  try {
    return nlohmann::json::parse(request.body);
  } catch (const nlohmann::json::exception& e) {
    return std::unexpected(
        ApiError{kStatusBadRequest,
                 InvalidInput(std::string("malformed JSON: ") + e.what(), request.Where(), fix),
                 {}});
  }
}

ApiError FromError(const ApiRequest& request, Error error) {
  return ToApiError(std::move(error).In(request.Where()));
}

}  // namespace perfgate
