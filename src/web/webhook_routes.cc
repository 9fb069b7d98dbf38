// POST /webhooks/github: GitHub's deliveries, checked, decided and stored (github/ingest.h).
// The handler runs nothing: it answers as soon as the job is queued.
#include <algorithm>
#include <cctype>

#include "base/logging.h"
#include "github/ingest.h"
#include "github/signature.h"
#include "web/api_routes.h"
#include "web/job_views.h"
#include "web/request_parsing.h"

namespace perfgate {
namespace {

// GitHub caps webhook payloads at 25 MB.
constexpr size_t kMaxWebhookBodyBytes = 25'000'000;
constexpr char kEventHeader[] = "X-GitHub-Event";
constexpr char kDeliveryHeader[] = "X-GitHub-Delivery";
constexpr size_t kMaxHeaderWord = 100;

ApiError Refused(int status, Error error) { return ApiError{status, std::move(error), {}}; }

// Event names are snake_case words and delivery ids GUIDs: anything else is no GitHub
// delivery, and is kept out of logs and the store.
bool IsHeaderWord(const std::string& value, bool guid) {
  return !value.empty() && value.size() <= kMaxHeaderWord &&
         std::ranges::all_of(value, [guid](unsigned char c) {
           return guid ? std::isxdigit(c) || c == '-' : std::islower(c) || c == '_';
         });
}

// Before anything of the body is read: a server without the secret, or a delivery not signed
// with it, is refused.
std::optional<ApiError> CheckSignature(const ApiContext& context, const ApiRequest& request) {
  const std::string& secret_env = context.config->github->webhook_secret_env;
  if (context.webhook_secret.empty()) {
    return Refused(kStatusForbidden,
                   FailedPrecondition("this server accepts no webhooks: it has no webhook secret",
                                      request.Where(),
                                      "set the environment variable " + secret_env +
                                          " (github.webhook_secret_env) and restart"));
  }
  std::string signature = request.Header(kSignatureHeader);
  if (VerifyWebhookSignature(context.webhook_secret, request.body, signature)) return std::nullopt;
  std::string what =
      signature.empty() ? "the delivery is not signed" : "the signature does not match the body";
  // The body is not logged: it is unauthenticated input of any size.
  Logger("web")->warn("webhook refused reason=\"{}\" bytes={}", what, request.body.size());
  return Refused(kStatusUnauthorized,
                 FailedPrecondition(what, std::string(kSignatureHeader) + " header",
                                    "sign the body with the secret of $" + secret_env +
                                        ", as GitHub does with the webhook's secret"));
}

std::expected<WebhookDelivery, ApiError> DeliveryOf(const ApiRequest& request) {
  WebhookDelivery delivery{request.Header(kEventHeader), request.Header(kDeliveryHeader)};
  for (auto [header, value, guid] : {std::tuple{kEventHeader, &delivery.event, false},
                                     std::tuple{kDeliveryHeader, &delivery.id, true}}) {
    if (!IsHeaderWord(*value, guid)) {
      return std::unexpected(
          Refused(kStatusBadRequest,
                  InvalidInput(value->empty() ? "the header is missing" : "the header is malformed",
                               std::string(header) + " header",
                               "send the headers GitHub sends with each delivery")));
    }
  }
  return delivery;
}

ApiResult Answer(const ApiContext& context, const IngestOutcome& outcome) {
  using Action = IngestOutcome::Action;
  switch (outcome.action) {
    case Action::kPing:
      return JsonResponse(Json{{"ping", "pong"}}.dump());
    case Action::kIgnored:
      return JsonResponse(Json{{"ignored", outcome.reason}}.dump(), 202);
    case Action::kReplied:
      return JsonResponse(Json{{"reply", outcome.reason}}.dump(), 202);
    case Action::kRepeated: {
      Json answer = {{"repeated", true},
                     {"job", outcome.job ? JobToJson(*outcome.job) : Json(nullptr)}};
      return JsonResponse(answer.dump(2));
    }
    case Action::kEnqueued:
      if (!outcome.enqueued->duplicate && context.job_queued) context.job_queued();
      return EnqueuedJobResponse(*outcome.enqueued);
  }
  return JsonResponse(Json{{"ignored", outcome.reason}}.dump(), 202);
}

ApiResult ReceiveWebhook(const ApiContext& context, const ApiRequest& request) {
  if (!context.config->github) {
    return std::unexpected(
        ToApiError(NotFound("this server takes no GitHub webhooks", request.Where(),
                            "add a github section to the config")));
  }
  if (auto refused = CheckSignature(context, request)) return std::unexpected(*refused);
  auto delivery = DeliveryOf(request);
  if (!delivery) return std::unexpected(delivery.error());
  auto payload = JsonBody(request);
  if (!payload) return std::unexpected(payload.error());
  IngestServices services{.store = context.store,
                          .clock = context.clock,
                          .pull_request_head = context.pull_request_head};
  Result<IngestOutcome> outcome = IngestEvent(*delivery, *payload, *context.config, services);
  if (!outcome && outcome.error().kind == ErrorKind::kInvalidInput) {
    // A payload field: the delivery is malformed, not a request with invalid fields.
    return std::unexpected(Refused(kStatusBadRequest, std::move(outcome.error())));
  }
  if (!outcome) return std::unexpected(FromError(request, std::move(outcome.error())));
  return Answer(context, *outcome);
}

}  // namespace

void AddWebhookRoutes(Router& router) {
  // Public: the signature, not a bearer token, authenticates GitHub.
  router.Add("POST", "/webhooks/github", Access::kPublic, ReceiveWebhook, kMaxWebhookBodyBytes);
}

}  // namespace perfgate
