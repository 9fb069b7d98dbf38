// Paired comparison of interleaved base/candidate rounds: the Hodges–Lehmann estimate of
// the candidate's relative change with the Wilcoxon signed-rank interval and p-value, and
// the paired t-test on the log-ratios with a normality screen saying whether to trust it.
//
// Each pair i gives d_i = log(candidate_i / base_i); pairs share the machine's state of the
// moment, so their log-ratio cancels slow drifts that an unpaired comparison would see as
// noise. The estimate is the median of the Walsh averages (d_i + d_j) / 2, i <= j, and the
// change exp(estimate) - 1.
//
// Interval: [W_(k), W_(M-k+1)] of the M = n(n+1)/2 sorted Walsh averages, with k from the
// exact signed-rank distribution for n <= kMaxExactRankSize and from its normal
// approximation above. As in Hollander & Wolfe (and R's wilcox.test, exact branch), the
// interval treats the log-ratios as continuous: with tied or zero log-ratios its coverage
// is approximate. When n is too small for any finite interval to reach the requested
// confidence (e.g. n <= 5 at 95%), the interval is unbounded (-1, +inf).
//
// p-value: two-sided signed-rank test of "no change". Exact when n <= kMaxExactRankSize and
// no |d_i| is zero or tied; otherwise zero log-ratios are dropped (Wilcoxon's convention)
// and the normal approximation with tie and continuity corrections is used.
//
// The signed-rank p cannot go below 2 / 2^n (0.002 for 10 pairs), which a job-level false
// discovery rule over many series may ask for. The paired t-test has no such floor: its
// estimate is the mean log-ratio, its interval mean +- t_{n-1} * sd / sqrt(n). It may be
// used when the log-ratios pass the normality screen (normality.h; it needs 3 pairs), or
// when there are 3 or more and all are equal: no spread means every pair saw the same
// change, a sure shift when it is not 0 and none when it is (t-test convention, t_test.h).
// With 1 or 2 pairs neither applies and the signed-rank test (p >= 0.5) decides nothing.
// With few pairs the screen catches little more than one gross outlier; what keeps the
// t-test honest then is that under no change the random AB/BA order makes every log-ratio
// symmetric about 0, and on symmetric data the t-test holds its level (heavy tails make it
// conservative). bench/verdict_validation.cc measures this on bimodal and t(3) noise.
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

struct PairedComparison {
  size_t pairs_used = 0;     // pairs with both values finite and > 0
  size_t pairs_dropped = 0;  // pairs with a non-positive, infinite or NaN value on a side
  ShiftEstimate shift;       // all NaN when no pair is usable
  double p_value = ShiftEstimate::kNaN;  // NaN when no pair is usable
  bool exact_p_value = false;
  TTestResult t;              // the paired t-test on the log-ratios
  NormalityScreen normality;  // of the log-ratios
  // The log-ratios pass the normality screen, or there are 3 or more and all are equal: the
  // t-test's p-value and interval may be used; otherwise rely on the signed-rank ones.
  bool t_appropriate = false;
};

// log(candidate[i] / base[i]) of every pair whose two values are finite and > 0, in pair
// order, and how many pairs were dropped for a value that is not.
struct LogRatios {
  std::vector<double> values;
  size_t dropped = 0;
};
LogRatios PairLogRatios(std::span<const double> base, std::span<const double> candidate);

// Compares candidate[i] with base[i] for every i. InvalidInput when the spans differ in
// length or `confidence` is not in (0, 1).
[[nodiscard]] Result<PairedComparison> ComparePaired(std::span<const double> base,
                                                     std::span<const double> candidate,
                                                     double confidence = 0.95);

// The fewest pairs whose signed-rank interval can be finite at `confidence` (in (0, 1)):
// the smallest n with 1 - 2 / 2^n >= confidence, i.e. 6 at 95%, 5 at 90%. Fewer pairs can
// never give a regression or an improvement verdict.
size_t MinimumPairsForConfidence(double confidence);

}  // namespace perfgate
