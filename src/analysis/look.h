// Adaptive confirmation for interleaved comparisons: after a look at `pairs` pairs, measure
// more when some series are inconclusive and `max_pairs` allows, then look again.
//
// Each look tests at its share of the job's false-discovery level, spent with the
// O'Brien–Fleming-type function of sequential.h over the information fraction
// pairs / max_pairs; the shares add up to at most analysis.fdr, so looking more than once
// does not inflate false alarms (a Bonferroni bound over looks). The spending is steep:
// at 5 of 10 pairs a look may spend 0.027% of a 1% level, so early looks mostly settle
// `unchanged` series (equivalence is not spent from this budget: calling a series unchanged
// raises no alarm) and leave discoveries to the last look, which gets nearly the whole
// level. A job that stops early leaves the rest unspent.
//
// More pairs: twice as many as so far, capped at max_pairs (5 -> 10). Doubling halves the
// interval's squared width per look, so two or three looks reach any max_pairs <= 10.
//
// Pure functions: no I/O, no clock.
#pragma once

#include <cstddef>

#include "analysis/comparison.h"
#include "base/error.h"

namespace perfgate {

struct PairsDecision {
  size_t more_pairs = 0;  // pairs to measure before the next look; 0: the verdicts are final
  double level = 0;       // AnalysisPolicy::level for the next look (when more_pairs > 0)
};

// AnalysisPolicy::level for the first look, after `pairs` of at most `max_pairs`: all of
// `fdr` when pairs == max_pairs (no second look can follow). InvalidInput unless
// 0 < pairs <= max_pairs and fdr is in (0, 1).
[[nodiscard]] Result<double> FirstLookLevel(double fdr, size_t pairs, size_t max_pairs);

// After a look at `pairs` pairs: more pairs when a series is inconclusive and pairs <
// max_pairs, with the level of the look that follows. InvalidInput as FirstLookLevel.
[[nodiscard]] Result<PairsDecision> NextLook(const Comparison& comparison, size_t pairs,
                                             size_t max_pairs, double fdr);

}  // namespace perfgate
