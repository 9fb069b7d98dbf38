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

ShiftEstimate ShiftFromLogs(double log_shift, double log_low, double log_high, double confidence,
                            bool exact) {
  return {.log_shift = log_shift,
          .log_low = log_low,
          .log_high = log_high,
          .change = std::expm1(log_shift),
          .low = std::expm1(log_low),
          .high = std::expm1(log_high),
          .confidence = confidence,
          .exact = exact};
}

ShiftEstimate EstimateShift(std::vector<double> elementary, IntervalRank rank, bool exact) {
  if (elementary.empty()) return {};
  std::ranges::sort(elementary);
  double log_shift = Median(elementary);
  if (rank.k == 0) return ShiftFromLogs(log_shift, -kInfinity, kInfinity, rank.confidence, exact);
  size_t k = std::min(rank.k, (elementary.size() + 1) / 2);
  return ShiftFromLogs(log_shift, elementary[k - 1], elementary[elementary.size() - k],
                       rank.confidence, exact);
}

}  // namespace perfgate
