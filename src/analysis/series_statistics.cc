#include "analysis/series_statistics.h"

#include <algorithm>
#include <cmath>

#include "analysis/detectable_effect.h"
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

SeriesTest NewTest(ComparisonMethod method, std::vector<double> base,
                   std::vector<double> candidate) {
  SeriesTest test;
  test.method = method;
  test.base = std::move(base);
  test.candidate = std::move(candidate);
  return test;
}

// The t-test `which` decides: its p-value, interval and detectable effect follow from `t`.
void DecideByT(SeriesTest& test, StatisticalTest which, const TTestResult& t) {
  test.test = which;
  test.t = t;
  test.p_value = t.p_value;
}

}  // namespace

bool IsTTest(StatisticalTest test) {
  return test == StatisticalTest::kPairedT || test == StatisticalTest::kWelch;
}

SeriesTest TestPaired(std::vector<double> base, std::vector<double> candidate) {
  SeriesTest test = NewTest(ComparisonMethod::kPaired, std::move(base), std::move(candidate));
  Result<PairedComparison> compared = ComparePaired(test.base, test.candidate, kAnyConfidence);
  if (!compared) return test;  // unequal lengths: the caller aligned them, so never
  test.used = compared->pairs_used;
  test.dropped = compared->pairs_dropped;
  if (test.used == 0) return test;
  if (compared->t_appropriate) {
    DecideByT(test, StatisticalTest::kPairedT, compared->t);
    return test;
  }
  test.test = StatisticalTest::kSignedRank;
  test.p_value = compared->p_value;
  test.smallest_p = SmallestSignedRankP(test.used);
  test.detectable_scale = RobustScale(PairLogRatios(test.base, test.candidate).values);
  test.detectable_count = test.used;
  return test;
}

SeriesTest TestUnpaired(std::vector<double> base, std::vector<double> candidate) {
  SeriesTest test = NewTest(ComparisonMethod::kUnpaired, std::move(base), std::move(candidate));
  Result<UnpairedComparison> compared = CompareUnpaired(test.base, test.candidate, kAnyConfidence);
  if (!compared) return test;
  test.used = std::min(compared->base_used, compared->candidate_used);
  test.dropped = compared->dropped;
  if (test.used == 0) return test;
  if (compared->welch_appropriate) {
    DecideByT(test, StatisticalTest::kWelch, compared->welch);
    return test;
  }
  test.test = StatisticalTest::kMannWhitney;
  test.p_value = compared->p_value;
  test.smallest_p = MinimumTwoSidedP(compared->base_used, compared->candidate_used);
  size_t ignored = 0;
  std::vector<double> x = LogsOfUsable(test.base, ignored);
  std::vector<double> y = LogsOfUsable(test.candidate, ignored);
  test.detectable_scale = std::sqrt(MeanVariance(x) + MeanVariance(y));
  test.detectable_count = 1;
  return test;
}

ShiftEstimate IntervalAt(const SeriesTest& test, double confidence) {
  if (test.used == 0) return {};
  if (IsTTest(test.test)) {
    double half_width = THalfWidth(test.t, confidence);
    return ShiftFromLogs(test.t.difference, test.t.difference - half_width,
                         test.t.difference + half_width, confidence, false);
  }
  if (test.method == ComparisonMethod::kPaired) {
    Result<PairedComparison> compared = ComparePaired(test.base, test.candidate, confidence);
    return compared ? compared->shift : ShiftEstimate{};
  }
  Result<UnpairedComparison> compared = CompareUnpaired(test.base, test.candidate, confidence);
  return compared ? compared->shift : ShiftEstimate{};
}

}  // namespace perfgate
