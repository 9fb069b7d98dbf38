// Template variables in argv elements, env values, URLs and PromQL: "{{port.api}}".
//
// Expansion is plain text substitution into one string at a time; the result is never given
// to a shell, so a value cannot inject arguments or commands.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "config/config.h"

namespace perfgate {

// Variable name -> value: "commit", "short_commit", "run", "workdir", "port.api", "rate",
// "duration", "window", "selector".
using TemplateVars = std::map<std::string, std::string>;

// Replaces every {{name}} (spaces inside the braces allowed: {{ name }}). An unknown name
// or an unclosed "{{" is an InvalidInput error naming it. "{ {{selector}} }" is fine: only
// a double brace opens a variable.
[[nodiscard]] Result<std::string> ExpandTemplate(std::string_view text, const TemplateVars& vars);
[[nodiscard]] Result<Argv> ExpandArgv(const Argv& argv, const TemplateVars& vars);

// The variable names `text` refers to, in order of appearance (for validation).
std::vector<std::string> TemplateVariableNames(std::string_view text);

// The same, but a malformed variable (unclosed "{{", empty "{{}}") is an InvalidInput error
// instead of the end of the list.
[[nodiscard]] Result<std::vector<std::string>> ParseTemplateVariables(std::string_view text);

}  // namespace perfgate
