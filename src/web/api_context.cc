#include "web/api_context.h"

#include <cstdlib>

namespace perfgate {
namespace {

std::string Environment(const std::string& name) {
  const char* value = name.empty() ? nullptr : std::getenv(name.c_str());
  return value == nullptr ? std::string() : std::string(value);
}

}  // namespace

std::map<std::string, std::string> CommitSubjects(const ApiContext& context,
                                                  const std::vector<std::string>& commits) {
  if (!context.commit_subjects || commits.empty()) return {};
  auto subjects = context.commit_subjects(commits);
  return subjects ? std::move(*subjects) : std::map<std::string, std::string>();
}

ApiTokens ReadApiTokens(const Config& config) {
  return ApiTokens{Environment(config.server.api_token_env),
                   Environment(config.server.read_token_env),
                   config.github ? Environment(config.github->webhook_secret_env) : std::string()};
}

}  // namespace perfgate
