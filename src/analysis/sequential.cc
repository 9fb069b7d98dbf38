#include "analysis/sequential.h"

#include <fmt/format.h>

#include <cmath>

#include "analysis/distributions.h"

namespace perfgate {
namespace {

constexpr const char* kWhere = "alpha spending";

}  // namespace

Result<double> OBrienFlemingSpending(double alpha, double fraction) {
  if (!(alpha > 0 && alpha < 1)) {
    return std::unexpected(
        InvalidInput(fmt::format("alpha {} is not in (0, 1)", alpha), kWhere, "use e.g. 0.05"));
  }
  if (!(fraction >= 0 && fraction <= 1)) {
    return std::unexpected(
        InvalidInput(fmt::format("information fraction {} is not in [0, 1]", fraction), kWhere,
                     "pass pairs measured / maximum pairs"));
  }
  if (fraction == 0) return 0.0;
  if (fraction == 1) return alpha;  // exactly, not through a quantile round trip
  double boundary = NormalQuantile(1 - alpha / 2) / std::sqrt(fraction);
  // 2 - 2 Phi(b), written as the upper tail to keep its digits when it is tiny.
  return std::erfc(boundary / std::sqrt(2.0));
}

Result<double> NominalAlphaAtLook(double alpha, size_t previous_pairs, size_t pairs,
                                  size_t max_pairs) {
  if (!(previous_pairs < pairs && pairs <= max_pairs)) {
    return std::unexpected(InvalidInput(fmt::format("look after {} pairs (previous {}, maximum {})",
                                                    pairs, previous_pairs, max_pairs),
                                        kWhere,
                                        "each look must add pairs and stay within the maximum"));
  }
  auto max = static_cast<double>(max_pairs);
  Result<double> spent = OBrienFlemingSpending(alpha, static_cast<double>(pairs) / max);
  if (!spent) return spent;
  Result<double> spent_before =
      OBrienFlemingSpending(alpha, static_cast<double>(previous_pairs) / max);
  if (!spent_before) return spent_before;
  return *spent - *spent_before;
}

}  // namespace perfgate
