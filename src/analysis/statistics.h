// The statistics behind a comparison: the median and the Mann–Whitney U test.
//
// Pure functions over values. Inputs must not contain NaN (a NaN is a missing sample, and
// callers drop missing samples before they get here).
#pragma once

#include <cstddef>
#include <span>

namespace perfgate {

// The middle value; the mean of the two middle values for an even count. NaN when empty.
double Median(std::span<const double> values);

struct MannWhitneyResult {
  double u = 0;        // pairs (x, y) with x > y, a tie counting one half
  double p_value = 1;  // two-sided; NaN when a side is empty
  bool exact = false;  // from the exact distribution rather than the normal approximation
};

// Two-sided Mann–Whitney U test of `x` against `y`. Exact (p = 2 * the smaller tail of
// RankSumDistribution, capped at 1) for up to kMaxExactRankSize values per side without ties;
// otherwise the normal approximation with tie and continuity corrections. Agrees with
// scipy.stats.mannwhitneyu(x, y) for those methods.
MannWhitneyResult MannWhitneyU(std::span<const double> x, std::span<const double> y);

// The smallest two-sided p-value any data can give with n1 vs n2 values: 2 / C(n1+n2, n1),
// capped at 1. When it is not below alpha, no difference can be significant.
double MinimumTwoSidedP(size_t n1, size_t n2);

// The smallest two-sided p-value Wilcoxon's signed-rank test can give on n pairs: 2 / 2^n
// (every sign alike), capped at 1.
double SmallestSignedRankP(size_t pairs);

}  // namespace perfgate
