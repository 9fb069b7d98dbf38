// Settings under which a rank test can never be significant, found before any job runs.
//
// A series whose log-ratios fail the normality screen is decided by a rank test, and a rank
// test on a few values has a smallest possible p-value: 2 / 2^n for the signed-rank test on n
// pairs (interleaved), 2 / C(2r, r) for the rank-sum test on r windows per side (stored).
// When that is above analysis.fdr, such a series can only ever be inconclusive, however
// large its change: five pairs, at most 1/16, can never reach a 1% level. The job itself
// says so in the series' note; these cautions say it at check-config time. Passing them is
// necessary, not sufficient: the false-discovery rule and adaptive looks test each series
// at a share of the level.
//
// Pure functions: no I/O, no clock.
#pragma once

#include <string>
#include <vector>

#include "config/config.h"

namespace perfgate {

// One line per scenario whose rank test cannot reach config.analysis.fdr, naming its key
// path (e.g. "scenarios[0].max_pairs"), the smallest p-value and the count that would do.
std::vector<std::string> UnreachableLevelCautions(const Config& config);

}  // namespace perfgate
