// One value of one metric series from one measured window: the unit perfgate stores,
// compares and charts.
#pragma once

#include <optional>
#include <string>

#include "base/clock.h"

namespace perfgate {

struct Sample {
  std::string scenario;
  std::string metric;
  std::string series;           // FormatLabels() of the series' labels, "{}" for a scalar
  int repetition = 0;           // 0-based index of the measured window within its run
  std::optional<double> value;  // nullopt: missing (empty result or NaN), never 0
  TimePoint window_start;       // t0 of the window
  TimePoint window_end;         // t1 of the window; queries are evaluated at this time
};

}  // namespace perfgate
