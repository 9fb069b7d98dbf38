#include "delivery/outbox_payloads.h"

#include <nlohmann/json.hpp>

namespace perfgate {
namespace {

using Json = nlohmann::json;

Result<Json> ParseObject(const std::string& payload, const char* kind) {
  Json json = Json::parse(payload, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) {
    return std::unexpected(InvalidInput(std::string("the payload is not a JSON object"),
                                        std::string(kind) + " outbox message",
                                        "the message was written by another program; drop it"));
  }
  return json;
}

template <typename T>
Result<T> Field(const Json& json, const char* name, const char* kind) {
  auto found = json.find(name);
  bool typed = found != json.end() &&
               (std::is_same_v<T, std::string> ? found->is_string() : found->is_number_integer());
  if (!typed) {
    return std::unexpected(InvalidInput(std::string("field ") + name + " is missing or mistyped",
                                        std::string(kind) + " outbox message",
                                        "the message was written by another program; drop it"));
  }
  return found->get<T>();
}

}  // namespace

std::string EncodeStatus(const CommitStatus& status) {
  return Json{{"sha", status.sha},
              {"state", status.state},
              {"context", status.context},
              {"description", status.description},
              {"target_url", status.target_url}}
      .dump();
}

Result<CommitStatus> DecodeStatus(const std::string& payload) {
  constexpr const char* kKind = "github_status";
  Result<Json> json = ParseObject(payload, kKind);
  if (!json) return std::unexpected(std::move(json.error()));
  CommitStatus status;
  for (auto [name, field] :
       {std::pair{"sha", &status.sha}, std::pair{"state", &status.state},
        std::pair{"context", &status.context}, std::pair{"description", &status.description},
        std::pair{"target_url", &status.target_url}}) {
    Result<std::string> value = Field<std::string>(*json, name, kKind);
    if (!value) return std::unexpected(std::move(value.error()));
    *field = std::move(*value);
  }
  return status;
}

std::string EncodeComment(const PullRequestComment& comment) {
  return Json{
      {"pull_request", comment.pull_request}, {"marker", comment.marker}, {"body", comment.body}}
      .dump();
}

Result<PullRequestComment> DecodeComment(const std::string& payload) {
  constexpr const char* kKind = "github_comment";
  Result<Json> json = ParseObject(payload, kKind);
  if (!json) return std::unexpected(std::move(json.error()));
  Result<int> pull_request = Field<int>(*json, "pull_request", kKind);
  if (!pull_request) return std::unexpected(std::move(pull_request.error()));
  Result<std::string> marker = Field<std::string>(*json, "marker", kKind);
  if (!marker) return std::unexpected(std::move(marker.error()));
  Result<std::string> body = Field<std::string>(*json, "body", kKind);
  if (!body) return std::unexpected(std::move(body.error()));
  return PullRequestComment{*pull_request, std::move(*marker), std::move(*body)};
}

}  // namespace perfgate
