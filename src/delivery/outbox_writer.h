// Writes reports to the outbox where jobs are queued, run and ended.
#pragma once

#include <vector>

#include "base/clock.h"
#include "store/store.h"

namespace perfgate {

// Writes each message to the outbox. One that cannot be written is logged and skipped: a
// report never changes how a job is queued or ends.
void WriteToOutbox(OutboxStore& store, const std::vector<OutboxRequest>& messages, TimePoint now);

}  // namespace perfgate
