#include "web/api_error.h"

#include <nlohmann/json.hpp>
#include <utility>

namespace perfgate {

int HttpStatusFor(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalidInput:
      return kStatusUnprocessable;
    case ErrorKind::kNotFound:
      return 404;
    case ErrorKind::kFailedPrecondition:
      return 409;
    case ErrorKind::kUnavailable:
      return 503;
    case ErrorKind::kInternal:
      return 500;
  }
  return 500;
}

ErrorKind ErrorKindForStatus(int status) {
  switch (status) {
    case kStatusBadRequest:
    case kStatusPayloadTooLarge:
    case kStatusUnprocessable:
      return ErrorKind::kInvalidInput;
    case kStatusUnauthorized:
    case kStatusForbidden:
    case 409:
      return ErrorKind::kFailedPrecondition;
    case 404:
      return ErrorKind::kNotFound;
    case 502:
    case 503:
    case 504:
      return ErrorKind::kUnavailable;
    default:
      return ErrorKind::kInternal;
  }
}

const char* ErrorCodeForStatus(int status) {
  switch (status) {
    case kStatusBadRequest:
      return "bad_request";
    case kStatusUnauthorized:
      return "unauthorized";
    case kStatusForbidden:
      return "forbidden";
    case 404:
      return "not_found";
    case kStatusMethodNotAllowed:
      return "method_not_allowed";
    case 409:
      return "conflict";
    case kStatusPayloadTooLarge:
      return "payload_too_large";
    case kStatusUnprocessable:
      return "invalid_fields";
    case 503:
      return "unavailable";
    default:
      return "internal";
  }
}

ApiError ToApiError(Error error) {
  int status = HttpStatusFor(error.kind);
  return ApiError{status, std::move(error), {}};
}

ApiError InvalidFields(std::vector<FieldError> fields, std::string where) {
  std::string message;
  for (const FieldError& field : fields) {
    if (!message.empty()) message += "; ";
    message += field.field + ": " + field.message;
  }
  return ApiError{kStatusUnprocessable,
                  InvalidInput(std::move(message), std::move(where),
                               "correct the fields named and send the request again"),
                  std::move(fields)};
}

std::string ErrorEnvelope(const ApiError& error) {
  nlohmann::ordered_json body = {{"code", ErrorCodeForStatus(error.status)},
                                 {"message", error.error.what},
                                 {"where", error.error.where},
                                 {"fix", error.error.fix}};
  if (!error.fields.empty()) {
    nlohmann::ordered_json fields = nlohmann::ordered_json::array();
    for (const FieldError& field : error.fields) {
      fields.push_back({{"field", field.field}, {"message", field.message}});
    }
    body["fields"] = std::move(fields);
  }
  // Messages may quote what a client sent; never throw on its invalid UTF-8.
  return nlohmann::ordered_json{{"error", std::move(body)}}.dump(
             -1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
         "\n";
}

}  // namespace perfgate
