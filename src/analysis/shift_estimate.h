// A Hodges–Lehmann shift of log values with its distribution-free confidence interval, on
// the log scale and as a relative change: what the paired and unpaired comparisons report.
//
// The estimate is the median of a set of "elementary estimates" (Walsh averages of paired
// log-ratios, or all pairwise differences of two samples' logs). The interval is
// [E_(k), E_(M-k+1)] of the M sorted elementary estimates, where k - 1 is the lower
// critical value of the matching rank statistic (signed rank or Mann–Whitney U): inverting
// that test gives the interval, so its coverage is exactly the test's.
#pragma once

#include <cstddef>
#include <limits>
#include <span>
#include <vector>

namespace perfgate {

// Which order statistics bound the interval, and the coverage that choice achieves.
struct IntervalRank {
  size_t k = 0;           // 1-based; 0: no finite interval reaches the requested confidence
  double confidence = 1;  // achieved coverage; >= the requested one when exact
};

// For a rank statistic S symmetric on 0 .. size-1 with P(S = s) = null_probabilities[s]:
// the largest k with P(S <= k - 1) <= (1 - confidence) / 2. Discreteness makes the achieved
// coverage 1 - 2 P(S <= k - 1) at least the requested one. k = 0 when even the widest
// interval [E_(1), E_(M)] falls short (too few values): the interval is then unbounded.
IntervalRank ExactIntervalRank(std::span<const double> null_probabilities, double confidence);

// The same from a normal approximation of S (mean, standard deviation) with a continuity
// correction; the achieved coverage is the approximation's.
IntervalRank NormalIntervalRank(double mean, double sd, double confidence);

struct ShiftEstimate {
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

  double log_shift = kNaN;  // Hodges–Lehmann estimate on the log scale
  double log_low = kNaN;    // interval on the log scale; -inf / +inf when unbounded
  double log_high = kNaN;
  double change = kNaN;  // exp(log_shift) - 1: the relative change
  double low = kNaN;     // the interval as relative changes; -1 / +inf when unbounded
  double high = kNaN;
  double confidence = kNaN;  // achieved coverage of the interval
  bool exact = false;        // k from the exact null distribution
};

// A shift and interval on the log scale, with the relative changes filled in from them.
ShiftEstimate ShiftFromLogs(double log_shift, double log_low, double log_high, double confidence,
                            bool exact);

// The estimate and interval from the elementary estimates (any order; consumed) and the
// rank chosen for them. All NaN when `elementary` is empty.
ShiftEstimate EstimateShift(std::vector<double> elementary, IntervalRank rank, bool exact);

}  // namespace perfgate
