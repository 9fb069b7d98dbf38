// SqliteStore: the outbox table (OutboxStore).
#include <string>

#include "store/columns.h"
#include "store/sqlite_store.h"

namespace perfgate {
namespace {

constexpr const char* kColumns =
    "id, kind, target, ordering_key, payload, job_id, created_at, attempts, next_attempt_at,"
    " last_error, delivered_at";

std::optional<TimePoint> OptionalTime(const Statement& row, int column) {
  if (row.IsNull(column)) return std::nullopt;
  return FromUnixMillis(row.Int(column));
}

std::optional<int64_t> OptionalMillis(std::optional<TimePoint> time) {
  if (!time) return std::nullopt;
  return ToUnixMillis(*time);
}

}  // namespace

std::string SqliteStore::SelectMessagesSql(std::string_view rest) {
  return std::string("SELECT ") + kColumns + " FROM outbox " + std::string(rest);
}

Result<std::vector<OutboxMessage>> SqliteStore::ReadMessages(Statement& query) const {
  return ReadRows<OutboxMessage>(query, [this](const Statement& row) -> Result<OutboxMessage> {
    std::optional<OutboxKind> kind = ParseOutboxKind(row.Text(1));
    if (!kind) {
      return std::unexpected(Internal("outbox message " + std::to_string(row.Int(0)) +
                                          " has an unknown kind \"" + row.Text(1) + "\"",
                                      db_.Where(), "the database was written by another program"));
    }
    OutboxMessage message{.id = row.Int(0),
                          .kind = *kind,
                          .target = row.Text(2),
                          .key = row.Text(3),
                          .payload = row.Text(4),
                          .job = std::nullopt,
                          .created_at = FromUnixMillis(row.Int(6)),
                          .attempts = static_cast<int>(row.Int(7)),
                          .next_attempt_at = OptionalTime(row, 8),
                          .last_error = row.Text(9),
                          .delivered_at = OptionalTime(row, 10)};
    if (!row.IsNull(5)) message.job = row.Int(5);
    return message;
  });
}

Result<void> SqliteStore::CheckOutboxRequest(const OutboxRequest& request) {
  for (const auto& [field, value] :
       {std::pair{"target", &request.target}, std::pair{"key", &request.key},
        std::pair{"payload", &request.payload}}) {
    if (value->empty()) {
      return std::unexpected(
          InvalidInput(std::string("an outbox message needs a ") + field,
                       std::string("outbox message of kind ") + OutboxKindName(request.kind),
                       std::string("set its ") + field));
    }
  }
  return {};
}

Result<int64_t> SqliteStore::InsertMessage(const OutboxRequest& request, TimePoint now) const {
  Result<void> inserted = db_.Execute(
      "INSERT INTO outbox (kind, target, ordering_key, payload, job_id, created_at,"
      " next_attempt_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
      std::string_view(OutboxKindName(request.kind)), request.target, request.key, request.payload,
      request.job, ToUnixMillis(now));
  if (!inserted) return std::unexpected(std::move(inserted.error()));
  return db_.LastInsertId();
}

Result<OutboxMessage> SqliteStore::EnqueueMessage(const OutboxRequest& request, TimePoint now) {
  if (Result<void> checked = CheckOutboxRequest(request); !checked) {
    return std::unexpected(std::move(checked.error()));
  }
  return Transact(Transaction::Mode::kWrite, [&]() -> Result<OutboxMessage> {
    Result<int64_t> id = InsertMessage(request, now);
    if (!id) return std::unexpected(std::move(id.error()));
    Result<std::vector<OutboxMessage>> read = QueryMessages("WHERE id = ?1", *id);
    if (!read) return std::unexpected(std::move(read.error()));
    return std::move(read->front());
  });
}

Result<std::vector<OutboxMessage>> SqliteStore::ClaimDueMessages(int limit, Duration lease,
                                                                 TimePoint now) {
  if (limit <= 0) {
    return std::unexpected(InvalidInput("limit " + std::to_string(limit) + " is not positive",
                                        "claiming outbox messages", "claim at least one"));
  }
  return Transact(Transaction::Mode::kWrite, [&]() -> Result<std::vector<OutboxMessage>> {
    // A message waits while an older one of its key is pending: a claimed message keeps its
    // place (its next_attempt_at is in the future), and only given-up ones step aside.
    Result<std::vector<OutboxMessage>> due = QueryMessages(
        "AS m WHERE delivered_at IS NULL AND next_attempt_at <= ?1"
        " AND id = (SELECT MIN(id) FROM outbox AS o WHERE o.ordering_key = m.ordering_key"
        " AND o.delivered_at IS NULL AND o.next_attempt_at IS NOT NULL)"
        " ORDER BY id LIMIT ?2",
        ToUnixMillis(now), int64_t{limit});
    if (!due) return due;
    TimePoint leased_until = now + lease;
    for (OutboxMessage& message : *due) {
      Result<void> claimed = db_.Execute(
          "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?1 WHERE id = ?2",
          ToUnixMillis(leased_until), message.id);
      if (!claimed) return std::unexpected(std::move(claimed.error()));
      ++message.attempts;
      message.next_attempt_at = leased_until;
    }
    return due;
  });
}

Result<void> SqliteStore::MarkDelivered(int64_t id, TimePoint now) {
  return Transact(Transaction::Mode::kWrite, [&]() -> Result<void> {
    Result<void> updated =
        db_.Execute("UPDATE outbox SET delivered_at = ?1, next_attempt_at = NULL WHERE id = ?2",
                    ToUnixMillis(now), id);
    if (!updated) return updated;
    if (db_.Changes() == 0) {
      return std::unexpected(NotFound("outbox message " + std::to_string(id) + " not found",
                                      db_.Where(), "mark a message ClaimDueMessages returned"));
    }
    return {};
  });
}

Result<void> SqliteStore::MarkFailed(int64_t id, const std::string& error,
                                     std::optional<TimePoint> retry_at) {
  return Transact(Transaction::Mode::kWrite, [&]() -> Result<void> {
    Result<void> updated = db_.Execute(
        "UPDATE outbox SET last_error = ?1, next_attempt_at = ?2"
        " WHERE id = ?3 AND delivered_at IS NULL",
        error, OptionalMillis(retry_at), id);
    if (!updated) return updated;
    if (db_.Changes() == 0) {
      return std::unexpected(
          NotFound("outbox message " + std::to_string(id) + " not found or already delivered",
                   db_.Where(), "mark a message ClaimDueMessages returned"));
    }
    return {};
  });
}

Result<std::vector<OutboxMessage>> SqliteStore::ListUndelivered(std::optional<JobId> job,
                                                                int limit) {
  if (limit <= 0) {
    return std::unexpected(InvalidInput("limit " + std::to_string(limit) + " is not positive",
                                        "listing outbox messages", "ask for at least one"));
  }
  return Transact(Transaction::Mode::kRead, [&]() -> Result<std::vector<OutboxMessage>> {
    return QueryMessages(
        "WHERE delivered_at IS NULL AND (?1 IS NULL OR job_id = ?1) ORDER BY id LIMIT ?2", job,
        int64_t{limit});
  });
}

}  // namespace perfgate
