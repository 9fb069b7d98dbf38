#include <algorithm>

#include "config/parse.h"

namespace perfgate {
namespace {

std::optional<std::string> ReadMaybeTemplate(const YamlField& field, std::string fix,
                                             std::optional<TemplateScope> scope) {
  if (scope) return ReadTemplate(field, *scope, std::move(fix));
  return ReadString(field, std::move(fix));
}

bool IsPort(std::string_view text) {
  if (text.contains("{{")) return true;  // a template such as {{port.api}}, checked elsewhere
  if (text.empty() || text.size() > 5) return false;
  if (!std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; })) return false;
  int port = std::stoi(std::string(text));
  return port >= 1 && port <= 65535;
}

}  // namespace

std::optional<std::string> ReadHttpUrl(const YamlField& field, std::string fix,
                                       std::optional<TemplateScope> scope) {
  auto url = ReadMaybeTemplate(field, fix, scope);
  if (!url) return std::nullopt;
  if (!url->starts_with("http://") && !url->starts_with("https://")) {
    field.Report(field.Describe() + " is not an http:// or https:// URL", std::move(fix));
    return std::nullopt;
  }
  return url;
}

std::optional<std::string> ReadHostPort(const YamlField& field, std::string fix,
                                        std::optional<TemplateScope> scope) {
  auto address = ReadMaybeTemplate(field, fix, scope);
  if (!address) return std::nullopt;
  size_t colon = address->rfind(':');
  if (colon == std::string::npos || colon == 0 || !IsPort(address->substr(colon + 1))) {
    field.Report(field.Describe() + " is not HOST:PORT", std::move(fix));
    return std::nullopt;
  }
  return address;
}

std::optional<std::string> ReadEnvVarName(const YamlField& field) {
  std::string fix = "the name of an environment variable, e.g. PERFGATE_GITHUB_TOKEN";
  auto name = ReadString(field, fix);
  if (!name) return std::nullopt;
  auto is_word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  if (!std::ranges::all_of(*name, is_word) || ((*name)[0] >= '0' && (*name)[0] <= '9')) {
    field.Report(field.Describe() + " is not an environment variable name", fix);
    return std::nullopt;
  }
  return name;
}

}  // namespace perfgate
