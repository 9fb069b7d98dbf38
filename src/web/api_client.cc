#include "web/api_client.h"

#include <charconv>
#include <utility>

#include "web/api_error.h"

namespace perfgate {
namespace {

// The server's envelope as an Error; a body that is no envelope (a proxy's page) still gives
// the status.
Error ErrorFromAnswer(const HttpResponse& response, const std::string& where) {
  ErrorKind kind = ErrorKindForStatus(response.status);
  nlohmann::json body = nlohmann::json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_object() && body.contains("error") && body["error"].is_object()) {
    const nlohmann::json& error = body["error"];
    auto text = [&](const char* key) {
      auto it = error.find(key);
      return it != error.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    std::string server_where = text("where");
    return Error{kind, text("message"), server_where.empty() ? where : server_where, text("fix")};
  }
  return Error{kind, "the server answered HTTP " + std::to_string(response.status), where,
               "check that the URL points at a perfgate server"};
}

}  // namespace

ApiClient::ApiClient(std::unique_ptr<HttpClient> http, std::string base_url, std::string token)
    : http_(std::move(http)), base_url_(std::move(base_url)), token_(std::move(token)) {
  while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
}

Result<HttpResponse> ApiClient::Call(const std::string& method, const std::string& path,
                                     const std::string& body) {
  HttpRequest request{.method = method, .url = base_url_ + path, .headers = {}, .body = body};
  request.headers["Accept"] = "application/json";
  if (!body.empty()) request.headers["Content-Type"] = "application/json";
  if (!token_.empty()) request.headers["Authorization"] = "Bearer " + token_;
  auto response = http_->Send(request);
  if (!response) return std::unexpected(response.error());
  if (response->status < 200 || response->status >= 300) {
    return std::unexpected(ErrorFromAnswer(*response, method + " " + path));
  }
  return response;
}

Result<nlohmann::json> ApiClient::CallJson(const std::string& method, const std::string& path,
                                           const std::string& body) {
  auto response = Call(method, path, body);
  if (!response) return std::unexpected(response.error());
  nlohmann::json json = nlohmann::json::parse(response->body, nullptr, false);
  if (json.is_discarded()) {
    return std::unexpected(Internal("the answer is not JSON", method + " " + path,
                                    "check that the URL points at a perfgate server"));
  }
  return json;
}

Result<Job> ApiClient::CallForJob(const std::string& method, const std::string& path) {
  auto json = CallJson(method, path);
  if (!json) return std::unexpected(json.error());
  return JobFromJson(*json);
}

Result<EnqueuedJob> ApiClient::EnqueueJob(const EnqueueRequest& request) {
  auto json = CallJson("POST", "/api/v1/jobs", EnqueueRequestToJson(request).dump());
  if (!json) return std::unexpected(json.error());
  auto job = JobFromJson(*json);
  if (!job) return std::unexpected(job.error());
  return EnqueuedJob{std::move(*job), json->value("duplicate", false)};
}

Result<std::vector<Job>> ApiClient::ListJobs(const JobListQuery& query) {
  std::string path = "/api/v1/jobs?limit=" + std::to_string(query.limit);
  if (query.state) path += "&state=" + std::string(JobStateName(*query.state));
  if (query.kind) path += "&kind=" + std::string(JobKindName(*query.kind));
  if (!query.commit.empty()) path += "&commit=" + UrlEncode(query.commit);
  if (query.before) path += "&before=" + std::to_string(*query.before);
  auto json = CallJson("GET", path);
  if (!json) return std::unexpected(json.error());
  if (!json->contains("jobs") || !(*json)["jobs"].is_array()) {
    return std::unexpected(Internal("the answer has no \"jobs\" array", "GET " + path,
                                    "the server and the client must be the same perfgate version"));
  }
  std::vector<Job> jobs;
  for (const nlohmann::json& item : (*json)["jobs"]) {
    auto job = JobFromJson(item);
    if (!job) return std::unexpected(job.error());
    jobs.push_back(std::move(*job));
  }
  return jobs;
}

Result<JobDetails> ApiClient::GetJob(JobId id) {
  auto json = CallJson("GET", "/api/v1/jobs/" + std::to_string(id));
  if (!json) return std::unexpected(json.error());
  auto job = JobFromJson(json->contains("job") ? (*json)["job"] : nlohmann::json());
  if (!job) return std::unexpected(job.error());
  return JobDetails{std::move(*job), std::move(*json)};
}

Result<LogChunk> ApiClient::GetLog(JobId id, int64_t offset) {
  std::string path = "/api/v1/jobs/" + std::to_string(id) + "/log?offset=" + std::to_string(offset);
  auto response = Call("GET", path);
  if (!response) return std::unexpected(response.error());
  auto header = [&](const char* name) {
    auto it = response->headers.find(name);
    return it == response->headers.end() ? std::string() : it->second;
  };
  std::optional<JobState> state = ParseJobState(header("x-job-state"));
  std::string next = header("x-log-offset");
  int64_t next_offset = 0;
  auto [ptr, ec] = std::from_chars(next.data(), next.data() + next.size(), next_offset);
  if (!state || next.empty() || ec != std::errc() || ptr != next.data() + next.size()) {
    return std::unexpected(Internal("the log answer lacks X-Job-State or X-Log-Offset",
                                    "GET " + path,
                                    "the server and the client must be the same perfgate version"));
  }
  return LogChunk{std::move(response->body), next_offset, *state};
}

Result<Job> ApiClient::CancelJob(JobId id) {
  return CallForJob("POST", "/api/v1/jobs/" + std::to_string(id) + "/cancel");
}

Result<Job> ApiClient::RetryJob(JobId id) {
  return CallForJob("POST", "/api/v1/jobs/" + std::to_string(id) + "/retry");
}

}  // namespace perfgate
