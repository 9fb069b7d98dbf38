#include "analysis/normality.h"

#include <algorithm>
#include <cmath>

namespace perfgate {

NormalityScreen ScreenNormality(std::span<const double> values) {
  NormalityScreen screen;
  if (values.size() < kMinimumScreenedValues) return screen;
  // Compared directly: the mean of a constant sample may differ from it by a rounding
  // residue, which would give it a nonzero spread.
  auto [low, high] = std::ranges::minmax(values);
  if (low == high) return screen;
  auto n = static_cast<double>(values.size());
  double mean = 0;
  for (double v : values) mean += v;
  mean /= n;
  double m2 = 0, m3 = 0, m4 = 0;
  for (double v : values) {
    double d = v - mean;
    m2 += d * d;
    m3 += d * d * d;
    m4 += d * d * d * d;
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  screen.skewness = m3 / std::pow(m2, 1.5);
  screen.kurtosis = m4 / (m2 * m2);
  double excess = screen.kurtosis - 3;
  screen.jarque_bera = n / 6 * (screen.skewness * screen.skewness + excess * excess / 4);
  // The chi-squared survival function with 2 degrees of freedom.
  screen.p_value = std::exp(-screen.jarque_bera / 2);
  screen.plausible = screen.p_value >= kNormalityAlpha;
  return screen;
}

}  // namespace perfgate
