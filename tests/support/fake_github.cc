#include "support/fake_github.h"

#include <nlohmann/json.hpp>
#include <regex>
#include <stdexcept>

namespace perfgate::testing {
namespace {

using Json = nlohmann::json;

constexpr size_t kMaxDescription = 140;
constexpr size_t kMaxComment = 65536;
constexpr int kDefaultPerPage = 30;  // GitHub's, when per_page is not given

void Answer(httplib::Response& response, int status, const std::string& message) {
  response.status = status;
  response.set_content(Json{{"message", message}}.dump(), "application/json");
}

// The body as a JSON object, or an answer of 400.
std::optional<Json> ParseBody(const httplib::Request& request, httplib::Response& response) {
  Json body = Json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (!body.is_object()) {
    Answer(response, 400, "Problems parsing JSON");
    return std::nullopt;
  }
  return body;
}

bool HasString(const Json& body, const char* field) {
  return body.contains(field) && body[field].is_string();
}

// The "body" of a comment created or edited, or an answer of 400 or 422.
std::optional<std::string> CommentBody(const httplib::Request& request,
                                       httplib::Response& response) {
  std::optional<Json> body = ParseBody(request, response);
  if (!body) return std::nullopt;
  if (!HasString(*body, "body")) {
    Answer(response, 422, "Validation Failed: body");
    return std::nullopt;
  }
  std::string text = (*body)["body"];
  if (text.size() > kMaxComment) {
    Answer(response, 422, "Validation Failed: body is too long");
    return std::nullopt;
  }
  return text;
}

int QueryInt(const httplib::Request& request, const char* name, int fallback) {
  if (!request.has_param(name)) return fallback;
  return std::stoi(request.get_param_value(name));
}

}  // namespace

FakeGithub::FakeGithub(std::string token) : token_(std::move(token)) {
  auto handler = [this](const httplib::Request& request, httplib::Response& response) {
    Handle(request, response);
  };
  server_.Get(".*", handler);
  server_.Post(".*", handler);
  server_.Patch(".*", handler);
  server_.Put(".*", handler);
  server_.Delete(".*", handler);
  port_ = server_.bind_to_any_port("127.0.0.1");
  if (port_ < 0) throw std::runtime_error("cannot bind a port on 127.0.0.1");
  thread_ = std::thread([this] { server_.listen_after_bind(); });
}

FakeGithub::~FakeGithub() {
  {
    std::lock_guard lock(mutex_);
    stopped_ = true;
  }
  stopping_.notify_all();
  server_.stop();
  thread_.join();
}

std::string FakeGithub::api_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

std::vector<FakeGithub::Call> FakeGithub::calls() const {
  std::lock_guard lock(mutex_);
  return calls_;
}

std::vector<FakeGithub::Status> FakeGithub::statuses() const {
  std::lock_guard lock(mutex_);
  return statuses_;
}

std::vector<FakeGithub::Comment> FakeGithub::comments() const {
  std::lock_guard lock(mutex_);
  return comments_;
}

void FakeGithub::AddComment(const std::string& repository, int issue, const std::string& body) {
  std::lock_guard lock(mutex_);
  comments_.push_back({next_comment_id_++, repository, issue, body});
}

void FakeGithub::FailNext(int count, int status) {
  std::lock_guard lock(mutex_);
  for (int i = 0; i < count; ++i) faults_.push_back({.status = status});
}

void FakeGithub::RateLimitNext(int count, TimePoint reset) {
  std::lock_guard lock(mutex_);
  for (int i = 0; i < count; ++i) faults_.push_back({.status = 403, .reset = reset});
}

void FakeGithub::HangNext(int count, Duration duration) {
  std::lock_guard lock(mutex_);
  for (int i = 0; i < count; ++i) faults_.push_back({.status = 0, .hang = duration});
}

void FakeGithub::Handle(const httplib::Request& request, httplib::Response& response) {
  std::unique_lock lock(mutex_);
  std::string path = request.target;
  Call call{request.method, path, {}, request.body, 0};
  for (const auto& [name, value] : request.headers) call.headers[name] = value;
  if (!faults_.empty()) {
    Fault fault = faults_.front();
    faults_.erase(faults_.begin());
    if (fault.status == 0) {
      stopping_.wait_for(lock, fault.hang, [this] { return stopped_; });
      Answer(response, 504, "held");
    } else if (fault.status == 403) {
      Answer(response, 403, "API rate limit exceeded");
      response.set_header("X-RateLimit-Remaining", "0");
      response.set_header("X-RateLimit-Reset",
                          std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                             fault.reset.time_since_epoch())
                                             .count()));
    } else {
      Answer(response, fault.status, "Server Error");
    }
  } else if (request.get_header_value("Authorization") != "Bearer " + token_) {
    Answer(response, 401, "Bad credentials");
  } else if (request.get_header_value("User-Agent").empty()) {
    Answer(response, 403, "Request forbidden by administrative rules: no User-Agent");
  } else if (request.get_header_value("Accept").find("application/vnd.github+json") ==
             std::string::npos) {
    Answer(response, 415, "Accept application/vnd.github+json");
  } else {
    Route(request, response);
  }
  call.status = response.status;
  calls_.push_back(std::move(call));
}

