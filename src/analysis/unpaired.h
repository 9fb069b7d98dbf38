// Unpaired comparison (stored mode: the candidate against the master set): the
// Hodges–Lehmann shift of log values with its Mann–Whitney interval, the Mann–Whitney
// p-value, and Welch's t-test on the logs with a normality screen saying whether to trust it.
//
// Values <= 0, infinite or NaN cannot be logged and are dropped (counted). On the logs x
// (base) and y (candidate), the estimate is the median of the m*n differences y_j - x_i and
// the change exp(estimate) - 1.
//
// Interval: [D_(k), D_(mn-k+1)] of the sorted differences, k from the exact Mann–Whitney
// distribution when both sides have <= kMaxExactRankSize values, else from its normal
// approximation. Like the paired interval it treats the values as continuous: with ties its
// coverage is approximate. With too few values (e.g. 3 vs 3 at 95%) it is unbounded.
//
// Pure function: no I/O, no clock.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "analysis/normality.h"
#include "analysis/shift_estimate.h"
#include "analysis/t_test.h"
#include "base/error.h"

namespace perfgate {

struct UnpairedComparison {
  size_t base_used = 0;
  size_t candidate_used = 0;
  size_t dropped = 0;                    // values of either side that were <= 0, infinite or NaN
  ShiftEstimate shift;                   // all NaN when a side has no usable value
  double p_value = ShiftEstimate::kNaN;  // two-sided Mann–Whitney (MannWhitneyU) on the logs
  TTestResult welch;                     // on the logs
  NormalityScreen base_normality;        // of the base's logs
  NormalityScreen candidate_normality;
  // Both sides' logs pass the normality screen, so Welch's p-value may be used; otherwise
  // rely on the rank-based interval and p-value.
  bool welch_appropriate = false;
};

// The logs of the values that are finite and > 0, in order; `dropped` counts the others.
std::vector<double> LogsOfUsable(std::span<const double> values, size_t& dropped);

// InvalidInput when `confidence` is not in (0, 1).
[[nodiscard]] Result<UnpairedComparison> CompareUnpaired(std::span<const double> base,
                                                         std::span<const double> candidate,
                                                         double confidence = 0.95);

}  // namespace perfgate
