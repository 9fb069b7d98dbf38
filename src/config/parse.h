// The section readers behind ParseConfig, one file per part of the document. Each reads a
// YamlField into the typed config, keeping defaults for absent keys and reporting every
// problem to the field's ErrorList.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "config/template_scope.h"
#include "config/yaml_field.h"

namespace perfgate {

// workers, jobs, analysis, server, github, alerts (parse_server.cc).
void ReadServerSections(const YamlField& document, Config* config);

// The `scenarios` list (parse_scenario.cc).
void ReadScenarios(const YamlField& field, std::vector<ScenarioConfig>* scenarios);

// One scenario's `environment` (parse_environment.cc).
void ReadEnvironment(const YamlField& field, EnvironmentConfig* environment);

// Value formats shared by several sections (field_formats.cc). With a `scope`, the value
// may hold template variables of that scope.
std::optional<std::string> ReadHttpUrl(const YamlField& field, std::string fix,
                                       std::optional<TemplateScope> scope = std::nullopt);
std::optional<std::string> ReadHostPort(const YamlField& field, std::string fix,
                                        std::optional<TemplateScope> scope = std::nullopt);
// The name of an environment variable ([A-Za-z_][A-Za-z0-9_]*), e.g. PERFGATE_GITHUB_TOKEN.
std::optional<std::string> ReadEnvVarName(const YamlField& field);

}  // namespace perfgate
