// The override file through which perfgate labels the containers of a run: compose v1 has no
// `--label` for `up`, and an override file works the same with every compose version.

#include <yaml-cpp/yaml.h>

#include "environment/docker_compose_project.h"

namespace perfgate {

Result<std::string> LabelOverride(const std::string& compose_text,
                                  const std::vector<std::string>& services,
                                  const std::map<std::string, std::string>& labels) {
  YAML::Node version;
  try {
    YAML::Node compose = YAML::Load(compose_text);
    if (!compose.IsMap()) {
      return std::unexpected(InvalidInput("the compose file is not a YAML map", {},
                                          "write a compose file with a `services` map"));
    }
    version = compose["version"];
  } catch (const YAML::Exception& error) {
    return std::unexpected(InvalidInput("the compose file is not valid YAML: " + error.msg, {},
                                        "fix the compose file (`docker-compose config` shows "
                                        "what compose reads)"));
  }
  YAML::Emitter out;
  out << YAML::BeginMap;
  if (version.IsScalar())
    out << YAML::Key << "version" << YAML::Value << YAML::DoubleQuoted << version.Scalar();
  out << YAML::Key << "services" << YAML::Value << YAML::BeginMap;
  for (const std::string& service : services) {
    out << YAML::Key << service << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "labels" << YAML::Value << YAML::BeginMap;
    for (const auto& [name, value] : labels) {
      out << YAML::Key << name << YAML::Value << YAML::DoubleQuoted << value;
    }
    out << YAML::EndMap << YAML::EndMap;
  }
  out << YAML::EndMap << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

}  // namespace perfgate
