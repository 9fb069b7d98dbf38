// The smallest change a paired comparison can be expected to detect: tells a user whether
// "unchanged" means "no change" or "too noisy to see one", and how many pairs would help.
//
// Normal approximation for the signed-rank test: its asymptotic relative efficiency against
// the paired t-test is 3/pi for normal log-ratios, so n pairs are worth n * 3/pi pairs of a
// t-test, whose detectable mean log-ratio at two-sided level alpha and the given power is
//   delta = (z_{1 - alpha/2} + z_{power}) * sigma / sqrt(n * 3 / pi).
// For the handful of pairs of a typical run the normal quantiles make this optimistic (a t
// quantile with n - 1 df would be larger): read it as a lower bound.
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

// 1.4826 * the median absolute deviation from the median: a standard-deviation estimate
// (consistent for normal data) that one outlier cannot inflate. NaN when empty.
double RobustScale(std::span<const double> values);

}  // namespace perfgate
