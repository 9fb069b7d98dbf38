#include "analysis/look.h"

#include <algorithm>

#include "analysis/sequential.h"

namespace perfgate {

Result<double> FirstLookLevel(double fdr, size_t pairs, size_t max_pairs) {
  return NominalAlphaAtLook(fdr, 0, pairs, max_pairs);
}

Result<PairsDecision> NextLook(const Comparison& comparison, size_t pairs, size_t max_pairs,
                               double fdr) {
  // Validates the arguments as the look just taken would have.
  if (Result<double> valid = NominalAlphaAtLook(fdr, 0, pairs, max_pairs); !valid) {
    return std::unexpected(std::move(valid.error()));
  }
  if (pairs == max_pairs || comparison.Count(Verdict::kInconclusive) == 0) return PairsDecision{};
  size_t next = std::min(max_pairs, 2 * pairs);
  Result<double> level = NominalAlphaAtLook(fdr, pairs, next, max_pairs);
  if (!level) return std::unexpected(std::move(level.error()));
  return PairsDecision{.more_pairs = next - pairs, .level = *level};
}

}  // namespace perfgate
