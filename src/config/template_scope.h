// Which template variables each part of a scenario may use, checked while parsing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "config/config.h"
#include "config/yaml_field.h"

namespace perfgate {

// Where a templated string is used decides what is known when it is expanded.
enum class TemplateScope {
  kEnvironment,  // build steps, service command/env/ready/scrape: commit, run, ports, ...
  kLoad,         // load command: the above plus rate and duration
  kQuery,        // metric query: the above plus window and selector
};

// Reports each unknown or malformed variable of `text` at `field`.
void CheckTemplate(const YamlField& field, std::string_view text, TemplateScope scope);

// A non-empty string whose variables are valid in `scope`.
std::optional<std::string> ReadTemplate(const YamlField& field, TemplateScope scope,
                                        std::string fix);

// A non-empty list of non-empty strings, each valid in `scope`.
std::optional<Argv> ReadArgv(const YamlField& field, TemplateScope scope, std::string fix);

}  // namespace perfgate
