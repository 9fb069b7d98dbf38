// SqliteStore: the webhook_deliveries table (DeliveryLog).
#include <string>

#include "store/columns.h"
#include "store/job_rows.h"
#include "store/sqlite_store.h"

namespace perfgate {
namespace {

// GitHub's delivery ids are GUIDs; the bound keeps a hostile header out of the table.
constexpr size_t kMaxDeliveryIdLength = 100;

}  // namespace

Result<DeliveryReceipt> SqliteStore::RecordDelivery(const std::string& id, const std::string& event,
                                                    const std::optional<JobRequest>& request,
                                                    const std::vector<OutboxRequest>& messages,
                                                    TimePoint now) {
  if (id.empty() || id.size() > kMaxDeliveryIdLength) {
    return std::unexpected(InvalidInput(
        "delivery id of " + std::to_string(id.size()) + " characters", "webhook delivery",
        "GitHub names each delivery with a GUID in its X-GitHub-Delivery header"));
  }
  if (request) {
    if (Result<void> checked = CheckJobRequest(*request); !checked) {
      return std::unexpected(std::move(checked.error()));
    }
  }
  for (const OutboxRequest& message : messages) {
    if (Result<void> checked = CheckOutboxRequest(message); !checked) {
      return std::unexpected(std::move(checked.error()));
    }
  }
  return Transact(Transaction::Mode::kWrite, [&]() -> Result<DeliveryReceipt> {
    Result<Statement> earlier =
        db_.Query("SELECT job_id FROM webhook_deliveries WHERE delivery_id = ?1", id);
    if (!earlier) return std::unexpected(std::move(earlier.error()));
    Result<bool> found = earlier->Step();
    if (!found) return std::unexpected(std::move(found.error()));
    if (*found) {
      DeliveryReceipt receipt{.repeated = true, .enqueued = std::nullopt, .job_id = std::nullopt};
      if (!earlier->IsNull(0)) receipt.job_id = earlier->Int(0);
      return receipt;
    }
    DeliveryReceipt receipt;
    if (request) {
      Result<EnqueueResult> enqueued = EnqueueChecked(*request, now);
      if (!enqueued) return std::unexpected(std::move(enqueued.error()));
      receipt.job_id = enqueued->job.id;
      receipt.enqueued = std::move(*enqueued);
    }
    Result<void> recorded = db_.Execute(
        "INSERT INTO webhook_deliveries (delivery_id, event, job_id, received_at)"
        " VALUES (?1, ?2, ?3, ?4)",
        id, event, receipt.job_id, ToUnixMillis(now));
    if (!recorded) return std::unexpected(std::move(recorded.error()));
    for (const OutboxRequest& message : messages) {
      if (Result<int64_t> inserted = InsertMessage(message, now); !inserted) {
        return std::unexpected(std::move(inserted.error()));
      }
    }
    return receipt;
  });
}

}  // namespace perfgate
