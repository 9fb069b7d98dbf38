#include "delivery/outbox_writer.h"

#include "base/logging.h"

namespace perfgate {

void WriteToOutbox(OutboxStore& store, const std::vector<OutboxRequest>& messages, TimePoint now) {
  for (const OutboxRequest& message : messages) {
    if (auto written = store.EnqueueMessage(message, now); !written) {
      Logger("delivery")
          ->warn("report not written kind={} key={} error={}", OutboxKindName(message.kind),
                 message.key, written.error().ToString());
    }
  }
}

}  // namespace perfgate
