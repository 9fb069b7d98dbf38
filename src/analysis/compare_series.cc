#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "analysis/comparison.h"
#include "analysis/statistics.h"

namespace perfgate {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// NaN is how a missing sample looks as a double; it takes no part in a comparison.
std::vector<double> PresentValues(std::span<const double> values) {
  std::vector<double> present;
  present.reserve(values.size());
  for (double v : values) {
    if (!std::isnan(v)) present.push_back(v);
  }
  return present;
}

std::string MissingNote(bool base_empty, bool candidate_empty) {
  if (base_empty && candidate_empty) return "neither side has a value for this series";
  return base_empty ? "the base has no value for this series"
                    : "the candidate has no value for this series";
}

// Why a change beyond the margin is not significant, and whether more samples would help.
std::string InconclusiveNote(double p_value, size_t n_base, size_t n_candidate, double alpha) {
  std::string note = fmt::format("p = {:.2g} with {} vs {} samples", p_value, n_base, n_candidate);
  double reachable = MinimumTwoSidedP(n_base, n_candidate);
  if (reachable >= alpha) {
    return note +
           fmt::format("; the smallest p reachable is {:.2g}: use more repetitions", reachable);
  }
  return note + fmt::format(" is not below alpha = {:.2g}: the difference may be noise", alpha);
}

}  // namespace

SeriesComparison CompareSeries(std::span<const double> base, std::span<const double> candidate,
                               const ComparisonPolicy& policy) {
  SeriesComparison result;
  result.better = policy.better;
  result.base_values = PresentValues(base);
  result.candidate_values = PresentValues(candidate);
  result.base_median = Median(result.base_values);
  result.candidate_median = Median(result.candidate_values);
  if (result.base_values.empty() || result.candidate_values.empty()) {
    result.change = kNaN;
    result.p_value = kNaN;
    result.verdict = Verdict::kMissing;
    result.note = MissingNote(result.base_values.empty(), result.candidate_values.empty());
    return result;
  }

  double base_median = result.base_median;
  double difference = result.candidate_median - base_median;
  bool base_zero = base_median == 0;
  if (!base_zero) {
    result.change = difference / std::abs(base_median);
  } else if (difference == 0) {
    result.change = 0;
  } else {
    result.change = kNaN;
    result.note =
        "the base median is 0, so the relative change is undefined; any difference counts as "
        "beyond a relative threshold";
  }
  result.p_value = MannWhitneyU(result.base_values, result.candidate_values).p_value;

  bool worse = policy.better == Better::kLower ? difference > 0 : difference < 0;
  bool beyond = policy.threshold.relative ? (std::isnan(result.change) ||
                                             std::abs(result.change) > policy.threshold.value)
                                          : std::abs(difference) > policy.threshold.value;
  bool significant = result.p_value < policy.alpha;
  if (!beyond) {
    result.verdict = Verdict::kUnchanged;
  } else if (significant) {
    result.verdict = worse ? Verdict::kRegression : Verdict::kImprovement;
  } else {
    result.verdict = Verdict::kInconclusive;
    if (!result.note.empty()) result.note += "; ";
    result.note += InconclusiveNote(result.p_value, result.base_values.size(),
                                    result.candidate_values.size(), policy.alpha);
  }
  return result;
}

}  // namespace perfgate
