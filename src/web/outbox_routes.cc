// GET /api/v1/outbox: the reports not delivered yet, each with its last error, so that an
// outage of GitHub or of a webhook is seen where the jobs are.
#include "report/format.h"
#include "web/api_routes.h"
#include "web/json_codec.h"
#include "web/request_parsing.h"

namespace perfgate {
namespace {

constexpr int64_t kDefaultLimit = 100;
constexpr int64_t kMaxLimit = 1000;

// Payloads are left out: a pull-request comment is up to 64 KiB.
Json MessageToJson(const OutboxMessage& message) {
  const char* state = message.attempts == 0     ? "pending"
                      : message.next_attempt_at ? "retrying"
                                                : "given_up";
  auto time = [](const std::optional<TimePoint>& at) {
    return at ? Json(FormatTimestamp(*at)) : Json(nullptr);
  };
  return Json{
      {"id", message.id},
      {"kind", OutboxKindName(message.kind)},
      {"target", message.target},
      {"key", message.key},
      {"job", message.job ? Json(*message.job) : Json(nullptr)},
      {"state", state},
      {"created_at", FormatTimestamp(message.created_at)},
      {"attempts", message.attempts},
      {"next_attempt_at", time(message.next_attempt_at)},
      {"last_error", message.last_error.empty() ? Json(nullptr) : Json(message.last_error)}};
}

ApiResult ListOutbox(const ApiContext& context, const ApiRequest& request) {
  auto job = QueryInteger(request, "job", 0, INT64_MAX, 0);
  if (!job) return std::unexpected(job.error());
  auto limit = QueryInteger(request, "limit", 1, kMaxLimit, kDefaultLimit);
  if (!limit) return std::unexpected(limit.error());
  auto messages = context.store->ListUndelivered(
      *job > 0 ? std::optional<JobId>(*job) : std::nullopt, static_cast<int>(*limit));
  if (!messages) return std::unexpected(FromError(request, messages.error()));
  Json list = Json::array();
  for (const OutboxMessage& message : *messages) list.push_back(MessageToJson(message));
  return JsonResponse(Json{{"messages", std::move(list)}}.dump(2));
}

}  // namespace

void AddOutboxRoutes(Router& router) {
  router.Add("GET", "/api/v1/outbox", Access::kRead, ListOutbox);
}

}  // namespace perfgate
