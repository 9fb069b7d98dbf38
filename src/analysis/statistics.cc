#include "analysis/statistics.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace perfgate {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// For m values of x and n values of y, all distinct: how many of the C(m+n, m) orderings
// give U = u, for every u in [0, m*n]. The largest value is either an x, which beats all n
// values of y, or a y, which adds nothing: f(m, n, u) = f(m-1, n, u-n) + f(m, n-1, u).
std::vector<uint64_t> ExactUCounts(size_t m, size_t n) {
  std::vector<std::vector<uint64_t>> previous(n + 1, std::vector<uint64_t>{1});  // m = 0
  for (size_t i = 1; i <= m; ++i) {
    std::vector<std::vector<uint64_t>> current(n + 1);
    current[0] = {1};
    for (size_t j = 1; j <= n; ++j) {
      current[j].assign(i * j + 1, 0);
      for (size_t u = 0; u <= i * j; ++u) {
        if (u >= j && u - j < previous[j].size()) current[j][u] += previous[j][u - j];
        if (u < current[j - 1].size()) current[j][u] += current[j - 1][u];
      }
    }
    previous = std::move(current);
  }
  return previous[n];
}

double ExactTwoSidedP(double u, size_t m, size_t n) {
  std::vector<uint64_t> counts = ExactUCounts(m, n);
  auto observed = static_cast<size_t>(std::llround(u));
  uint64_t total = 0, lower = 0, upper = 0;
  for (size_t k = 0; k < counts.size(); ++k) {
    total += counts[k];
    if (k <= observed) lower += counts[k];
    if (k >= observed) upper += counts[k];
  }
  double tail = static_cast<double>(std::min(lower, upper)) / static_cast<double>(total);
  return std::min(1.0, 2 * tail);
}

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
      !ranking.has_ties && x.size() <= kMaxExactSampleSize && y.size() <= kMaxExactSampleSize;
  result.p_value = result.exact ? ExactTwoSidedP(result.u, x.size(), y.size())
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

}  // namespace perfgate
