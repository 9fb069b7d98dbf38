#include "analysis/detectable_effect.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

#include "analysis/distributions.h"
#include "analysis/statistics.h"

namespace perfgate {
namespace {

// The asymptotic relative efficiency of the signed-rank test against the t-test.
constexpr double kWilcoxonEfficiency = 3 / std::numbers::pi;

// 1 / Phi^-1(3/4): scales a normal sample's median absolute deviation to its sd.
constexpr double kMadToSd = 1.4826;

bool InUnitInterval(double value) { return value > 0 && value < 1; }

Result<void> CheckLevels(double alpha, double power) {
  if (InUnitInterval(alpha) && InUnitInterval(power)) return {};
  return std::unexpected(
      InvalidInput(fmt::format("alpha {} or power {} is not in (0, 1)", alpha, power),
                   "minimum detectable effect", "use e.g. alpha 0.05 and power 0.8"));
}

DetectableEffect FromLogRatio(double delta) {
  return {.log_ratio = delta, .increase = std::expm1(delta), .decrease = -std::expm1(-delta)};
}

}  // namespace

Result<DetectableEffect> MinimumDetectableEffect(double log_ratio_scale, size_t pairs, double alpha,
                                                 double power) {
  if (!(log_ratio_scale >= 0)) {
    return std::unexpected(InvalidInput(
        fmt::format("log-ratio scale {} is not a non-negative number", log_ratio_scale),
        "minimum detectable effect", "pass the spread of the pairs' log-ratios"));
  }
  if (Result<void> levels = CheckLevels(alpha, power); !levels) {
    return std::unexpected(std::move(levels.error()));
  }
  double delta = std::numeric_limits<double>::infinity();
  if (pairs > 0) {
    double effective_pairs = static_cast<double>(pairs) * kWilcoxonEfficiency;
    delta = (NormalQuantile(1 - alpha / 2) + NormalQuantile(power)) * log_ratio_scale /
            std::sqrt(effective_pairs);
  }
  return FromLogRatio(delta);
}

Result<DetectableEffect> TTestDetectableEffect(double standard_error, double df, double alpha,
                                               double power) {
  if (!(standard_error >= 0) || !(df > 0)) {
    return std::unexpected(InvalidInput(
        fmt::format("standard error {} or degrees of freedom {} out of range", standard_error, df),
        "minimum detectable effect", "pass the t-test's standard error (>= 0) and its df (> 0)"));
  }
  if (Result<void> levels = CheckLevels(alpha, power); !levels) {
    return std::unexpected(std::move(levels.error()));
  }
  return FromLogRatio((StudentTQuantile(1 - alpha / 2, df) + StudentTQuantile(power, df)) *
                      standard_error);
}

double RobustScale(std::span<const double> values) {
  double median = Median(values);
  std::vector<double> deviations;
  deviations.reserve(values.size());
  for (double v : values) deviations.push_back(std::abs(v - median));
  return kMadToSd * Median(deviations);
}

}  // namespace perfgate
