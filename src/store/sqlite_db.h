// A SQLite connection, its prepared statements and its transactions, each owning what it
// holds: the connection closes, the statement finalizes and an uncommitted transaction
// rolls back when the object dies, on every path.
//
// Errors name the database file and carry sqlite3_errmsg(). Thread-safety: none; the owner
// of a SqliteDb serializes every use of it and of its statements and transactions.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "base/error.h"

namespace perfgate {

class SqliteDb;

// One prepared statement. Parameters are 1-based as in SQL (?1, ?2...), columns 0-based.
// Must not outlive the SqliteDb that prepared it.
class Statement {
 public:
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, double value);  // NaN is bound as NULL
  Statement& Bind(int index, std::string_view value);
  template <typename T>
  Statement& Bind(int index, const std::optional<T>& value) {  // nullopt is bound as NULL
    return value ? Bind(index, *value) : BindNull(index);
  }
  Statement& BindNull(int index);
  // Binds `values` to ?1, ?2... in order.
  template <typename... Values>
  Statement& BindAll(const Values&... values) {
    int index = 0;
    (Bind(++index, values), ...);
    return *this;
  }

  // Runs the statement one row further: true when a row is ready to read, false when done.
  // A failed Bind() is reported here.
  [[nodiscard]] Result<bool> Step();
  // Steps to the end, for statements that return no rows.
  [[nodiscard]] Result<void> Run();
  // Makes the statement ready to run again; bindings are kept until rebound.
  void Reset();

  bool IsNull(int column) const;
  int64_t Int(int column) const;
  double Real(int column) const;  // NULL reads as NaN
  std::optional<double> OptionalReal(int column) const;
  std::string Text(int column) const;

 private:
  friend class SqliteDb;
  struct Finalizer {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
  };
  Statement(const SqliteDb* db, sqlite3_stmt* statement) : db_(db), statement_(statement) {}
  void CheckBind(int rc);

  const SqliteDb* db_;
  std::unique_ptr<sqlite3_stmt, Finalizer> statement_;
  int bind_error_ = SQLITE_OK;
};

// Steps `statement` through its rows and turns each into a T with `read(statement)`, which
// returns a T or, when a row can be malformed, a Result<T>.
template <typename T, typename Read>
[[nodiscard]] Result<std::vector<T>> ReadRows(Statement& statement, Read read) {
  std::vector<T> rows;
  while (true) {
    Result<bool> row = statement.Step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row) return rows;
    if constexpr (std::is_same_v<decltype(read(statement)), Result<T>>) {
      Result<T> value = read(statement);
      if (!value) return std::unexpected(std::move(value.error()));
      rows.push_back(std::move(*value));
    } else {
      rows.push_back(read(statement));
    }
  }
}

class SqliteDb {
 public:
  // Opens (creating when absent) the database file at `path`, in WAL mode with foreign
  // keys enforced and a busy timeout, so that a short lock by another process is waited for.
  [[nodiscard]] static Result<SqliteDb> Open(const std::string& path);

  [[nodiscard]] Result<Statement> Prepare(std::string_view sql) const;
  // Prepares `sql` with `values` bound to ?1, ?2..., ready to step through its rows.
  template <typename... Values>
  [[nodiscard]] Result<Statement> Query(std::string_view sql, const Values&... values) const {
    Result<Statement> statement = Prepare(sql);
    if (statement) statement->BindAll(values...);
    return statement;
  }
  // The same, run to the end: for statements that return no rows.
  template <typename... Values>
  [[nodiscard]] Result<void> Execute(std::string_view sql, const Values&... values) const {
    Result<Statement> statement = Query(sql, values...);
    if (!statement) return std::unexpected(std::move(statement.error()));
    return statement->Run();
  }
  // Runs a script of several statements that return no rows.
  [[nodiscard]] Result<void> Exec(const char* script) const;

  int64_t LastInsertId() const;
  // Rows the last INSERT, UPDATE or DELETE changed (0 for an INSERT OR IGNORE that ignored).
  int64_t Changes() const;
  const std::string& path() const { return path_; }

  // The Error for a failed SQLite call: its kind follows from `rc`, its message from
  // sqlite3_errmsg(), and `where` names the database.
  Error ErrorFrom(int rc, std::string_view doing) const;
  // `where` of every error about this database.
  std::string Where() const;

 private:
  struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  };
  SqliteDb(std::unique_ptr<sqlite3, Closer> db, std::string path)
      : db_(std::move(db)), path_(std::move(path)) {}
  [[nodiscard]] Result<void> Configure() const;

  std::unique_ptr<sqlite3, Closer> db_;
  std::string path_;
};

// A transaction that rolls back when destroyed before Commit().
class Transaction {
 public:
  enum class Mode {
    kRead,   // BEGIN DEFERRED: a consistent snapshot for several reads
    kWrite,  // BEGIN IMMEDIATE: takes the write lock up front, so that a read followed by a
             // write cannot fail half-way on a lock taken meanwhile by another process
  };

  [[nodiscard]] static Result<Transaction> Begin(const SqliteDb& db, Mode mode);
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  [[nodiscard]] Result<void> Commit();

 private:
  explicit Transaction(const SqliteDb* db) : db_(db) {}

  const SqliteDb* db_;  // null once committed or moved from
};

}  // namespace perfgate
