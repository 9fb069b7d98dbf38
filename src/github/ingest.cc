#include "github/ingest.h"

#include <variant>

#include "base/logging.h"
#include "github/webhook_event.h"

namespace perfgate {
namespace {

using Action = IngestOutcome::Action;

// Records the delivery (when it has an id) and enqueues `request`, in one transaction.
Result<IngestOutcome> Enqueue(const WebhookDelivery& delivery,
                              const std::optional<JobRequest>& request,
                              const IngestServices& services) {
  TimePoint now = services.clock->Now();
  if (delivery.id.empty()) {
    Result<EnqueueResult> enqueued = services.store->Enqueue(*request, now);
    if (!enqueued) return std::unexpected(std::move(enqueued.error()));
    return IngestOutcome{Action::kEnqueued, {}, std::move(*enqueued), std::nullopt};
  }
  Result<DeliveryReceipt> receipt =
      services.store->RecordDelivery(delivery.id, delivery.event, request, now);
  if (!receipt) return std::unexpected(std::move(receipt.error()));
  if (receipt->repeated) {
    IngestOutcome outcome{Action::kRepeated, "delivery " + delivery.id + " was received before",
                          std::nullopt, std::nullopt};
    if (receipt->job_id) {
      Result<Job> job = services.store->GetJob(*receipt->job_id);
      if (!job) return std::unexpected(std::move(job.error()));
      outcome.job = std::move(*job);
    }
    return outcome;
  }
  if (!request) return IngestOutcome{Action::kReplied, {}, std::nullopt, std::nullopt};
  return IngestOutcome{Action::kEnqueued, {}, std::move(receipt->enqueued), std::nullopt};
}

Result<IngestOutcome> Reply(const WebhookDelivery& delivery, const CommentReply& reply,
                            const Config& config, const IngestServices& services) {
  Result<IngestOutcome> recorded = Enqueue(delivery, std::nullopt, services);
  if (!recorded || recorded->action == Action::kRepeated) return recorded;
  const std::string& repository = config.github->repository;
  if (Result<void> sent = services.replies->Reply(repository, reply.pull_request, reply.body);
      !sent) {
    return std::unexpected(std::move(sent.error()));
  }
  return IngestOutcome{Action::kReplied, reply.body, std::nullopt, std::nullopt};
}

Result<IngestOutcome> Rerun(const WebhookDelivery& delivery, const PullRequestRerun& rerun,
                            const IngestServices& services) {
  Result<std::string> head = services.pull_request_head(rerun.pull_request);
  if (!head) {
    return std::unexpected(
        std::move(head.error()).In("head of pull request #" + std::to_string(rerun.pull_request)));
  }
  return Enqueue(delivery, RerunRequest(rerun, *head), services);
}

}  // namespace

const char* IngestActionName(IngestOutcome::Action action) {
  switch (action) {
    case Action::kPing:
      return "ping";
    case Action::kIgnored:
      return "ignored";
    case Action::kEnqueued:
      return "enqueued";
    case Action::kReplied:
      return "replied";
    case Action::kRepeated:
      return "repeated";
  }
  return "ignored";
}

Result<IngestOutcome> IngestEvent(const WebhookDelivery& delivery, const nlohmann::json& payload,
                                  const Config& config, const IngestServices& services) {
  Result<EventDecision> decision = DecideEvent(delivery.event, payload, config);
  if (!decision) return std::unexpected(std::move(decision.error()));
  Result<IngestOutcome> outcome = std::visit(
      [&](const auto& decided) -> Result<IngestOutcome> {
        using Decided = std::decay_t<decltype(decided)>;
        if constexpr (std::is_same_v<Decided, WebhookPing>) {
          return IngestOutcome{Action::kPing, "pong", std::nullopt, std::nullopt};
        } else if constexpr (std::is_same_v<Decided, IgnoredEvent>) {
          return IngestOutcome{Action::kIgnored, decided.reason, std::nullopt, std::nullopt};
        } else if constexpr (std::is_same_v<Decided, JobToEnqueue>) {
          return Enqueue(delivery, decided.request, services);
        } else if constexpr (std::is_same_v<Decided, PullRequestRerun>) {
          return Rerun(delivery, decided, services);
        } else {
          return Reply(delivery, decided, config, services);
        }
      },
      *decision);
  if (outcome) {
    Logger("github")->info("webhook event handled event={} delivery={} action={} job={}",
                           delivery.event, delivery.id, IngestActionName(outcome->action),
                           outcome->enqueued ? outcome->enqueued->job.id : 0);
  }
  return outcome;
}

}  // namespace perfgate
