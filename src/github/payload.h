// A webhook payload read field by field, each field named by its path
// ("pull_request.head.sha"), so that a delivery missing a field or carrying one of the wrong
// type is answered with the path of exactly that field.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "base/error.h"

namespace perfgate {

class Payload {
 public:
  // `json` must outlive the Payload.
  explicit Payload(const nlohmann::json& json) : json_(json) {}

  // The field at `path`: InvalidInput (where = the path) when it, or an object on the way to
  // it, is missing, null or of another type.
  [[nodiscard]] Result<std::string> String(std::string_view path) const;
  [[nodiscard]] Result<bool> Bool(std::string_view path) const;
  // A positive number that fits an int (pull request and issue numbers).
  [[nodiscard]] Result<int> Number(std::string_view path) const;
  // A positive 64-bit id (comment ids have outgrown 32 bits).
  [[nodiscard]] Result<int64_t> Id(std::string_view path) const;

  // Whether the field at `path` exists and is not null.
  bool Has(std::string_view path) const;

 private:
  // The value at `path`, or null when a step is missing or not an object.
  const nlohmann::json* Find(std::string_view path) const;
  Error Wrong(std::string_view path, const char* expected) const;

  const nlohmann::json& json_;
};

}  // namespace perfgate
