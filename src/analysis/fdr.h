// False-discovery-rate control across the series of one job: a job compares many series at
// once, and at alpha = 0.05 each, one in twenty unchanged series would look changed.
//
// Pure functions: no I/O, no clock.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "base/error.h"

namespace perfgate {

// Benjamini–Hochberg adjusted p-values (q-values), in the order of `p_values`: for the
// i-th smallest of the m non-NaN p-values, q_(i) = min over j >= i of min(1, m p_(j) / j).
// Selecting the series with q <= fdr controls the false-discovery rate at fdr. NaN p-values
// (series without a test) take no part: they do not count in m and come back NaN.
std::vector<double> BenjaminiHochbergQValues(std::span<const double> p_values);

// The confidence level for the intervals of the selected series that controls the
// false-coverage rate at `fdr` (Benjamini & Yekutieli 2005): 1 - R fdr / m for R selected
// of m tested. With R = 0 nothing was selected, and the level of a single selection,
// 1 - fdr / m, is returned for any interval shown anyway. InvalidInput when m = 0,
// R > m, or fdr is not in (0, 1).
[[nodiscard]] Result<double> FalseCoverageConfidence(size_t selected, size_t tested, double fdr);

}  // namespace perfgate
