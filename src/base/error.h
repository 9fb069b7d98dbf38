// The one error type of perfgate: what went wrong, where, and how to fix it.
//
// Expected failures (bad config, Prometheus down, a service that never gets ready) travel as
// std::expected<T, Error>; exceptions are reserved for bugs and are turned into an Error at
// the boundary of the library that threw them.
#pragma once

#include <expected>
#include <string>

namespace perfgate {

// Few kinds, each implying what the caller should do about it.
enum class ErrorKind {
  kInvalidInput,        // the request or config is wrong: fix it and try again
  kNotFound,            // the named thing does not exist
  kUnavailable,         // a peer is down or slow: retrying later may succeed
  kFailedPrecondition,  // the system is not in a state that allows this: fix that first
  kInternal,            // a bug or an unexpected system failure
};

const char* ErrorKindName(ErrorKind kind);

struct Error {
  ErrorKind kind = ErrorKind::kInternal;
  std::string what;   // what went wrong, e.g. `"-5" is not a positive number`
  std::string where;  // e.g. `perfgate.yaml:42:7: scenarios[0].load.rate`; may be empty
  std::string fix;    // how to fix it, e.g. `requests per second, e.g. 200`; may be empty

  // "where: what (fix)", leaving out the empty parts.
  std::string ToString() const;

  // Prepends context to `where`, e.g. Error{...}.In("scenario http-api"), unless `where`
  // already begins with it: a caller adding what its callee may have said is not repeated.
  Error In(const std::string& context) const&;
  Error In(const std::string& context) &&;
};

template <typename T>
using Result = std::expected<T, Error>;

// Shorthands that read like the kind they build: `return std::unexpected(NotFound(...))`.
Error InvalidInput(std::string what, std::string where = {}, std::string fix = {});
Error NotFound(std::string what, std::string where = {}, std::string fix = {});
Error Unavailable(std::string what, std::string where = {}, std::string fix = {});
Error FailedPrecondition(std::string what, std::string where = {}, std::string fix = {});
Error Internal(std::string what, std::string where = {}, std::string fix = {});

}  // namespace perfgate
