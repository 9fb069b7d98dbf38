#include "analysis/unpaired.h"

#include <fmt/format.h>

#include <cmath>
#include <vector>

#include "analysis/rank_distributions.h"
#include "analysis/statistics.h"

namespace perfgate {
namespace {

std::vector<double> PairwiseDifferences(std::span<const double> x, std::span<const double> y) {
  std::vector<double> differences;
  differences.reserve(x.size() * y.size());
  for (double xi : x) {
    for (double yj : y) differences.push_back(yj - xi);
  }
  return differences;
}

IntervalRank RankSumIntervalRank(size_t m, size_t n, double confidence) {
  if (m <= kMaxExactRankSize && n <= kMaxExactRankSize) {
    return ExactIntervalRank(RankSumDistribution(m, n), confidence);
  }
  auto mm = static_cast<double>(m);
  auto nn = static_cast<double>(n);
  return NormalIntervalRank(mm * nn / 2, std::sqrt(mm * nn * (mm + nn + 1) / 12), confidence);
}

}  // namespace

std::vector<double> LogsOfUsable(std::span<const double> values, size_t& dropped) {
  std::vector<double> logs;
  logs.reserve(values.size());
  for (double v : values) {
    if (std::isfinite(v) && v > 0) {
      logs.push_back(std::log(v));
    } else {
      ++dropped;
    }
  }
  return logs;
}

Result<UnpairedComparison> CompareUnpaired(std::span<const double> base,
                                           std::span<const double> candidate, double confidence) {
  if (!(confidence > 0 && confidence < 1)) {
    return std::unexpected(InvalidInput(fmt::format("confidence {} is not in (0, 1)", confidence),
                                        "unpaired comparison", "use e.g. 0.95"));
  }
  UnpairedComparison result;
  std::vector<double> x = LogsOfUsable(base, result.dropped);
  std::vector<double> y = LogsOfUsable(candidate, result.dropped);
  result.base_used = x.size();
  result.candidate_used = y.size();
  if (x.empty() || y.empty()) return result;

  bool exact = x.size() <= kMaxExactRankSize && y.size() <= kMaxExactRankSize;
  result.shift = EstimateShift(PairwiseDifferences(x, y),
                               RankSumIntervalRank(x.size(), y.size(), confidence), exact);
  result.p_value = MannWhitneyU(x, y).p_value;
  result.welch = WelchTTest(x, y);
  result.base_normality = ScreenNormality(x);
  result.candidate_normality = ScreenNormality(y);
  result.welch_appropriate =
      result.base_normality.plausible && result.candidate_normality.plausible;
  return result;
}

}  // namespace perfgate
