#include "analysis/fdr.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace perfgate {

std::vector<double> BenjaminiHochbergQValues(std::span<const double> p_values) {
  std::vector<double> q_values(p_values.size(), std::numeric_limits<double>::quiet_NaN());
  std::vector<size_t> order;
  for (size_t i = 0; i < p_values.size(); ++i) {
    if (!std::isnan(p_values[i])) order.push_back(i);
  }
  std::ranges::stable_sort(order, {}, [&](size_t i) { return p_values[i]; });
  auto m = static_cast<double>(order.size());
  // From the largest p down, carrying the running minimum that makes q monotone in p.
  double running = 1;
  for (size_t rank = order.size(); rank >= 1; --rank) {
    size_t i = order[rank - 1];
    running = std::min(running, m * p_values[i] / static_cast<double>(rank));
    q_values[i] = running;
  }
  return q_values;
}

Result<double> FalseCoverageConfidence(size_t selected, size_t tested, double fdr) {
  if (tested == 0 || selected > tested) {
    return std::unexpected(
        InvalidInput(fmt::format("{} series selected of {} tested", selected, tested),
                     "false-coverage confidence", "pass 0 <= selected <= tested and tested >= 1"));
  }
  if (!(fdr > 0 && fdr < 1)) {
    return std::unexpected(InvalidInput(fmt::format("fdr {} is not in (0, 1)", fdr),
                                        "false-coverage confidence",
                                        "set analysis.fdr to e.g. 0.01"));
  }
  size_t r = std::max<size_t>(selected, 1);
  return 1 - static_cast<double>(r) * fdr / static_cast<double>(tested);
}

}  // namespace perfgate
