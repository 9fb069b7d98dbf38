// The smallest change a comparison can be expected to detect: tells a user whether
// "unchanged" means "no change" or "too noisy to see one", and how many pairs would help.
//
// Rank tests (MinimumDetectableEffect), by a normal approximation: the signed-rank test's
// asymptotic relative efficiency against the paired t-test is 3/pi for normal log-ratios (as
// is the rank-sum test's against the two-sample t), so n pairs are worth n * 3/pi pairs of a
// t-test, whose detectable mean log-ratio at two-sided level alpha and the given power is
//   delta = (z_{1 - alpha/2} + z_{power}) * sigma / sqrt(n * 3 / pi).
// For the handful of pairs of a typical run the normal quantiles make this optimistic (a t
// quantile with n - 1 df would be larger): read it as a lower bound.
//
// t-tests (TTestDetectableEffect), from the test's own standard error and degrees of freedom:
//   delta = (t_{1 - alpha/2, df} + t_{power, df}) * standard_error,
// the usual approximation to the power of the noncentral t (it ignores the tail of the
// statistic beyond -t_{1 - alpha/2}, which at these levels is negligible).
//
// Pure functions: no I/O, no clock.
#pragma once

#include <cstddef>
#include <span>

#include "base/error.h"

namespace perfgate {

struct DetectableEffect {
  double log_ratio = 0;  // delta on the log scale
  double increase = 0;   // exp(delta) - 1: the smallest detectable rise
  double decrease = 0;   // 1 - exp(-delta): the smallest detectable fall
};

// `log_ratio_scale` is the spread of the pairs' log-ratios (their standard deviation, or
// RobustScale of them). +inf when pairs = 0. InvalidInput when the scale is negative or
// NaN, or alpha or power is not in (0, 1).
[[nodiscard]] Result<DetectableEffect> MinimumDetectableEffect(double log_ratio_scale, size_t pairs,
                                                               double alpha = 0.05,
                                                               double power = 0.8);

// The same for a t-test of standard error `standard_error` (>= 0) on `df` > 0 degrees of
// freedom. InvalidInput when the standard error is negative or NaN, df is not positive, or
// alpha or power is not in (0, 1).
[[nodiscard]] Result<DetectableEffect> TTestDetectableEffect(double standard_error, double df,
                                                             double alpha = 0.05,
                                                             double power = 0.8);

// 1.4826 * the median absolute deviation from the median: a standard-deviation estimate
// (consistent for normal data) that one outlier cannot inflate. NaN when empty.
double RobustScale(std::span<const double> values);

}  // namespace perfgate
