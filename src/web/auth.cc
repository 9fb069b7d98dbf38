#include "web/auth.h"

#include <openssl/crypto.h>
#include <strings.h>

#include <string>

namespace perfgate {
namespace {

constexpr std::string_view kBearer = "Bearer ";

// The token of a "Bearer <token>" header (the scheme is case-insensitive, RFC 7235);
// nullopt for no header or another scheme.
std::optional<std::string_view> BearerToken(std::string_view authorization) {
  if (authorization.size() <= kBearer.size() ||
      strncasecmp(authorization.data(), kBearer.data(), kBearer.size()) != 0) {
    return std::nullopt;
  }
  std::string_view token = authorization.substr(kBearer.size());
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
  if (token.empty()) return std::nullopt;
  return token;
}

ApiError Refuse(int status, std::string what, std::string fix) {
  return ApiError{
      status, FailedPrecondition(std::move(what), "Authorization header", std::move(fix)), {}};
}

}  // namespace

bool TokensEqual(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::optional<ApiError> Authorize(Access access, std::string_view authorization,
                                  const ApiContext& context) {
  const std::string& api_token_env = context.config->server.api_token_env;
  if (access == Access::kPublic) return std::nullopt;
  if (access == Access::kRead && context.read_token.empty()) return std::nullopt;
  if (access == Access::kWrite && context.api_token.empty()) {
    return Refuse(kStatusForbidden, "this server accepts no changes: it has no api token",
                  "set the environment variable " + api_token_env +
                      " (server.api_token_env) for the server and restart it");
  }
  std::optional<std::string_view> token = BearerToken(authorization);
  if (!token) {
    return Refuse(
        kStatusUnauthorized, "the request carries no bearer token",
        "send the header `Authorization: Bearer <token>` with the token of $" +
            (access == Access::kWrite ? api_token_env : context.config->server.read_token_env));
  }
  bool accepted = TokensEqual(*token, context.api_token) ||
                  (access == Access::kRead && TokensEqual(*token, context.read_token));
  if (!accepted) {
    return Refuse(
        kStatusForbidden, "the bearer token is not accepted",
        "use the token the server reads from $" +
            (access == Access::kWrite ? api_token_env : context.config->server.read_token_env));
  }
  return std::nullopt;
}

}  // namespace perfgate
