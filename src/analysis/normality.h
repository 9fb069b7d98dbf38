// A normality screen: does a sample look normal enough for a t-test on it?
//
// The Jarque–Bera statistic JB = n/6 (S^2 + (K - 3)^2 / 4), from the sample skewness S and
// kurtosis K (moment estimators, n in the denominators), is asymptotically chi-squared with
// 2 degrees of freedom, so p = exp(-JB / 2). It is a screen, not a proof: with the few
// samples of a performance run it has little power and only catches gross skew or heavy
// tails (typically one outlier among a handful of values). Shapiro–Wilk would be stronger
// but needs tabled coefficients; D'Agostino's K^2 needs n >= 8, which runs often lack.
//
// Pure function: no I/O, no clock. Inputs must not contain NaN.
#pragma once

#include <cstddef>
#include <limits>
#include <span>

namespace perfgate {

// p-values below this fail the screen.
inline constexpr double kNormalityAlpha = 0.05;

// Fewer values are never judged plausible: skewness and kurtosis need at least this many.
inline constexpr size_t kMinimumScreenedValues = 3;

struct NormalityScreen {
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

  double skewness = kNaN;
  double kurtosis = kNaN;  // 3 for a normal distribution
  double jarque_bera = kNaN;
  double p_value = kNaN;
  bool plausible = false;  // p_value >= kNormalityAlpha
};

// NaN statistics and not plausible when there are fewer than kMinimumScreenedValues values
// or all are equal (no spread: a t-test on it is degenerate).
NormalityScreen ScreenNormality(std::span<const double> values);

}  // namespace perfgate
