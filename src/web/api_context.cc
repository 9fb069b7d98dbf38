#include "web/api_context.h"

#include <cstdlib>

namespace perfgate {
namespace {

std::string Environment(const std::string& name) {
  const char* value = name.empty() ? nullptr : std::getenv(name.c_str());
  return value == nullptr ? std::string() : std::string(value);
}

}  // namespace

ApiTokens ReadApiTokens(const ServerConfig& server) {
  return ApiTokens{Environment(server.api_token_env), Environment(server.read_token_env)};
}

}  // namespace perfgate
