#include "prometheus/query_response.h"

#include <fmt/format.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

namespace perfgate {
namespace {

using nlohmann::json;

constexpr size_t kQuotedBodyLength = 200;

std::string Excerpt(std::string_view body) {
  if (body.size() <= kQuotedBodyLength) return std::string(body);
  return std::string(body.substr(0, kQuotedBodyLength)) + "...";
}

// The string member `name` of an object, "" when absent or of another type.
std::string StringField(const json& object, const char* name) {
  if (!object.is_object()) return "";
  auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

// Prometheus sends sample values as strings so that NaN and ±Inf survive JSON.
Result<double> ParseSampleValue(const json& sample, const std::string& where) {
  // A sample is [<unix seconds>, "<value>"].
  const std::string& text = sample.at(1).get_ref<const std::string&>();
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size()) {
    return std::unexpected(Internal(fmt::format("sample value \"{}\" is not a number", text), where,
                                    "check that the URL points at a Prometheus server"));
  }
  return value;
}

Result<std::vector<QueryValue>> ParseData(const json& data, const std::string& where) {
  const std::string& type = data.at("resultType").get_ref<const std::string&>();
  const json& result = data.at("result");
  std::vector<QueryValue> values;
  if (type == "scalar") {
    auto value = ParseSampleValue(result, where);
    if (!value) return std::unexpected(value.error());
    values.push_back(QueryValue{.labels = {}, .value = *value});
    return values;
  }
  if (type != "vector") {
    return std::unexpected(InvalidInput(
        fmt::format("the query returned a {}, but a metric needs an instant vector or a scalar",
                    type),
        where,
        "drop the range selector ([5m]) or wrap it in a function such as rate() or "
        "avg_over_time()"));
  }
  for (const json& series : result) {
    QueryValue element;
    for (const auto& [name, label_value] : series.at("metric").items()) {
      element.labels[name] = label_value.get<std::string>();
    }
    auto value = ParseSampleValue(series.at("value"), where);
    if (!value) return std::unexpected(value.error());
    element.value = *value;
    values.push_back(std::move(element));
  }
  return values;
}

}  // namespace

Result<std::vector<QueryValue>> ParseQueryResponse(int http_status, std::string_view body,
                                                   const std::string& where) {
  json envelope = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (http_status >= 500) {
    std::string message = StringField(envelope, "error");
    if (message.empty()) message = Excerpt(body);
    return std::unexpected(
        Unavailable(fmt::format("Prometheus answered HTTP {}: {}", http_status, message), where,
                    "check that Prometheus is running and healthy, then retry"));
  }
  if (!envelope.is_object()) {
    return std::unexpected(
        Internal(fmt::format("the answer (HTTP {}) is not Prometheus API JSON: {}", http_status,
                             Excerpt(body)),
                 where, "check that the URL points at a Prometheus server"));
  }
  try {
    if (envelope.at("status").get_ref<const std::string&>() == "error") {
      return std::unexpected(InvalidInput(
          fmt::format("Prometheus rejected the query ({}): {}", StringField(envelope, "errorType"),
                      StringField(envelope, "error")),
          where, "fix the PromQL query in the metric's `query`"));
    }
    return ParseData(envelope.at("data"), where);
  } catch (const json::exception& e) {
    return std::unexpected(
        Internal(fmt::format("unexpected Prometheus API JSON (HTTP {}): {}", http_status, e.what()),
                 where, "check that the URL points at a Prometheus server"));
  }
}

}  // namespace perfgate
