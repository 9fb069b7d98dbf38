// One series' test before the job-level decision of ComparePaired / CompareUnpaired: its
// p-value, its interval at any confidence, and what its minimal detectable effect needs.
//
// Pure functions: no I/O, no clock.
#pragma once

#include <cstddef>
#include <limits>
#include <vector>

#include "analysis/comparison.h"
#include "analysis/shift_estimate.h"
#include "analysis/t_test.h"

namespace perfgate {

struct SeriesTest {
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

  ComparisonMethod method = ComparisonMethod::kPaired;
  std::vector<double> base;  // paired: by pair, NaN where absent; unpaired: present values
  std::vector<double> candidate;
  size_t used = 0;     // paired: usable pairs; unpaired: usable values of the smaller side
  size_t dropped = 0;  // pairs (paired) or values (unpaired) left out: missing or <= 0
  // Paired: the paired t-test when the log-ratios pass the normality screen, else the
  // signed-rank test. Unpaired: Welch's t when both sides' logs pass it, else Mann–Whitney.
  StatisticalTest test = StatisticalTest::kNone;
  TTestResult t;  // the t-test on the logs, when `test` is one: its interval follows from it
  double p_value = kNaN;
  // The smallest p-value the test can give at this size: a level below it can never be
  // reached, whatever the data (2 / 2^n signed rank, 2 / C(m+n, m) rank sum, 0 for a t-test).
  double smallest_p = 0;
  // Rank tests: the minimal detectable effect is MinimumDetectableEffect(detectable_scale,
  // detectable_count): the log-ratios' robust scale and the pairs; unpaired, the standard
  // error of the difference of mean logs and 1. t-tests use `t` (TTestDetectableEffect).
  double detectable_scale = kNaN;
  size_t detectable_count = 0;
};

// Whether `test` is a t-test (its p-value and interval come from SeriesTest::t).
bool IsTTest(StatisticalTest test);

// Pair i is base[i] with candidate[i] (equal lengths; NaN: absent).
SeriesTest TestPaired(std::vector<double> base, std::vector<double> candidate);

// Every value of a side is one window (NaN values are absent).
SeriesTest TestUnpaired(std::vector<double> base, std::vector<double> candidate);

// The estimate (level-independent) and its interval at `confidence` in (0, 1); all NaN when
// the test has no usable pair or value.
ShiftEstimate IntervalAt(const SeriesTest& test, double confidence);

}  // namespace perfgate
