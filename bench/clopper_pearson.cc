#include "clopper_pearson.h"

#include <fmt/format.h>

#include "analysis/distributions.h"

namespace perfgate {
namespace {

// The p-quantile of Beta(a, b), by bisection on the regularized incomplete beta function.
double BetaQuantile(double p, double a, double b) {
  double low = 0, high = 1;
  for (int i = 0; i < 60; ++i) {
    double middle = (low + high) / 2;
    (RegularizedIncompleteBeta(a, b, middle) < p ? low : high) = middle;
  }
  return (low + high) / 2;
}

}  // namespace

std::string FormatRate(const Rate& rate) {
  if (rate.trials == 0) return "n/a";
  auto x = static_cast<double>(rate.hits);
  auto n = static_cast<double>(rate.trials);
  double low = rate.hits == 0 ? 0 : BetaQuantile(0.025, x, n - x + 1);
  double high = rate.hits == rate.trials ? 1 : BetaQuantile(0.975, x + 1, n - x);
  return fmt::format("{:5.1f}% [{:5.1f},{:5.1f}]", 100 * x / n, 100 * low, 100 * high);
}

}  // namespace perfgate
