#include "config/template_scope.h"

#include <algorithm>
#include <vector>

#include "config/suggest.h"
#include "config/template.h"

namespace perfgate {
namespace {

constexpr std::string_view kPortPrefix = "port.";

std::vector<std::string_view> AllowedNames(TemplateScope scope) {
  std::vector<std::string_view> names = {"commit", "short_commit", "job",
                                         "run",    "workdir",      "port.NAME"};
  if (scope == TemplateScope::kLoad || scope == TemplateScope::kQuery) {
    names.insert(names.end(), {"rate", "duration"});
  }
  if (scope == TemplateScope::kQuery) names.insert(names.end(), {"window", "selector"});
  return names;
}

bool IsPortName(std::string_view name) {
  return !name.empty() && std::ranges::all_of(name, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

bool IsAllowed(std::string_view name, const std::vector<std::string_view>& allowed) {
  if (name.starts_with(kPortPrefix)) return IsPortName(name.substr(kPortPrefix.size()));
  return std::ranges::find(allowed, name) != allowed.end();
}

}  // namespace

void CheckTemplate(const YamlField& field, std::string_view text, TemplateScope scope) {
  auto names = ParseTemplateVariables(text);
  if (!names) {
    field.Report(names.error().what, names.error().fix);
    return;
  }
  std::vector<std::string_view> allowed = AllowedNames(scope);
  for (const std::string& name : *names) {
    if (IsAllowed(name, allowed)) continue;
    std::string what =
        "unknown template variable {{" + name + "}}; allowed here: " + JoinNames(allowed);
    if (name.starts_with(kPortPrefix)) {
      field.Report(std::move(what), "a port name uses only letters, digits, _ and -");
      continue;
    }
    if (IsAllowed(name, AllowedNames(TemplateScope::kQuery))) {
      field.Report(std::move(what), name == "rate" || name == "duration"
                                        ? "it is set only in load.command and metric queries"
                                        : "it is set only in metric queries");
      continue;
    }
    auto closest = ClosestName(name, allowed);
    field.Report(std::move(what), closest ? "did you mean {{" + *closest + "}}?"
                                          : "use one of the allowed variables");
  }
}

std::optional<std::string> ReadTemplate(const YamlField& field, TemplateScope scope,
                                        std::string fix) {
  auto text = ReadString(field, std::move(fix));
  if (text) CheckTemplate(field, *text, scope);
  return text;
}

std::optional<Argv> ReadArgv(const YamlField& field, TemplateScope scope, std::string fix) {
  auto argv = ReadStringList(field, /*non_empty=*/true, std::move(fix));
  if (!argv) return std::nullopt;
  std::vector<YamlField> items = field.Items();
  for (size_t i = 0; i < argv->size(); ++i) CheckTemplate(items[i], (*argv)[i], scope);
  return argv;
}

}  // namespace perfgate
