#include "store/columns.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace perfgate {
namespace {

Error Malformed(std::string_view column, std::string_view expected, std::string_view detail) {
  return Internal(
      std::string(column) + " is not " + std::string(expected) + ": " + std::string(detail), {},
      "the database was edited by hand or is damaged; restore it from a backup");
}

// Parses `text` as a JSON array, each element through `convert`; nlohmann's exceptions stop
// here. Returns false from `convert` to reject an element.
template <typename T, typename Convert>
Result<std::vector<T>> DecodeList(std::string_view text, std::string_view column,
                                  std::string_view expected, Convert convert) {
  try {
    nlohmann::json array = nlohmann::json::parse(text);
    if (!array.is_array()) return std::unexpected(Malformed(column, expected, text));
    std::vector<T> values;
    values.reserve(array.size());
    for (const nlohmann::json& element : array) {
      T value;
      if (!convert(element, value)) return std::unexpected(Malformed(column, expected, text));
      values.push_back(std::move(value));
    }
    return values;
  } catch (const nlohmann::json::exception& error) {
    return std::unexpected(Malformed(column, expected, error.what()));
  }
}

}  // namespace

int64_t ToUnixMillis(TimePoint time) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
}

TimePoint FromUnixMillis(int64_t millis) { return TimePoint(std::chrono::milliseconds(millis)); }

std::string EncodeStringList(const std::vector<std::string>& values) {
  return nlohmann::json(values).dump();
}

Result<std::vector<std::string>> DecodeStringList(std::string_view text, std::string_view column) {
  return DecodeList<std::string>(text, column, "a JSON array of strings",
                                 [](const nlohmann::json& element, std::string& value) {
                                   if (!element.is_string()) return false;
                                   value = element.get<std::string>();
                                   return true;
                                 });
}

std::string EncodeNumberList(const std::vector<double>& values) {
  nlohmann::json array = nlohmann::json::array();
  for (double value : values) {
    if (std::isfinite(value)) {
      array.push_back(value);
    } else {
      array.push_back(nullptr);
    }
  }
  return array.dump();
}

Result<std::vector<double>> DecodeNumberList(std::string_view text, std::string_view column) {
  return DecodeList<double>(text, column, "a JSON array of numbers",
                            [](const nlohmann::json& element, double& value) {
                              if (element.is_null()) {
                                value = std::nan("");
                                return true;
                              }
                              if (!element.is_number()) return false;
                              value = element.get<double>();
                              return true;
                            });
}

}  // namespace perfgate
