// Comparison of two counts of events out of totals (errors out of requests, timeouts out of
// calls): Fisher's exact test on the 2x2 table, conditional on both margins.
//
//                 events        non-events
//   base          a             b = base.total - a
//   candidate     c             d = candidate.total - c
//
// Pure functions: no I/O, no clock.
#pragma once

#include <cstdint>
#include <limits>

#include "base/error.h"

namespace perfgate {

struct EventCounts {
  uint64_t events = 0;
  uint64_t total = 0;  // events + non-events
};

struct CountComparison {
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

  double base_rate = kNaN;  // events / total; NaN when the total is 0
  double candidate_rate = kNaN;
  double p_value = kNaN;  // Fisher's exact test, two-sided
};

// Two-sided p-value of Fisher's exact test for the table [[a, b], [c, d]]: the sum of the
// hypergeometric probabilities, given the margins, of every table no more probable than the
// observed one (within a relative tolerance of 1e-7, as R's fisher.test, so that tables
// equally probable in exact arithmetic count despite rounding). 1 when a margin is 0.
double FisherExactTwoSidedP(uint64_t a, uint64_t b, uint64_t c, uint64_t d);

// InvalidInput when a side has more events than its total.
[[nodiscard]] Result<CountComparison> CompareCounts(EventCounts base, EventCounts candidate);

}  // namespace perfgate
