// Welch's t-test: a difference of means without assuming equal variances.
//
// Pure function: no I/O, no clock. Inputs must not contain NaN.
#pragma once

#include <limits>
#include <span>

namespace perfgate {

struct WelchResult {
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

  double difference = kNaN;      // mean(y) - mean(x)
  double standard_error = kNaN;  // sqrt(var(x)/n_x + var(y)/n_y)
  double t = kNaN;               // difference / standard_error
  double df = kNaN;              // Welch–Satterthwaite degrees of freedom
  double p_value = kNaN;         // two-sided, from Student's t with df degrees of freedom
};

// Tests mean(y) - mean(x) = 0. All NaN when a side has fewer than 2 values. When both
// sides are constant the standard error is 0: equal means give t = 0, p = 1; different
// means give t = +-inf, p = 0 (and df = n_x + n_y - 2).
WelchResult WelchTTest(std::span<const double> x, std::span<const double> y);

}  // namespace perfgate
