#include "github/payload.h"

#include <limits>

namespace perfgate {

const nlohmann::json* Payload::Find(std::string_view path) const {
  const nlohmann::json* value = &json_;
  size_t start = 0;
  while (true) {
    size_t dot = path.find('.', start);
    std::string key(path.substr(start, dot - start));
    if (!value->is_object()) return nullptr;
    auto it = value->find(key);
    if (it == value->end()) return nullptr;
    value = &*it;
    if (dot == std::string_view::npos) return value;
    start = dot + 1;
  }
}

bool Payload::Has(std::string_view path) const {
  const nlohmann::json* value = Find(path);
  return value != nullptr && !value->is_null();
}

Error Payload::Wrong(std::string_view path, const char* expected) const {
  std::string what = Has(path) ? std::string("is not ") + expected
                               : std::string("is missing (") + expected + " expected)";
  return InvalidInput(std::move(what), std::string(path),
                      "send the event's payload as GitHub delivers it");
}

Result<std::string> Payload::String(std::string_view path) const {
  const nlohmann::json* value = Find(path);
  if (value == nullptr || !value->is_string()) return std::unexpected(Wrong(path, "a string"));
  return value->get<std::string>();
}

Result<bool> Payload::Bool(std::string_view path) const {
  const nlohmann::json* value = Find(path);
  if (value == nullptr || !value->is_boolean()) return std::unexpected(Wrong(path, "a boolean"));
  return value->get<bool>();
}

Result<int> Payload::Number(std::string_view path) const {
  Result<int64_t> id = Id(path);
  if (!id || *id > std::numeric_limits<int>::max()) {
    return std::unexpected(Wrong(path, "a positive integer"));
  }
  return static_cast<int>(*id);
}

Result<int64_t> Payload::Id(std::string_view path) const {
  const nlohmann::json* value = Find(path);
  if (value == nullptr || !value->is_number_integer() || value->get<int64_t>() <= 0) {
    return std::unexpected(Wrong(path, "a positive integer"));
  }
  return value->get<int64_t>();
}

}  // namespace perfgate
