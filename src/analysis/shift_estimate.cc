#include "analysis/shift_estimate.h"

#include <algorithm>
#include <cmath>

#include "analysis/distributions.h"
#include "analysis/statistics.h"

namespace perfgate {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Cumulative probabilities are sums of doubles; without a little slack a tail equal to
// alpha / 2 in exact arithmetic could be rejected for a rounding error.
constexpr double kTailSlack = 1e-12;

}  // namespace

IntervalRank ExactIntervalRank(std::span<const double> null_probabilities, double confidence) {
  double tail_budget = (1 - confidence) / 2;
  IntervalRank rank{.k = 0, .confidence = 1};
  double below = 0;  // P(S <= k - 1) for the next candidate k
  for (size_t k = 1; k <= null_probabilities.size(); ++k) {
    below += null_probabilities[k - 1];
    if (below > tail_budget * (1 + kTailSlack)) break;
    rank = {.k = k, .confidence = 1 - 2 * below};
  }
  return rank;
}

IntervalRank NormalIntervalRank(double mean, double sd, double confidence) {
  double z = NormalQuantile(1 - (1 - confidence) / 2);
  // P(S <= k - 1) ~ Phi((k - 1 + 0.5 - mean) / sd) <= (1 - confidence) / 2.
  double k = std::floor(mean - z * sd + 0.5);
  if (k < 1) return {.k = 0, .confidence = 1};
  return {.k = static_cast<size_t>(k), .confidence = 1 - 2 * NormalCdf((k - 0.5 - mean) / sd)};
}

ShiftEstimate EstimateShift(std::vector<double> elementary, IntervalRank rank, bool exact) {
  ShiftEstimate estimate;
  if (elementary.empty()) return estimate;
  std::ranges::sort(elementary);
  estimate.log_shift = Median(elementary);
  if (rank.k == 0) {
    estimate.log_low = -kInfinity;
    estimate.log_high = kInfinity;
  } else {
    size_t k = std::min(rank.k, (elementary.size() + 1) / 2);
    estimate.log_low = elementary[k - 1];
    estimate.log_high = elementary[elementary.size() - k];
  }
  estimate.change = std::expm1(estimate.log_shift);
  estimate.low = std::expm1(estimate.log_low);
  estimate.high = std::expm1(estimate.log_high);
  estimate.confidence = rank.confidence;
  estimate.exact = exact;
  return estimate;
}

}  // namespace perfgate
