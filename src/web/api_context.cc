#include "web/api_context.h"

#include <cstdlib>

namespace perfgate {
namespace {

std::string Environment(const std::string& name) {
  const char* value = name.empty() ? nullptr : std::getenv(name.c_str());
  return value == nullptr ? std::string() : std::string(value);
}

}  // namespace

ApiTokens ReadApiTokens(const Config& config) {
  return ApiTokens{Environment(config.server.api_token_env),
                   Environment(config.server.read_token_env),
                   config.github ? Environment(config.github->webhook_secret_env) : std::string()};
}

}  // namespace perfgate
