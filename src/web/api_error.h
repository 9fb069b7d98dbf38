// The error envelope of the JSON API and the one mapping from ErrorKind to HTTP status.
//
// Every error answer has the body
//   {"error": {"code": "not_found", "message": "...", "where": "...", "fix": "..."}}
// and, for invalid fields (422), "fields": [{"field": "kind", "message": "..."}], one entry per
// field, so that a client can show every problem of a request at once.
#pragma once

#include <string>
#include <vector>

#include "base/error.h"

namespace perfgate {

// HTTP statuses the API answers that no ErrorKind implies; the kind-driven ones come from
// HttpStatusFor().
inline constexpr int kStatusBadRequest = 400;        // malformed JSON or request
inline constexpr int kStatusUnauthorized = 401;      // no credentials
inline constexpr int kStatusForbidden = 403;         // wrong credentials, or none configured
inline constexpr int kStatusMethodNotAllowed = 405;  // the route exists for other methods
inline constexpr int kStatusPayloadTooLarge = 413;   // body over the server's limit
inline constexpr int kStatusUnprocessable = 422;     // valid JSON, invalid fields

// One problem with one field of a request body or query, named by its path ("scenarios[1]").
struct FieldError {
  std::string field;
  std::string message;
};

struct ApiError {
  int status = 500;
  Error error;
  std::vector<FieldError> fields;  // only for 422 answers about named fields
};

// The one place an ErrorKind becomes a status: invalid input 422, not found 404, failed
// precondition 409 (a state change the resource's state does not allow), unavailable 503,
// internal 500.
int HttpStatusFor(ErrorKind kind);

// The inverse a client needs: what kind of Error an error status stands for. 400, 413 and 422
// are invalid input; 401 and 403 a failed precondition (configure the token first); 404 not
// found; 409 failed precondition; 502-504 unavailable; anything else internal.
ErrorKind ErrorKindForStatus(int status);

// The envelope's "code": a stable snake_case name of the status, e.g. "payload_too_large".
const char* ErrorCodeForStatus(int status);

// An Error as the API answers it, with its status from HttpStatusFor().
ApiError ToApiError(Error error);

// A 422 naming every field; `where` says what was being validated (e.g. "POST /api/v1/jobs").
// The message joins the field messages as "field: message; field: message".
ApiError InvalidFields(std::vector<FieldError> fields, std::string where);

// The JSON body of an error answer (see the file comment).
std::string ErrorEnvelope(const ApiError& error);

}  // namespace perfgate
