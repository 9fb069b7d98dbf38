#include "github/ingest.h"

#include <variant>

#include "base/logging.h"
#include "delivery/outbox_writer.h"
#include "delivery/reports.h"
#include "github/webhook_event.h"

namespace perfgate {
namespace {

using Action = IngestOutcome::Action;

// What a delivery asks to be written: a job, or messages for the outbox (a reply).
struct DeliveryWrites {
  std::optional<JobRequest> request;
  std::vector<OutboxRequest> messages;
};

// Writes what a delivery without an id asks for: a replay of a lost delivery, acted on
// however often it is replayed.
Result<IngestOutcome> WriteUnrecorded(const DeliveryWrites& writes, const IngestServices& services,
                                      TimePoint now) {
  for (const OutboxRequest& message : writes.messages) {
    if (Result<OutboxMessage> written = services.store->EnqueueMessage(message, now); !written) {
      return std::unexpected(std::move(written.error()));
    }
  }
  if (!writes.request) return IngestOutcome{Action::kReplied, {}, std::nullopt, std::nullopt};
  Result<EnqueueResult> enqueued = services.store->Enqueue(*writes.request, now);
  if (!enqueued) return std::unexpected(std::move(enqueued.error()));
  return IngestOutcome{Action::kEnqueued, {}, std::move(*enqueued), std::nullopt};
}

// Records the delivery (when it has an id) with what it asks for, in one transaction.
Result<IngestOutcome> Write(const WebhookDelivery& delivery, const DeliveryWrites& writes,
                            const IngestServices& services, TimePoint now) {
  if (delivery.id.empty()) return WriteUnrecorded(writes, services, now);
  Result<DeliveryReceipt> receipt = services.store->RecordDelivery(
      delivery.id, delivery.event, writes.request, writes.messages, now);
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
  if (!writes.request) return IngestOutcome{Action::kReplied, {}, std::nullopt, std::nullopt};
  return IngestOutcome{Action::kEnqueued, {}, std::move(receipt->enqueued), std::nullopt};
}

Result<IngestOutcome> Enqueue(const WebhookDelivery& delivery, const JobRequest& request,
                              const Config& config, const IngestServices& services) {
  TimePoint now = services.clock->Now();
  Result<IngestOutcome> outcome = Write(delivery, {request, {}}, services, now);
  if (outcome && outcome->enqueued && !outcome->enqueued->duplicate) {
    WriteToOutbox(*services.store, QueueChangeReports(config, outcome->enqueued->job), now);
  }
  return outcome;
}

Result<IngestOutcome> Reply(const WebhookDelivery& delivery, const CommentReply& reply,
                            const Config& config, const IngestServices& services) {
  DeliveryWrites writes{std::nullopt,
                        {ReplyReport(config, reply.pull_request, reply.comment, reply.body)}};
  Result<IngestOutcome> outcome = Write(delivery, writes, services, services.clock->Now());
  if (outcome && outcome->action == Action::kReplied) outcome->reason = reply.body;
  return outcome;
}

Result<IngestOutcome> Rerun(const WebhookDelivery& delivery, const PullRequestRerun& rerun,
                            const Config& config, const IngestServices& services) {
  Result<std::string> head = services.pull_request_head(rerun.pull_request);
  if (!head) {
    return std::unexpected(
        std::move(head.error()).In("head of pull request #" + std::to_string(rerun.pull_request)));
  }
  return Enqueue(delivery, RerunRequest(rerun, *head), config, services);
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
          return Enqueue(delivery, decided.request, config, services);
        } else if constexpr (std::is_same_v<Decided, PullRequestRerun>) {
          return Rerun(delivery, decided, config, services);
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
