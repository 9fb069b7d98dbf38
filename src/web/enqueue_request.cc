#include "web/enqueue_request.h"

#include <algorithm>
#include <array>
#include <limits>
#include <string_view>

namespace perfgate {
namespace {

constexpr std::array<std::string_view, 5> kFields = {"commit", "kind", "scenarios", "base",
                                                     "pull_request"};
constexpr size_t kMaxRevisionLength = 255;

std::string Join(const std::vector<std::string>& names) {
  std::string joined;
  for (const std::string& name : names) joined += (joined.empty() ? "" : ", ") + name;
  return joined;
}

// A revision as git could name it: not empty, short, without spaces or control characters
// (which also keeps it harmless in logs and in git's argv).
std::optional<std::string> CheckRevision(const nlohmann::json& value) {
  if (!value.is_string()) return "must be a string naming a revision, e.g. \"main\"";
  const std::string& text = value.get_ref<const std::string&>();
  if (text.empty()) return "must not be empty";
  if (text.size() > kMaxRevisionLength) return "is longer than 255 characters";
  bool printable = std::ranges::all_of(text, [](unsigned char c) { return c > ' ' && c != 0x7f; });
  if (!printable) return "must not contain spaces or control characters";
  return std::nullopt;
}

void ParseScenarios(const nlohmann::json& value, std::span<const ScenarioConfig> known,
                    EnqueueRequest& request, std::vector<FieldError>& errors) {
  if (!value.is_array()) {
    errors.push_back({"scenarios", "must be an array of scenario names"});
    return;
  }
  std::vector<std::string> known_names;
  for (const ScenarioConfig& scenario : known) known_names.push_back(scenario.name);
  for (size_t i = 0; i < value.size(); ++i) {
    std::string field = "scenarios[" + std::to_string(i) + "]";
    if (!value[i].is_string()) {
      errors.push_back({field, "must be a string"});
      continue;
    }
    std::string name = value[i].get<std::string>();
    if (std::ranges::find(known_names, name) == known_names.end()) {
      errors.push_back(
          {field, "unknown scenario \"" + name + "\" (known: " + Join(known_names) + ")"});
    } else if (std::ranges::find(request.scenarios, name) != request.scenarios.end()) {
      errors.push_back({field, "\"" + name + "\" is listed twice"});
    } else {
      request.scenarios.push_back(std::move(name));
    }
  }
}

}  // namespace

Json EnqueueRequestToJson(const EnqueueRequest& request) {
  Json body = {{"commit", request.commit}, {"kind", JobKindName(request.kind)}};
  if (!request.scenarios.empty()) body["scenarios"] = request.scenarios;
  if (!request.base.empty()) body["base"] = request.base;
  if (request.pull_request) body["pull_request"] = *request.pull_request;
  return body;
}

std::expected<EnqueueRequest, std::vector<FieldError>> ParseEnqueueRequest(
    const nlohmann::json& body, std::span<const ScenarioConfig> scenarios) {
  if (!body.is_object()) {
    return std::unexpected(std::vector<FieldError>{
        {"(body)",
         "must be a JSON object, e.g. {\"commit\": \"main\", \"kind\": \"experiment\"}"}});
  }
  EnqueueRequest request;
  std::vector<FieldError> errors;
  for (const auto& [key, value] : body.items()) {
    if (std::ranges::find(kFields, key) == kFields.end()) {
      errors.push_back({key, "unknown field (known: commit, kind, scenarios, base, pull_request)"});
    }
  }
  if (!body.contains("commit")) {
    errors.push_back({"commit", "is required: the revision to measure, e.g. \"main\""});
  } else if (auto problem = CheckRevision(body["commit"])) {
    errors.push_back({"commit", *problem});
  } else {
    request.commit = body["commit"].get<std::string>();
  }
  const std::string kinds = "must be one of baseline, test, experiment";
  if (!body.contains("kind")) {
    errors.push_back({"kind", "is required and " + kinds});
  } else if (auto kind = body["kind"].is_string()
                             ? ParseJobKind(body["kind"].get_ref<const std::string&>())
                             : std::nullopt) {
    request.kind = *kind;
  } else {
    errors.push_back({"kind", kinds});
  }
  if (body.contains("scenarios")) ParseScenarios(body["scenarios"], scenarios, request, errors);
  if (body.contains("base")) {
    if (auto problem = CheckRevision(body["base"])) {
      errors.push_back({"base", *problem});
    } else if (request.kind == JobKind::kBaseline) {
      errors.push_back({"base", "must be left out for a baseline job, which has no base"});
    } else {
      request.base = body["base"].get<std::string>();
    }
  }
  if (body.contains("pull_request")) {
    const nlohmann::json& pr = body["pull_request"];
    if (!pr.is_number_integer() || pr.get<int64_t>() <= 0 ||
        pr.get<int64_t>() > std::numeric_limits<int>::max()) {
      errors.push_back({"pull_request", "must be a positive integer, the pull request number"});
    } else {
      request.pull_request = pr.get<int>();
    }
  }
  if (!errors.empty()) return std::unexpected(std::move(errors));
  return request;
}

}  // namespace perfgate
