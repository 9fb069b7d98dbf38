// Bearer-token checks of the JSON API.
//
// Writes (POST) need `Authorization: Bearer <api_token>`; reads need a token only when a
// read token is configured, and then accept the read token or the api token. Tokens are
// compared in constant time so that response timing does not reveal how much of a guess
// was right.
#pragma once

#include <optional>
#include <string_view>

#include "web/api_context.h"
#include "web/api_error.h"

namespace perfgate {

enum class Access {
  kPublic,  // no token ever (health checks)
  kRead,
  kWrite,
};

// nullopt when the request may proceed (always for kPublic); otherwise 401 when it carries no
// bearer token, and 403 when the token is wrong or, for writes, when the server has no api token
// configured (the fix names the variable to set). `authorization` is the header's value, empty when
// absent. Messages never contain a token.
std::optional<ApiError> Authorize(Access access, std::string_view authorization,
                                  const ApiContext& context);

// Constant-time equality for secrets of possibly different lengths (only the length leaks).
bool TokensEqual(std::string_view a, std::string_view b);

}  // namespace perfgate
