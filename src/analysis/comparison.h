// Base samples vs candidate samples, per series, with a verdict.
//
// Pure functions over values: no I/O, no clock. A later, more rigorous analysis replaces
// the statistics behind these types, not the types.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/sample.h"
#include "config/config.h"

namespace perfgate {

enum class Verdict { kRegression, kImprovement, kUnchanged, kInconclusive, kMissing };

const char* VerdictName(Verdict verdict);  // "regression", "improvement", ...
std::optional<Verdict> ParseVerdict(std::string_view name);

struct ComparisonPolicy {
  Better better = Better::kLower;
  Threshold threshold;  // the practical margin
  double alpha = 0.05;  // significance level of the two-sided test
};

struct SeriesComparison {
  std::string scenario;
  std::string metric;
  std::string series;
  std::string unit;
  Better better = Better::kLower;
  std::vector<double> base_values;  // present samples, by repetition
  std::vector<double> candidate_values;
  double base_median = 0;  // NaN when that side has no value
  double candidate_median = 0;
  double change = 0;   // (candidate - base) / |base|; NaN when undefined
  double p_value = 1;  // two-sided Mann–Whitney U; NaN when not computed
  Verdict verdict = Verdict::kMissing;
  std::string note;  // why, when the verdict needs a word of explanation
};

struct Comparison {
  std::vector<SeriesComparison> series;  // sorted by scenario, metric, series

  size_t Count(Verdict verdict) const;
  bool HasRegression() const { return Count(Verdict::kRegression) > 0; }
};

// Compares the samples of one series (NaN values are missing samples and are dropped).
// change = (candidate - base) / |base| of the medians; when the base median is 0 it is 0 if
// the candidate's is 0 too, else NaN (and any difference is beyond a relative threshold).
// The verdict, with `worse` meaning a change in the direction policy.better calls bad and
// `beyond` meaning the medians differ by more than policy.threshold:
//   missing      either side has no value
//   unchanged    !beyond
//   regression   beyond && p < alpha && worse
//   improvement  beyond && p < alpha && !worse
//   inconclusive beyond && p >= alpha; the note says whether more samples could help
SeriesComparison CompareSeries(std::span<const double> base, std::span<const double> candidate,
                               const ComparisonPolicy& policy);

// Groups both sides' samples by (scenario, metric, series) and compares every group whose
// metric is in `scenarios`; a series seen on one side only is `missing`. Fills scenario,
// metric, series, unit and better from the config.
Comparison Compare(std::span<const Sample> base, std::span<const Sample> candidate,
                   std::span<const ScenarioConfig> scenarios);

}  // namespace perfgate
