#include "analysis/series_groups.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <tuple>

namespace perfgate {
namespace {

using SeriesKey = std::tuple<std::string, std::string, std::string>;  // scenario, metric, series

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

double ValueOrNaN(const Sample* sample) {
  return sample->value.value_or(std::numeric_limits<double>::quiet_NaN());
}

}  // namespace

std::vector<SeriesSamples> GroupSeries(std::span<const Sample> base,
                                       std::span<const Sample> candidate,
                                       std::span<const ScenarioConfig> scenarios) {
  // A std::map keyed by (scenario, metric, series) yields the output order for free.
  std::map<SeriesKey, SeriesSamples> groups;
  auto add = [&](std::span<const Sample> samples, auto side) {
    for (const Sample& sample : samples) {
      const MetricConfig* metric = FindMetric(scenarios, sample.scenario, sample.metric);
      if (metric == nullptr) continue;  // no longer in the config: nothing to judge it by
      SeriesSamples& group = groups[{sample.scenario, sample.metric, sample.series}];
      group.config = metric;
      (group.*side).push_back(&sample);
    }
  };
  add(base, &SeriesSamples::base);
  add(candidate, &SeriesSamples::candidate);

  std::vector<SeriesSamples> result;
  result.reserve(groups.size());
  for (auto& [key, group] : groups) {
    std::tie(group.scenario, group.metric, group.series) = key;
    for (auto* side : {&group.base, &group.candidate}) {
      std::ranges::stable_sort(*side, {}, &Sample::repetition);
    }
    result.push_back(std::move(group));
  }
  return result;
}

std::vector<double> PresentValues(std::span<const Sample* const> samples) {
  std::vector<double> values;
  for (const Sample* sample : samples) {
    if (sample->value) values.push_back(*sample->value);
  }
  return values;
}

AlignedPairs AlignByRepetition(std::span<const Sample* const> base,
                               std::span<const Sample* const> candidate) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  // repetition -> (base value, candidate value)
  std::map<int, std::pair<double, double>> pairs;
  auto fill = [&](std::span<const Sample* const> samples, double std::pair<double, double>::*side) {
    std::set<int> seen;
    for (const Sample* sample : samples) {
      std::pair<double, double>& values =
          pairs.try_emplace(sample->repetition, kNaN, kNaN).first->second;
      if (seen.insert(sample->repetition).second) values.*side = ValueOrNaN(sample);
    }
  };
  fill(base, &std::pair<double, double>::first);
  fill(candidate, &std::pair<double, double>::second);
  AlignedPairs aligned;
  for (const auto& [repetition, values] : pairs) {
    aligned.base.push_back(values.first);
    aligned.candidate.push_back(values.second);
  }
  return aligned;
}

}  // namespace perfgate
