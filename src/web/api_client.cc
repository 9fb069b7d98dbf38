#include "web/api_client.h"

#include <charconv>
#include <utility>

#include "base/logging.h"
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

// An answer this client cannot read: the server speaks another version of the API.
Error Mismatch(const std::string& what, const std::string& where) {
  return Internal(what, where, "the server and the client must be the same perfgate version");
}

// json[key], or null when `json` is no object or lacks the key.
const nlohmann::json& Member(const nlohmann::json& json, const char* key) {
  static const nlohmann::json kNull;
  if (!json.is_object()) return kNull;
  auto it = json.find(key);
  return it == json.end() ? kNull : *it;
}

// The inverse of PhaseToJson (json_codec.h); nullopt for anything else.
std::optional<PhaseRecord> PhaseFromJson(const nlohmann::json& json, JobId job) {
  if (!json.is_object()) return std::nullopt;
  auto text = [&](const char* key) -> std::optional<std::string> {
    auto it = json.find(key);
    if (it == json.end() || it->is_null()) return std::string();
    if (!it->is_string()) return std::nullopt;
    return it->get<std::string>();
  };
  std::optional<std::string> scenario = text("scenario");
  std::optional<std::string> phase = text("phase");
  std::optional<std::string> started = text("started_at");
  std::optional<std::string> finished = text("finished_at");
  std::optional<std::string> error = text("error");
  auto repetition = json.find("repetition");
  if (!scenario || !phase || phase->empty() || !started || !finished || !error ||
      repetition == json.end() || !(repetition->is_null() || repetition->is_number_integer())) {
    return std::nullopt;
  }
  PhaseRecord record;
  record.job_id = job;
  record.scenario = std::move(*scenario);
  record.phase = std::move(*phase);
  record.repetition = repetition->is_null() ? -1 : repetition->get<int>();
  std::optional<TimePoint> started_at = ParseTimestamp(*started);
  if (!started_at) return std::nullopt;
  record.started_at = *started_at;
  if (!finished->empty()) {
    record.finished_at = ParseTimestamp(*finished);
    if (!record.finished_at) return std::nullopt;
  }
  record.error = std::move(*error);
  return record;
}

// The "comparison" of a job document: report/'s JSON (RenderJson), or null.
Result<std::optional<ComparisonHeadline>> HeadlineFromJson(const nlohmann::json& json,
                                                           const std::string& where) {
  if (json.is_null()) return std::nullopt;
  const nlohmann::json& base_job = Member(Member(json, "base"), "job");
  const nlohmann::json& summary = Member(json, "summary");
  if (!base_job.is_number_integer() || !summary.is_string()) {
    return std::unexpected(Mismatch("the comparison lacks base.job or summary", where));
  }
  return ComparisonHeadline{base_job.get<JobId>(), summary.get<std::string>()};
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
  if (!response) {
    Error unreachable = std::move(response.error());
    unreachable.fix = "check that `perfgate serve` runs and listens at " + RedactUrl(base_url_);
    return std::unexpected(std::move(unreachable));
  }
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
  if (!Member(*json, "jobs").is_array()) {
    return std::unexpected(Mismatch("the answer has no \"jobs\" array", "GET " + path));
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
  std::string path = "/api/v1/jobs/" + std::to_string(id);
  auto json = CallJson("GET", path);
  if (!json) return std::unexpected(json.error());
  auto job = JobFromJson(Member(*json, "job"));
  if (!job) return std::unexpected(job.error());
  const nlohmann::json& phases = Member(*json, "phases");
  if (!phases.is_array()) {
    return std::unexpected(Mismatch("the answer has no \"phases\" array", "GET " + path));
  }
  JobDetails details{.job = std::move(*job), .phases = {}, .comparison = {}, .document = {}};
  for (const nlohmann::json& item : phases) {
    std::optional<PhaseRecord> phase = PhaseFromJson(item, id);
    if (!phase)
      return std::unexpected(Mismatch("a phase is malformed: " + item.dump(), "GET " + path));
    details.phases.push_back(std::move(*phase));
  }
  auto comparison = HeadlineFromJson(Member(*json, "comparison"), "GET " + path);
  if (!comparison) return std::unexpected(comparison.error());
  details.comparison = std::move(*comparison);
  details.document = std::move(*json);
  return details;
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
    return std::unexpected(
        Mismatch("the log answer lacks X-Job-State or X-Log-Offset", "GET " + path));
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
