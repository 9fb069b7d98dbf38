#include "analysis/statistics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "analysis/rank_distributions.h"

namespace perfgate {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Ranking {
  double x_rank_sum = 0;
  double tie_term = 0;  // sum of t^3 - t over groups of t tied values
  bool has_ties = false;
};

Ranking Rank(std::span<const double> x, std::span<const double> y) {
  struct Value {
    double value;
    bool from_x;
  };
  std::vector<Value> all;
  all.reserve(x.size() + y.size());
  for (double v : x) all.push_back({v, true});
  for (double v : y) all.push_back({v, false});
  std::ranges::sort(all, {}, &Value::value);
  Ranking ranking;
  for (size_t start = 0; start < all.size();) {
    size_t end = start;
    while (end < all.size() && all[end].value == all[start].value) ++end;
    // Tied values share the mean of the 1-based ranks start+1 .. end.
    double rank = (static_cast<double>(start + 1) + static_cast<double>(end)) / 2;
    auto tied = static_cast<double>(end - start);
    for (size_t k = start; k < end; ++k) {
      if (all[k].from_x) ranking.x_rank_sum += rank;
    }
    if (tied > 1) {
      ranking.has_ties = true;
      ranking.tie_term += tied * tied * tied - tied;
    }
    start = end;
  }
  return ranking;
}

double NormalTwoSidedP(double u, double n1, double n2, double tie_term) {
  double n = n1 + n2;
  double mean = n1 * n2 / 2;
  double variance = n1 * n2 / 12 * ((n + 1) - tie_term / (n * (n - 1)));
  // Every value tied: the data cannot tell the sides apart.
  if (variance <= 0) return 1;
  double z = (std::abs(u - mean) - 0.5) / std::sqrt(variance);
  return std::min(1.0, std::erfc(std::max(z, 0.0) / std::sqrt(2.0)));
}

}  // namespace

double Median(std::span<const double> values) {
  if (values.empty()) return kNaN;
  std::vector<double> sorted(values.begin(), values.end());
  std::ranges::sort(sorted);
  size_t middle = sorted.size() / 2;
  if (sorted.size() % 2 == 1) return sorted[middle];
  return (sorted[middle - 1] + sorted[middle]) / 2;
}

MannWhitneyResult MannWhitneyU(std::span<const double> x, std::span<const double> y) {
  if (x.empty() || y.empty()) return {.u = kNaN, .p_value = kNaN, .exact = false};
  auto n1 = static_cast<double>(x.size());
  auto n2 = static_cast<double>(y.size());
  Ranking ranking = Rank(x, y);
  MannWhitneyResult result;
  result.u = ranking.x_rank_sum - n1 * (n1 + 1) / 2;
  result.exact =
      !ranking.has_ties && x.size() <= kMaxExactRankSize && y.size() <= kMaxExactRankSize;
  result.p_value = result.exact ? TwoSidedExactP(RankSumDistribution(x.size(), y.size()), result.u)
                                : NormalTwoSidedP(result.u, n1, n2, ranking.tie_term);
  return result;
}

double MinimumTwoSidedP(size_t n1, size_t n2) {
  if (n1 == 0 || n2 == 0) return 1;
  // log C(n1+n2, n1) through lgamma: exact enough, and no overflow for large samples.
  double log_choose = std::lgamma(static_cast<double>(n1 + n2 + 1)) -
                      std::lgamma(static_cast<double>(n1 + 1)) -
                      std::lgamma(static_cast<double>(n2 + 1));
  return std::min(1.0, 2 * std::exp(-log_choose));
}

double SmallestSignedRankP(size_t pairs) {
  // ldexp keeps it exact where a pow of doubles need not be.
  return std::min(1.0, std::ldexp(1.0, 1 - static_cast<int>(pairs)));
}

}  // namespace perfgate
