#include "analysis/rank_distributions.h"

#include <algorithm>
#include <cmath>

namespace perfgate {

std::vector<double> SignedRankDistribution(size_t n) {
  // Adding rank r with a random sign: P_r(t) = (P_{r-1}(t) + P_{r-1}(t - r)) / 2.
  std::vector<double> probabilities = {1.0};
  for (size_t rank = 1; rank <= n; ++rank) {
    std::vector<double> next(probabilities.size() + rank, 0.0);
    for (size_t t = 0; t < probabilities.size(); ++t) {
      next[t] += probabilities[t] / 2;
      next[t + rank] += probabilities[t] / 2;
    }
    probabilities = std::move(next);
  }
  return probabilities;
}

std::vector<double> RankSumDistribution(size_t m, size_t n) {
  // The largest of i x's and j y's is an x with probability i / (i + j), and then it beats
  // all j y's; otherwise it is a y and adds nothing:
  //   P_{i,j}(u) = i/(i+j) P_{i-1,j}(u - j) + j/(i+j) P_{i,j-1}(u).
  // `previous[j]` holds P_{i-1,j}, `current[j]` P_{i,j}.
  std::vector<std::vector<double>> previous(n + 1, std::vector<double>{1.0});  // i = 0
  for (size_t i = 1; i <= m; ++i) {
    std::vector<std::vector<double>> current(n + 1);
    current[0] = {1.0};
    for (size_t j = 1; j <= n; ++j) {
      double x_largest = static_cast<double>(i) / static_cast<double>(i + j);
      current[j].assign(i * j + 1, 0.0);
      for (size_t u = 0; u < previous[j].size(); ++u) {
        current[j][u + j] += x_largest * previous[j][u];
      }
      for (size_t u = 0; u < current[j - 1].size(); ++u) {
        current[j][u] += (1 - x_largest) * current[j - 1][u];
      }
    }
    previous = std::move(current);
  }
  return previous[n];
}

double TwoSidedExactP(std::span<const double> null_probabilities, double statistic) {
  auto observed = static_cast<size_t>(std::llround(statistic));
  double lower = 0, upper = 0;
  for (size_t s = 0; s < null_probabilities.size(); ++s) {
    if (s <= observed) lower += null_probabilities[s];
    if (s >= observed) upper += null_probabilities[s];
  }
  return std::min(1.0, 2 * std::min(lower, upper));
}

}  // namespace perfgate
