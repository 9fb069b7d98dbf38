#include "analysis/counts.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string_view>

namespace perfgate {
namespace {

constexpr double kRelativeTolerance = 1e-7;

double LogChoose(double n, double k) {
  return std::lgamma(n + 1) - std::lgamma(k + 1) - std::lgamma(n - k + 1);
}

double Rate(EventCounts counts) {
  if (counts.total == 0) return CountComparison::kNaN;
  return static_cast<double>(counts.events) / static_cast<double>(counts.total);
}

Result<void> CheckCounts(EventCounts counts, std::string_view side) {
  if (counts.events <= counts.total) return {};
  return std::unexpected(
      InvalidInput(fmt::format("{} events out of a total of {}", counts.events, counts.total),
                   fmt::format("{} counts", side), "the total must include the events"));
}

}  // namespace

double FisherExactTwoSidedP(uint64_t a, uint64_t b, uint64_t c, uint64_t d) {
  auto row1 = static_cast<double>(a + b);
  auto row2 = static_cast<double>(c + d);
  auto column1 = static_cast<double>(a + c);
  double n = row1 + row2;
  // With both margins fixed, the table is determined by its top-left cell x, which is
  // hypergeometric: P(x) = C(row1, x) C(row2, column1 - x) / C(n, column1).
  auto log_probability = [&](double x) {
    return LogChoose(row1, x) + LogChoose(row2, column1 - x) - LogChoose(n, column1);
  };
  double observed = log_probability(static_cast<double>(a));
  double threshold = observed + std::log1p(kRelativeTolerance);
  double low = std::max(0.0, column1 - row2);
  double high = std::min(row1, column1);
  double p = 0;
  for (double x = low; x <= high; ++x) {
    double log_p = log_probability(x);
    if (log_p <= threshold) p += std::exp(log_p);
  }
  return std::min(1.0, p);
}

Result<CountComparison> CompareCounts(EventCounts base, EventCounts candidate) {
  if (auto checked = CheckCounts(base, "base"); !checked) return std::unexpected(checked.error());
  if (auto checked = CheckCounts(candidate, "candidate"); !checked) {
    return std::unexpected(checked.error());
  }
  return CountComparison{
      .base_rate = Rate(base),
      .candidate_rate = Rate(candidate),
      .p_value = FisherExactTwoSidedP(base.events, base.total - base.events, candidate.events,
                                      candidate.total - candidate.events),
  };
}

}  // namespace perfgate
