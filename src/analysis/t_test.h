// Student's t-tests of a difference of means: Welch's for two independent samples, and the
// paired test of one difference per pair.
//
// Pure functions: no I/O, no clock. Inputs must not contain NaN.
#pragma once

#include <limits>
#include <span>

namespace perfgate {

struct TTestResult {
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

  double difference = kNaN;      // Welch: mean(y) - mean(x); paired: the mean difference
  double standard_error = kNaN;  // of `difference`
  double t = kNaN;               // difference / standard_error
  double df = kNaN;              // degrees of freedom
  double p_value = kNaN;         // two-sided, from Student's t with df degrees of freedom
};

// Tests mean(y) - mean(x) = 0 with Welch–Satterthwaite degrees of freedom. All NaN when a
// side has fewer than 2 values. When both sides are constant the standard error is 0: equal
// means give t = 0, p = 1; different means give t = +-inf, p = 0 (and df = n_x + n_y - 2).
TTestResult WelchTTest(std::span<const double> x, std::span<const double> y);

// Tests mean(differences) = 0 with n - 1 degrees of freedom. All NaN with fewer than 2
// differences. Constant differences have a standard error of 0: all 0 gives t = 0, p = 1 (no
// change); any other constant gives t = +-inf, p = 0 (every pair moved by exactly as much).
TTestResult PairedTTest(std::span<const double> differences);

// Half the width of the t interval of `result.difference` at `confidence` in (0, 1):
// t_{(1 + confidence) / 2, df} * standard_error. 0 when the standard error is 0; NaN when
// the test had too few values.
double THalfWidth(const TTestResult& result, double confidence);

}  // namespace perfgate
