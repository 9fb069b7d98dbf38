// Alpha spending for adaptive confirmation: when an interleaved run is inconclusive it may
// measure more pairs and look again, and every look spends part of the overall alpha so
// that looking repeatedly does not inflate the false-positive rate.
//
// Lan–DeMets spending with the O'Brien–Fleming-type function
//   alpha(t) = 2 - 2 Phi(z_{1 - alpha/2} / sqrt(t)),  t = information fraction in (0, 1],
// which spends almost nothing early and nearly the full alpha at the last look.
//
// The nominal level of look k is approximated by alpha(t_k) - alpha(t_{k-1}), the alpha
// newly spent. Exact group-sequential boundaries would account for the correlation between
// looks (through multivariate normal integrals) and allow a slightly larger level; this
// approximation is conservative (its levels sum to alpha, a Bonferroni bound).
//
// Pure functions: no I/O, no clock.
#pragma once

#include <cstddef>

#include "base/error.h"

namespace perfgate {

// alpha(t): 0 at t = 0, `alpha` at t = 1. InvalidInput when alpha is not in (0, 1) or the
// fraction is not in [0, 1].
[[nodiscard]] Result<double> OBrienFlemingSpending(double alpha, double fraction);

// The two-sided significance level for a look after `pairs` of at most `max_pairs` pairs
// when the previous look was after `previous_pairs` (0 for the first look).
// InvalidInput unless previous_pairs < pairs <= max_pairs and alpha is in (0, 1).
[[nodiscard]] Result<double> NominalAlphaAtLook(double alpha, size_t previous_pairs, size_t pairs,
                                                size_t max_pairs);

}  // namespace perfgate
