#include "store/sqlite_db.h"

#include <cmath>
#include <utility>

#include "base/logging.h"

namespace perfgate {
namespace {

// Long enough to ride out another process' write transaction, short enough that a stuck
// lock surfaces as Unavailable instead of hanging a request.
constexpr int kBusyTimeoutMs = 5000;

}  // namespace

Statement& Statement::Bind(int index, int64_t value) {
  CheckBind(sqlite3_bind_int64(statement_.get(), index, value));
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  if (std::isnan(value)) return BindNull(index);
  CheckBind(sqlite3_bind_double(statement_.get(), index, value));
  return *this;
}

Statement& Statement::Bind(int index, std::string_view value) {
  CheckBind(sqlite3_bind_text64(statement_.get(), index, value.data(), value.size(),
                                SQLITE_TRANSIENT, SQLITE_UTF8));
  return *this;
}

Statement& Statement::BindNull(int index) {
  CheckBind(sqlite3_bind_null(statement_.get(), index));
  return *this;
}

void Statement::CheckBind(int rc) {
  if (bind_error_ == SQLITE_OK) bind_error_ = rc;
}

Result<bool> Statement::Step() {
  if (bind_error_ != SQLITE_OK) {
    return std::unexpected(db_->ErrorFrom(bind_error_, "cannot bind a statement parameter"));
  }
  int rc = sqlite3_step(statement_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return std::unexpected(db_->ErrorFrom(rc, "cannot run a statement"));
}

Result<void> Statement::Run() {
  while (true) {
    Result<bool> row = Step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row) return {};
  }
}

void Statement::Reset() {
  // The error of the last step was already returned by Step(); reset repeats it.
  sqlite3_reset(statement_.get());
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(statement_.get(), column) == SQLITE_NULL;
}

int64_t Statement::Int(int column) const { return sqlite3_column_int64(statement_.get(), column); }

double Statement::Real(int column) const {
  return IsNull(column) ? std::nan("") : sqlite3_column_double(statement_.get(), column);
}

std::optional<double> Statement::OptionalReal(int column) const {
  if (IsNull(column)) return std::nullopt;
  return sqlite3_column_double(statement_.get(), column);
}

std::string Statement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(statement_.get(), column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<size_t>(sqlite3_column_bytes(statement_.get(), column)));
}

Result<SqliteDb> SqliteDb::Open(const std::string& path) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  // sqlite3_open_v2 hands out a handle even when it fails; it must be closed either way.
  SqliteDb db(std::unique_ptr<sqlite3, Closer>(raw), path);
  if (raw == nullptr) {
    return std::unexpected(Internal("cannot allocate a SQLite connection", db.Where(),
                                    "the process is out of memory"));
  }
  if (rc != SQLITE_OK) return std::unexpected(db.ErrorFrom(rc, "cannot open the database"));
  if (Result<void> configured = db.Configure(); !configured) {
    return std::unexpected(std::move(configured.error()));
  }
  return db;
}

Result<void> SqliteDb::Configure() const {
  sqlite3_extended_result_codes(db_.get(), 1);
  sqlite3_busy_timeout(db_.get(), kBusyTimeoutMs);
  // synchronous=NORMAL is safe in WAL mode: a committed transaction survives a killed
  // process; only a power loss may drop the last commits, never corrupt the file.
  if (Result<void> pragmas = Exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
      !pragmas) {
    return pragmas;
  }
  // WAL lets the web UI read while a worker writes.
  Result<Statement> wal = Prepare("PRAGMA journal_mode = WAL");
  if (!wal) return std::unexpected(std::move(wal.error()));
  Result<bool> row = wal->Step();
  if (!row) return std::unexpected(std::move(row.error()));
  if (!*row || wal->Text(0) != "wal") {
    return std::unexpected(
        FailedPrecondition("cannot switch the database to WAL mode", Where(),
                           "put the database on a local file system that supports shared memory"));
  }
  return {};
}

Result<Statement> SqliteDb::Prepare(std::string_view sql) const {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
  Statement statement(this, raw);
  if (rc != SQLITE_OK) return std::unexpected(ErrorFrom(rc, "cannot prepare a statement"));
  return statement;
}

Result<void> SqliteDb::Exec(const char* script) const {
  int rc = sqlite3_exec(db_.get(), script, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return std::unexpected(ErrorFrom(rc, "cannot run a script"));
  return {};
}

int64_t SqliteDb::LastInsertId() const { return sqlite3_last_insert_rowid(db_.get()); }

int64_t SqliteDb::Changes() const { return sqlite3_changes64(db_.get()); }

std::string SqliteDb::Where() const { return "database " + path_; }

Error SqliteDb::ErrorFrom(int rc, std::string_view doing) const {
  std::string what = std::string(doing) + ": " + sqlite3_errmsg(db_.get());
  switch (rc & 0xff) {  // the primary result code of an extended one
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Unavailable(std::move(what), Where(),
                         "another process holds a lock on the database; retry later");
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_IOERR:
    case SQLITE_FULL:
      return Unavailable(std::move(what), Where(),
                         "check that the file and its directory are writable and that the "
                         "disk has free space");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return FailedPrecondition(std::move(what), Where(),
                                "the file is not a usable perfgate database; restore it from a "
                                "backup or point storage at another file");
    default:
      return Internal(std::move(what), Where(),
                      "this is a bug in perfgate; report it with this message");
  }
}

Result<Transaction> Transaction::Begin(const SqliteDb& db, Mode mode) {
  Result<void> begun = db.Exec(mode == Mode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
  if (!begun) return std::unexpected(std::move(begun.error()));
  return Transaction(&db);
}

Transaction::Transaction(Transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Transaction::~Transaction() {
  if (db_ == nullptr) return;
  // Nothing to return an error to: a failed rollback leaves the transaction to SQLite,
  // which rolls it back when the connection closes.
  if (Result<void> rolled_back = db_->Exec("ROLLBACK"); !rolled_back) {
    Logger("store")->warn("rollback failed error={}", rolled_back.error().ToString());
  }
}

Result<void> Transaction::Commit() {
  Result<void> committed = db_->Exec("COMMIT");
  // A failed COMMIT leaves the transaction open; the destructor rolls it back.
  if (committed) db_ = nullptr;
  return committed;
}

}  // namespace perfgate