void FakeGithub::Route(const httplib::Request& request, httplib::Response& response) {
  static const std::regex kStatuses(R"(/repos/([\w.-]+/[\w.-]+)/statuses/([0-9a-f]{40}))");
  static const std::regex kIssueComments(R"(/repos/([\w.-]+/[\w.-]+)/issues/(\d+)/comments)");
  static const std::regex kComment(R"(/repos/([\w.-]+/[\w.-]+)/issues/comments/(\d+))");
  std::smatch match;
  const std::string& path = request.path;
  if (request.method == "POST" && std::regex_match(path, match, kStatuses)) {
    std::optional<Json> body = ParseBody(request, response);
    if (!body) return;
    if (!HasString(*body, "state")) return Answer(response, 400, "state is missing");
    std::string state = (*body)["state"];
    if (state != "error" && state != "failure" && state != "pending" && state != "success") {
      return Answer(response, 422, "Validation Failed: state");
    }
    for (const char* field : {"context", "description", "target_url"}) {
      if (body->contains(field) && !(*body)[field].is_string()) {
        return Answer(response, 400, std::string(field) + " is not a string");
      }
    }
    std::string description = body->value("description", "");
    if (description.size() > kMaxDescription) {
      return Answer(response, 422, "Validation Failed: description is too long");
    }
    statuses_.push_back({match[1], match[2], state, body->value("context", "default"), description,
                         body->value("target_url", "")});
    response.status = 201;
    response.set_content(Json{{"state", state}}.dump(), "application/json");
    return;
  }
  if (std::regex_match(path, match, kIssueComments) &&
      (request.method == "GET" || request.method == "POST")) {
    std::string repository = match[1];
    int issue = std::stoi(match[2]);
    if (request.method == "GET") {
      int per_page = std::min(QueryInt(request, "per_page", kDefaultPerPage), 100);
      int page = QueryInt(request, "page", 1);
      Json listed = Json::array();
      int index = 0;
      bool more = false;
      for (const Comment& comment : comments_) {
        if (comment.repository != repository || comment.issue != issue) continue;
        if (index >= (page - 1) * per_page && index < page * per_page) {
          listed.push_back({{"id", comment.id}, {"body", comment.body}});
        }
        more = index >= page * per_page;
        ++index;
      }
      if (more) {
        response.set_header("Link", "<" + api_url() + path +
                                        "?per_page=" + std::to_string(per_page) +
                                        "&page=" + std::to_string(page + 1) + ">; rel=\"next\"");
      }
      response.status = 200;
      response.set_content(listed.dump(), "application/json");
      return;
    }
    std::optional<std::string> text = CommentBody(request, response);
    if (!text) return;
    comments_.push_back({next_comment_id_++, repository, issue, *text});
    response.status = 201;
    response.set_content(Json{{"id", comments_.back().id}}.dump(), "application/json");
    return;
  }
  if (request.method == "PATCH" && std::regex_match(path, match, kComment)) {
    std::optional<std::string> text = CommentBody(request, response);
    if (!text) return;
    int64_t id = std::stoll(match[2]);
    for (Comment& comment : comments_) {
      if (comment.id == id && comment.repository == match[1].str()) {
        comment.body = *text;
        response.status = 200;
        response.set_content(Json{{"id", id}}.dump(), "application/json");
        return;
      }
    }
    return Answer(response, 404, "Not Found");
  }
  Answer(response, 404, "Not Found");
}

}  // namespace perfgate::testing
