// A job's samples grouped by series, with the metric config that judges each: the first
// step of ComparePaired and CompareUnpaired.
//
// Pure function: no I/O, no clock.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "analysis/sample.h"
#include "config/config.h"

namespace perfgate {

struct SeriesSamples {
  std::string scenario;
  std::string metric;
  std::string series;
  const MetricConfig* config = nullptr;  // points into the `scenarios` given to GroupSeries
  std::vector<const Sample*> base;       // by repetition; points into the samples given
  std::vector<const Sample*> candidate;
};

// One group per (scenario, metric, series) seen on either side whose metric is in
// `scenarios`, sorted by that key; samples of a metric no longer configured are left out.
std::vector<SeriesSamples> GroupSeries(std::span<const Sample> base,
                                       std::span<const Sample> candidate,
                                       std::span<const ScenarioConfig> scenarios);

// Present values in repetition order; a missing sample is left out, never read as 0.
std::vector<double> PresentValues(std::span<const Sample* const> samples);

// Pair i: the values of the i-th repetition seen on either side, NaN where a side has none
// (or its sample is missing). A repetition seen twice on one side keeps its first sample.
struct AlignedPairs {
  std::vector<double> base;
  std::vector<double> candidate;
};
AlignedPairs AlignByRepetition(std::span<const Sample* const> base,
                               std::span<const Sample* const> candidate);

}  // namespace perfgate
