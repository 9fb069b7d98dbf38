// One webhook delivery, from its decided event to the store: what the webhook route and
// `perfgate replay-webhook` share after the route has checked the signature.
//
//   IngestOutcome outcome = IngestEvent({"pull_request", delivery_id}, payload, config, services);
//
// A delivery with an id is acted on once (DeliveryLog): sent again, it enqueues nothing and
// replies nothing, and tells the job it created the first time. Replies (why a re-run was
// refused) and the `pending` statuses of a queued job go to the outbox, never straight to
// GitHub.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "base/clock.h"
#include "base/error.h"
#include "config/config.h"
#include "store/store.h"

namespace perfgate {

struct WebhookDelivery {
  std::string event;  // X-GitHub-Event
  std::string id;     // X-GitHub-Delivery; empty: not recorded (a replay of a lost delivery)
};

// What IngestEvent needs beside the config; each must outlive the call and be safe to use
// from several threads.
struct IngestServices {
  Store* store = nullptr;
  Clock* clock = nullptr;
  // The current head commit of a pull request (refs/pull/N/head of the repository), for
  // re-run comments, whose payload names no commit.
  std::function<Result<std::string>(int pull_request)> pull_request_head;
};

struct IngestOutcome {
  enum class Action {
    kPing,      // a ping: nothing to do
    kIgnored,   // `reason` says why
    kEnqueued,  // `enqueued` holds the job (new, or a queued duplicate)
    kReplied,   // a reply was written to the outbox: `reason` is its text
    kRepeated,  // the delivery was acted on before; `job` is what it created then, if any
  };
  Action action = Action::kIgnored;
  std::string reason;
  std::optional<EnqueueResult> enqueued;
  std::optional<Job> job;  // kRepeated: the job the first delivery created, if any
};

// "ping", "ignored", "enqueued", "replied", "repeated".
const char* IngestActionName(IngestOutcome::Action action);

// Decides the event (DecideEvent) and carries the decision out. Errors: InvalidInput (where =
// the field) for a payload the decision refuses; a pull request head that cannot be resolved;
// those of the store.
[[nodiscard]] Result<IngestOutcome> IngestEvent(const WebhookDelivery& delivery,
                                                const nlohmann::json& payload, const Config& config,
                                                const IngestServices& services);

}  // namespace perfgate
