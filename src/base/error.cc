#include "base/error.h"

#include <utility>

namespace perfgate {

const char* ErrorKindName(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalidInput:
      return "invalid input";
    case ErrorKind::kNotFound:
      return "not found";
    case ErrorKind::kUnavailable:
      return "unavailable";
    case ErrorKind::kFailedPrecondition:
      return "failed precondition";
    case ErrorKind::kInternal:
      return "internal";
  }
  return "internal";
}

std::string Error::ToString() const {
  std::string text = where.empty() ? what : where + ": " + what;
  if (!fix.empty()) text += " (" + fix + ")";
  return text;
}

Error Error::In(const std::string& context) const& { return Error(*this).In(context); }

Error Error::In(const std::string& context) && {
  if (where.empty()) {
    where = context;
  } else if (where != context && !where.starts_with(context + ": ")) {
    where = context + ": " + where;
  }
  return std::move(*this);
}

namespace {
Error Make(ErrorKind kind, std::string what, std::string where, std::string fix) {
  return Error{kind, std::move(what), std::move(where), std::move(fix)};
}
}  // namespace

Error InvalidInput(std::string what, std::string where, std::string fix) {
  return Make(ErrorKind::kInvalidInput, std::move(what), std::move(where), std::move(fix));
}
Error NotFound(std::string what, std::string where, std::string fix) {
  return Make(ErrorKind::kNotFound, std::move(what), std::move(where), std::move(fix));
}
Error Unavailable(std::string what, std::string where, std::string fix) {
  return Make(ErrorKind::kUnavailable, std::move(what), std::move(where), std::move(fix));
}
Error FailedPrecondition(std::string what, std::string where, std::string fix) {
  return Make(ErrorKind::kFailedPrecondition, std::move(what), std::move(where), std::move(fix));
}
Error Internal(std::string what, std::string where, std::string fix) {
  return Make(ErrorKind::kInternal, std::move(what), std::move(where), std::move(fix));
}

}  // namespace perfgate
