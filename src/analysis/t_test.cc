#include "analysis/t_test.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "analysis/distributions.h"

namespace perfgate {
namespace {

struct Moments {
  double n = 0;
  double mean = 0;
  double variance = 0;  // unbiased, n - 1 in the denominator
};

Moments SampleMoments(std::span<const double> values) {
  Moments m;
  m.n = static_cast<double>(values.size());
  // Summing n copies of a value need not give n times it: a constant sample must get a
  // variance of exactly 0, not a rounding residue that turns t into a huge number.
  auto [low, high] = std::ranges::minmax(values);
  if (low == high) return {.n = m.n, .mean = low, .variance = 0};
  for (double v : values) m.mean += v;
  m.mean /= m.n;
  for (double v : values) m.variance += (v - m.mean) * (v - m.mean);
  m.variance /= m.n - 1;
  return m;
}

// The test of `difference` with squared standard error `variance` on `df` degrees of freedom.
TTestResult Test(double difference, double variance, double df) {
  if (variance == 0) {
    if (difference == 0) {
      return {.difference = 0, .standard_error = 0, .t = 0, .df = df, .p_value = 1};
    }
    return {.difference = difference,
            .standard_error = 0,
            .t = std::copysign(std::numeric_limits<double>::infinity(), difference),
            .df = df,
            .p_value = 0};
  }
  TTestResult result;
  result.difference = difference;
  result.standard_error = std::sqrt(variance);
  result.t = difference / result.standard_error;
  result.df = df;
  result.p_value = StudentTTwoSidedP(result.t, df);
  return result;
}

}  // namespace

TTestResult WelchTTest(std::span<const double> x, std::span<const double> y) {
  if (x.size() < 2 || y.size() < 2) return {};
  Moments a = SampleMoments(x);
  Moments b = SampleMoments(y);
  double va = a.variance / a.n;
  double vb = b.variance / b.n;
  double df = va + vb == 0 ? a.n + b.n - 2
                           : (va + vb) * (va + vb) / (va * va / (a.n - 1) + vb * vb / (b.n - 1));
  return Test(b.mean - a.mean, va + vb, df);
}

TTestResult PairedTTest(std::span<const double> differences) {
  if (differences.size() < 2) return {};
  Moments d = SampleMoments(differences);
  return Test(d.mean, d.variance / d.n, d.n - 1);
}

double THalfWidth(const TTestResult& result, double confidence) {
  if (result.standard_error == 0) return 0;
  return StudentTQuantile(1 - (1 - confidence) / 2, result.df) * result.standard_error;
}

}  // namespace perfgate
