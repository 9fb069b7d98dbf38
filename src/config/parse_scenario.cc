// The `scenarios` list: each scenario's settings, load and metrics.
#include <charconv>
#include <cmath>

#include "config/parse.h"

namespace perfgate {
namespace {

using LoadType = decltype(ScenarioConfig::load)::Type;

void ReadLoad(const YamlField& field, LoadConfig* load) {
  if (!field.ExpectMap("e.g. { type: command, command: [wrk, ...], duration: 30s, rate: 200 }")) {
    return;
  }
  field.CheckKeys({"type", "command", "warmup", "duration", "rate"});
  ReadOptional(field.Child("type"), &load->type, [](const YamlField& f) {
    return ReadEnum<LoadType>(f, {{"command", LoadType::kCommand}});
  });
  std::string command_fix =
      "the load generator's argv, e.g. [hey, -z, \"{{duration}}\", -q, \"{{rate}}\", URL]";
  if (auto command = field.Required("command", command_fix)) {
    ReadOptional(*command, &load->command, [&](const YamlField& f) {
      return ReadArgv(f, TemplateScope::kLoad, command_fix);
    });
  }
  ReadOptional(field.Child("warmup"), &load->warmup, [](const YamlField& f) {
    return ReadDuration(f, DurationMin::kZero, "load before measuring, e.g. 5s, or 0s for none");
  });
  ReadOptional(field.Child("duration"), &load->duration, [](const YamlField& f) {
    return ReadDuration(f, DurationMin::kPositive, "the measured window, e.g. 30s");
  });
  std::string rate_fix = "requests per second, e.g. 200";
  if (auto rate = field.Required("rate", rate_fix)) {
    ReadOptional(*rate, &load->rate,
                 [&](const YamlField& f) { return ReadPositiveNumber(f, rate_fix); });
  }
}

// "5%" is relative; "0.002", or "0.002s" when the unit is "s", is absolute.
std::optional<Threshold> ReadThreshold(const YamlField& field, const std::string& unit) {
  std::string fix = "a percentage such as 5%, or an absolute value such as " +
                    (unit.empty() ? std::string("0.002") : "0.002" + unit);
  auto text = ReadString(field, fix);
  if (!text) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || !std::isfinite(value)) {
    field.Report(field.Describe() + " is not a threshold", fix);
    return std::nullopt;
  }
  std::string_view suffix(end, text->data() + text->size());
  while (suffix.starts_with(' ')) suffix.remove_prefix(1);
  if (value < 0) {
    field.Report(field.Describe() + " is negative", fix);
    return std::nullopt;
  }
  if (suffix == "%") return Threshold{.relative = true, .value = value / 100};
  if (suffix.empty() || suffix == unit) return Threshold{.relative = false, .value = value};
  field.Report(field.Describe() + (unit.empty() ? " has a unit but the metric has none"
                                                : " is not in the metric's unit \"" + unit + "\""),
               fix);
  return std::nullopt;
}

void ReadMetric(const YamlField& field, MetricConfig* metric, UniqueNames* names) {
  if (!field.ExpectMap("e.g. { name: latency_p99, query: ..., unit: s, better: lower }")) return;
  field.CheckKeys({"name", "query", "unit", "better", "threshold"});
  if (auto name = field.Required("name", "a name unique in the scenario, e.g. latency_p99")) {
    if (auto value = ReadName(*name, "metric", "latency_p99")) {
      names->Add(*name, *value);
      metric->name = std::move(*value);
    }
  }
  std::string query_fix =
      "a PromQL query, e.g. sum(rate(requests_total{ {{selector}} }"
      "[{{window}}]))";
  if (auto query = field.Required("query", query_fix)) {
    ReadOptional(*query, &metric->query, [&](const YamlField& f) {
      return ReadTemplate(f, TemplateScope::kQuery, query_fix);
    });
  }
  ReadOptional(field.Child("unit"), &metric->unit, [](const YamlField& f) {
    return ReadString(f, "the unit of the query's values, e.g. s or req/s");
  });
  ReadOptional(field.Child("better"), &metric->better, [](const YamlField& f) {
    return ReadEnum<Better>(f, {{"lower", Better::kLower}, {"higher", Better::kHigher}});
  });
  ReadOptional(field.Child("threshold"), &metric->threshold,
               [&](const YamlField& f) { return ReadThreshold(f, metric->unit); });
}

void ReadMetrics(const YamlField& field, std::vector<MetricConfig>* metrics) {
  std::string fix = "a list of metrics, e.g. [{ name: latency_p99, query: ... }]";
  if (!field.ExpectList("a list of metrics", fix)) return;
  std::vector<YamlField> items = field.Items();
  if (items.empty()) field.Report("the scenario has no metrics", fix);
  UniqueNames names("metric");
  for (const YamlField& item : items) ReadMetric(item, &metrics->emplace_back(), &names);
}

void ReadScenario(const YamlField& field, ScenarioConfig* scenario, UniqueNames* names) {
  if (!field.ExpectMap("a scenario: { name, environment, load, metrics }")) return;
  field.CheckKeys({"name", "repetitions", "comparison", "pairs", "max_pairs", "environment", "load",
                   "metrics"});
  if (auto name = field.Required("name", "a unique name, e.g. http-api")) {
    if (auto value = ReadName(*name, "scenario", "http-api")) {
      names->Add(*name, *value);
      scenario->name = std::move(*value);
    }
  }
  ReadOptional(field.Child("repetitions"), &scenario->repetitions, [](const YamlField& f) {
    return ReadInteger(f, 1, "measured windows of a baseline job, e.g. 5");
  });
  ReadOptional(field.Child("comparison"), &scenario->comparison, [](const YamlField& f) {
    return ReadEnum<ComparisonMode>(
        f, {{"interleaved", ComparisonMode::kInterleaved}, {"stored", ComparisonMode::kStored}});
  });
  auto read_pairs = [](const YamlField& f) {
    std::string fix = "base/candidate rounds, from 1 to " + std::to_string(kPairsLimit);
    auto pairs = ReadInteger(f, 1, fix);
    if (pairs && *pairs > kPairsLimit) {
      f.Report(f.Describe() + " is more than " + std::to_string(kPairsLimit), fix);
      return std::optional<int>();
    }
    return pairs;
  };
  ReadOptional(field.Child("pairs"), &scenario->pairs, read_pairs);
  ReadOptional(field.Child("max_pairs"), &scenario->max_pairs, read_pairs);
  if (scenario->pairs > scenario->max_pairs) {
    if (field.Child("max_pairs").present()) {
      field.Child("max_pairs")
          .Report("max_pairs " + std::to_string(scenario->max_pairs) + " is less than pairs " +
                      std::to_string(scenario->pairs),
                  "max_pairs bounds the pairs adaptive confirmation adds to `pairs`: make it at "
                  "least " +
                      std::to_string(scenario->pairs));
    } else {
      // More pairs than the default maximum, which was not asked for: no further pairs.
      scenario->max_pairs = scenario->pairs;
    }
  }
  if (auto environment = field.Required(
          "environment", "how to bring the system up, e.g. { type: process, services: [...] }")) {
    ReadEnvironment(*environment, &scenario->environment);
  }
  if (auto load = field.Required("load", "how to drive it, e.g. { command: [...], rate: 200 }")) {
    ReadLoad(*load, &scenario->load);
  }
  if (auto metrics = field.Required("metrics", "what to measure: a list of PromQL queries")) {
    ReadMetrics(*metrics, &scenario->metrics);
  }
}

}  // namespace

void ReadScenarios(const YamlField& field, std::vector<ScenarioConfig>* scenarios) {
  std::string fix = "a list of scenarios, e.g. [{ name: http-api, environment: ..., ... }]";
  if (!field.ExpectList("a list of scenarios", fix)) return;
  std::vector<YamlField> items = field.Items();
  if (items.empty()) field.Report("there are no scenarios", fix);
  UniqueNames names("scenario");
  for (const YamlField& item : items) ReadScenario(item, &scenarios->emplace_back(), &names);
}

}  // namespace perfgate
