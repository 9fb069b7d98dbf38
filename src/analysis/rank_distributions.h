// Exact null distributions of the rank statistics behind perfgate's intervals: Wilcoxon's
// signed-rank statistic (paired) and the Mann–Whitney U statistic (unpaired), for data
// without ties.
//
// Pure functions. Probabilities are computed in doubles by dynamic programming over ranks,
// which stays exact to rounding (no factorials, no overflow) for the sizes used here.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace perfgate {

// Up to this many pairs (signed rank) or values per side (rank sum) the exact distribution
// is used; beyond it the normal approximation is accurate to the third decimal and the
// exact tables grow as n^2 (signed rank) or n^4 (rank sum) in time.
inline constexpr size_t kMaxExactRankSize = 50;

// P(T+ = t) for t = 0 .. n(n+1)/2, where T+ is the sum of the ranks 1..n that carry a
// positive sign and every sign is + or - with probability 1/2 independently.
std::vector<double> SignedRankDistribution(size_t n);

// P(U = u) for u = 0 .. m*n, where U counts the pairs (x, y) with x > y when m values of x
// and n values of y, all distinct, are in a uniformly random order.
std::vector<double> RankSumDistribution(size_t m, size_t n);

// The two-sided p-value of an observed statistic (rounded to the nearest integer value) under
// a null distribution symmetric about its centre: 2 * the smaller tail, capped at 1.
double TwoSidedExactP(std::span<const double> null_probabilities, double statistic);

}  // namespace perfgate
