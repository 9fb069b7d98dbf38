#include <algorithm>
#include <map>
#include <tuple>

#include "analysis/comparison.h"

namespace perfgate {
namespace {

using SeriesKey = std::tuple<std::string, std::string, std::string>;  // scenario, metric, series

struct SeriesSamples {
  const MetricConfig* metric = nullptr;
  std::vector<const Sample*> base;
  std::vector<const Sample*> candidate;
};

const MetricConfig* FindMetric(std::span<const ScenarioConfig> scenarios,
                               const std::string& scenario, const std::string& metric) {
  for (const ScenarioConfig& s : scenarios) {
    if (s.name != scenario) continue;
    for (const MetricConfig& m : s.metrics) {
      if (m.name == metric) return &m;
    }
  }
  return nullptr;
}

// Present values in repetition order; a missing sample is left out, never read as 0.
std::vector<double> ValuesByRepetition(std::vector<const Sample*> samples) {
  std::ranges::stable_sort(samples, {}, &Sample::repetition);
  std::vector<double> values;
  for (const Sample* sample : samples) {
    if (sample->value) values.push_back(*sample->value);
  }
  return values;
}

}  // namespace

Comparison Compare(std::span<const Sample> base, std::span<const Sample> candidate,
                   std::span<const ScenarioConfig> scenarios) {
  // A std::map keyed by (scenario, metric, series) yields the output order for free.
  std::map<SeriesKey, SeriesSamples> groups;
  auto add = [&](std::span<const Sample> samples, auto side) {
    for (const Sample& sample : samples) {
      const MetricConfig* metric = FindMetric(scenarios, sample.scenario, sample.metric);
      if (metric == nullptr) continue;  // no longer in the config: nothing to judge it by
      SeriesSamples& group = groups[{sample.scenario, sample.metric, sample.series}];
      group.metric = metric;
      (group.*side).push_back(&sample);
    }
  };
  add(base, &SeriesSamples::base);
  add(candidate, &SeriesSamples::candidate);

  Comparison comparison;
  comparison.series.reserve(groups.size());
  for (const auto& [key, group] : groups) {
    ComparisonPolicy policy{.better = group.metric->better, .threshold = group.metric->threshold};
    SeriesComparison series =
        CompareSeries(ValuesByRepetition(group.base), ValuesByRepetition(group.candidate), policy);
    std::tie(series.scenario, series.metric, series.series) = key;
    series.unit = group.metric->unit;
    comparison.series.push_back(std::move(series));
  }
  return comparison;
}

}  // namespace perfgate
