#include "analysis/series_statistics.h"

#include <algorithm>
#include <cmath>

#include "analysis/detectable_effect.h"
#include "analysis/distributions.h"
#include "analysis/paired.h"
#include "analysis/statistics.h"
#include "analysis/unpaired.h"

namespace perfgate {
namespace {

// The confidence of the first look, at which the p-value is read; any level gives the same.
constexpr double kAnyConfidence = 0.9;

// The variance of a side's mean log from its robust scale (one outlier cannot inflate it).
double MeanVariance(const std::vector<double>& logs) {
  double scale = RobustScale(logs);
  return scale * scale / static_cast<double>(logs.size());
}

}  // namespace

SeriesTest TestPaired(std::vector<double> base, std::vector<double> candidate) {
  SeriesTest test{.method = ComparisonMethod::kPaired,
                  .base = std::move(base),
                  .candidate = std::move(candidate)};
  Result<PairedComparison> compared = ComparePaired(test.base, test.candidate, kAnyConfidence);
  if (!compared) return test;  // unequal lengths: the caller aligned them, so never
  test.used = compared->pairs_used;
  test.dropped = compared->pairs_dropped;
  if (test.used == 0) return test;
  test.p_value = compared->p_value;
  // 2 / 2^n; ldexp keeps it exact where a pow of doubles need not be.
  test.smallest_p = std::min(1.0, std::ldexp(1.0, 1 - static_cast<int>(test.used)));
  test.detectable_scale = RobustScale(PairLogRatios(test.base, test.candidate).values);
  test.detectable_count = test.used;
  return test;
}

SeriesTest TestUnpaired(std::vector<double> base, std::vector<double> candidate) {
  SeriesTest test{.method = ComparisonMethod::kUnpaired,
                  .base = std::move(base),
                  .candidate = std::move(candidate)};
  Result<UnpairedComparison> compared = CompareUnpaired(test.base, test.candidate, kAnyConfidence);
  if (!compared) return test;
  test.used = std::min(compared->base_used, compared->candidate_used);
  test.dropped = compared->dropped;
  if (test.used == 0) return test;
  test.welch = compared->welch_appropriate;
  test.p_value = test.welch ? compared->welch.p_value : compared->p_value;
  test.smallest_p =
      test.welch ? 0 : MinimumTwoSidedP(compared->base_used, compared->candidate_used);
  size_t ignored = 0;
  std::vector<double> x = LogsOfUsable(test.base, ignored);
  std::vector<double> y = LogsOfUsable(test.candidate, ignored);
  test.detectable_scale = std::sqrt(MeanVariance(x) + MeanVariance(y));
  test.detectable_count = 1;
  return test;
}

ShiftEstimate IntervalAt(const SeriesTest& test, double confidence) {
  if (test.used == 0) return {};
  if (test.method == ComparisonMethod::kPaired) {
    Result<PairedComparison> compared = ComparePaired(test.base, test.candidate, confidence);
    return compared ? compared->shift : ShiftEstimate{};
  }
  if (!test.welch) {
    Result<UnpairedComparison> compared = CompareUnpaired(test.base, test.candidate, confidence);
    return compared ? compared->shift : ShiftEstimate{};
  }
  size_t ignored = 0;
  WelchResult welch =
      WelchTTest(LogsOfUsable(test.base, ignored), LogsOfUsable(test.candidate, ignored));
  double half_width = StudentTQuantile(1 - (1 - confidence) / 2, welch.df) * welch.standard_error;
  return ShiftFromLogs(welch.difference, welch.difference - half_width,
                       welch.difference + half_width, confidence, false);
}

}  // namespace perfgate
