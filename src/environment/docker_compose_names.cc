// The names a compose run is known by: its project, and the variables of its compose file.

#include <algorithm>
#include <cctype>

#include "environment/docker_compose.h"

namespace perfgate {
namespace {

std::string EnvironmentName(const std::string& variable) {
  std::string name = "PERFGATE_";
  for (char c : variable) {
    name += (c == '.' || c == '-') ? '_'
                                   : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return name;
}

}  // namespace

Result<std::map<std::string, std::string>> ComposeVariables(const TemplateVars& vars) {
  std::map<std::string, std::string> env;
  std::map<std::string, std::string> source;  // environment name -> template variable
  for (const auto& [variable, value] : vars) {
    std::string name = EnvironmentName(variable);
    if (auto [it, added] = source.emplace(name, variable); !added) {
      return std::unexpected(InvalidInput(
          "{{" + it->second + "}} and {{" + variable + "}} would both be passed to compose as " +
              name,
          "environment", "rename one of them: names that differ only in case, '.' or '-' clash"));
    }
    env.emplace(std::move(name), value);
  }
  return env;
}

std::string ComposeProjectName(const TemplateVars& vars, std::string_view suffix) {
  std::string name = "perfgate-";
  if (auto job = vars.find("job"); job != vars.end()) name += "j" + job->second + "-";
  if (auto run = vars.find("run"); run != vars.end()) name += "r" + run->second + "-";
  name += suffix;
  std::string kept;
  for (char c : name) {
    char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (std::isalnum(static_cast<unsigned char>(lower)) || lower == '-' || lower == '_') {
      kept += lower;
    }
  }
  return kept;
}

}  // namespace perfgate
