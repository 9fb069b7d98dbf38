// The verdict of one series from its estimated relative change and confidence interval,
// against a practical margin: significance alone is not enough (a 0.1% shift can be
// significant and irrelevant), and neither is a large estimate with a wide interval.
//
// Pure function: no I/O, no clock.
#pragma once

#include "analysis/comparison.h"
#include "config/config.h"

namespace perfgate {

// `estimate`, `low` and `high` are relative changes of the candidate against the base
// (0.05 = 5% higher), low <= estimate <= high; `margin` >= 0 is relative too. With
// `worse` the direction `better` calls bad:
//   regression   the interval excludes 0 and the estimate lies beyond the margin, worse
//   improvement  the same, in the better direction
//   unchanged    the whole interval lies inside (-margin, +margin)
//   inconclusive otherwise (the interval is too wide to tell)
//   missing      estimate, low or high is NaN: there was nothing to compare
Verdict IntervalVerdict(double estimate, double low, double high, double margin, Better better);

}  // namespace perfgate
