#include "delivery/deliverer.h"

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "base/logging.h"
#include "delivery/outbox_payloads.h"

namespace perfgate {
namespace {

// What GitHub (or a webhook) said, for last_error: its status and its message, short.
std::string DescribeRefusal(const HttpResponse& response) {
  constexpr size_t kMaxBody = 300;
  std::string said = response.body;
  nlohmann::json json = nlohmann::json::parse(response.body, nullptr, false);
  if (json.is_object() && json.contains("message") && json["message"].is_string()) {
    said = json["message"].get<std::string>();
  }
  if (said.size() > kMaxBody) said = said.substr(0, kMaxBody) + "...";
  return "HTTP " + std::to_string(response.status) + (said.empty() ? "" : ": " + said);
}

std::string EnvironmentValue(const std::string& name) {
  const char* value = name.empty() ? nullptr : std::getenv(name.c_str());
  return value ? value : "";
}

}  // namespace

Deliverer::Deliverer(const Config& config, OutboxStore& store, HttpClient& http, Clock& clock,
                     DelivererOptions options)
    : config_(config), store_(store), http_(http), clock_(clock), options_(options) {
  if (!config.github) {
    github_missing_ = "the config has no github section";
    return;
  }
  std::string token = EnvironmentValue(config.github->token_env);
  if (token.empty()) {
    github_missing_ = "environment variable " + config.github->token_env +
                      " (github.token_env) holds no GitHub token";
    return;
  }
  github_.emplace(http, config.github->api_url, std::move(token), options.request_timeout);
}

Result<HttpResponse> Deliverer::SendAlert(const OutboxMessage& message) {
  // The URL is a secret (a Slack webhook's path is its credential): errors name the variable.
  std::string url = EnvironmentValue(message.target);
  std::string where = "alert webhook $" + message.target;
  if (url.empty()) {
    return std::unexpected(
        FailedPrecondition("environment variable " + message.target + " holds no webhook URL",
                           where, "set it and restart perfgate"));
  }
  Result<HttpResponse> response = http_.Send(
      HttpRequest{.method = "POST",
                  .url = url,
                  .headers = {{"Content-Type", "application/json"}, {"User-Agent", "perfgate"}},
                  .body = message.payload,
                  .timeout = options_.request_timeout});
  if (!response) {
    return std::unexpected(Unavailable("the webhook could not be reached", where,
                                       "check that the URL is right and its host is up"));
  }
  return response;
}

Result<HttpResponse> Deliverer::Send(const OutboxMessage& message) {
  if (message.kind == OutboxKind::kAlert) return SendAlert(message);
  if (!github_) {
    return std::unexpected(
        FailedPrecondition(github_missing_, "GitHub", "configure github and restart perfgate"));
  }
  if (message.kind == OutboxKind::kGithubStatus) {
    Result<CommitStatus> status = DecodeStatus(message.payload);
    if (!status) return std::unexpected(std::move(status.error()));
    return github_->SetStatus(message.target, *status);
  }
  Result<PullRequestComment> comment = DecodeComment(message.payload);
  if (!comment) return std::unexpected(std::move(comment.error()));
  return github_->UpsertComment(message.target, comment->pull_request, comment->marker,
                                comment->body);
}

void Deliverer::Record(const OutboxMessage& message, const Result<HttpResponse>& sent) {
  auto log = Logger("delivery");
  TimePoint now = clock_.Now();
  if (sent && Accepted(*sent)) {
    if (auto marked = store_.MarkDelivered(message.id, now); !marked) {
      // Sent but not marked: it is sent again after its lease, which GitHub takes in its
      // stride (a status set twice, a comment edited twice).
      log->warn("delivery not recorded id={} error={}", message.id, marked.error().ToString());
      return;
    }
    log->info("message delivered id={} kind={} attempts={}", message.id,
              OutboxKindName(message.kind), message.attempts);
    return;
  }
  std::optional<TimePoint> retry_at;
  std::string error;
  if (sent) {
    retry_at = NextAttempt(options_.retry, message.attempts, &*sent, now);
    error = DescribeRefusal(*sent);
  } else {
    // Unreachable, or not configured yet: worth trying again. A payload that cannot be read
    // never will be.
    ErrorKind kind = sent.error().kind;
    if (kind == ErrorKind::kUnavailable || kind == ErrorKind::kFailedPrecondition) {
      retry_at = NextAttempt(options_.retry, message.attempts, nullptr, now);
    }
    error = sent.error().ToString();
  }
  if (auto marked = store_.MarkFailed(message.id, error, retry_at); !marked) {
    log->warn("failure not recorded id={} error={}", message.id, marked.error().ToString());
    return;
  }
  if (retry_at) {
    log->warn("message not delivered id={} kind={} attempts={} retry_in_s={} error={}", message.id,
              OutboxKindName(message.kind), message.attempts,
              std::chrono::duration_cast<std::chrono::seconds>(*retry_at - now).count(), error);
  } else {
    log->error("message given up id={} kind={} attempts={} error={}", message.id,
               OutboxKindName(message.kind), message.attempts, error);
  }
}

Result<int> Deliverer::DeliverDue(const std::atomic<bool>& stop) {
  Result<std::vector<OutboxMessage>> claimed =
      store_.ClaimDueMessages(options_.batch, options_.lease, clock_.Now());
  if (!claimed) return std::unexpected(std::move(claimed.error()));
  for (const OutboxMessage& message : *claimed) {
    if (stop) break;
    Record(message, Send(message));
  }
  return static_cast<int>(claimed->size());
}

DeliveryThread::DeliveryThread(std::unique_ptr<Deliverer> deliverer, Duration poll)
    : deliverer_(std::move(deliverer)), poll_(poll) {
  thread_ = std::thread([this] { Loop(); });
}

DeliveryThread::~DeliveryThread() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void DeliveryThread::Loop() {
  auto log = Logger("delivery");
  log->info("deliverer started");
  while (!stop_) {
    Result<int> claimed = deliverer_->DeliverDue(stop_);
    if (!claimed) log->warn("outbox not read error={}", claimed.error().ToString());
    if (claimed && *claimed > 0) continue;  // more may be due
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, poll_, [this] { return stop_.load(); });
  }
  log->info("deliverer stopped");
}

}  // namespace perfgate
