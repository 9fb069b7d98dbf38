#include "config/config.h"

#include <filesystem>

namespace perfgate {
namespace {

std::string Count(size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

}  // namespace

const ScenarioConfig* Config::FindScenario(const std::string& name) const {
  for (const ScenarioConfig& scenario : scenarios) {
    if (scenario.name == name) return &scenario;
  }
  return nullptr;
}

const MetricConfig* Config::FindMetric(const std::string& scenario,
                                       const std::string& metric) const {
  const ScenarioConfig* found = FindScenario(scenario);
  if (found == nullptr) return nullptr;
  for (const MetricConfig& candidate : found->metrics) {
    if (candidate.name == metric) return &candidate;
  }
  return nullptr;
}

size_t Config::MetricCount() const {
  size_t count = 0;
  for (const ScenarioConfig& scenario : scenarios) count += scenario.metrics.size();
  return count;
}

std::string Config::Resolve(const std::string& relative) const {
  std::filesystem::path path(relative);
  if (path.is_absolute()) return relative;
  return (std::filesystem::path(base_dir) / path).lexically_normal().string();
}

std::string ConfigErrors::ToString() const {
  std::string text;
  for (const Error& error : errors) text += "config error: " + error.ToString() + "\n";
  return text;
}

std::string ConfigSummary(const Config& config) {
  return "ok: " + Count(config.scenarios.size(), "scenario") + ", " +
         Count(config.MetricCount(), "metric");
}

}  // namespace perfgate
