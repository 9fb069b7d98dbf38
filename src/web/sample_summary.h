// The results of a job or run at a glance: per scenario, metric and series, the median of
// its samples and their spread. Pure functions.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "analysis/sample.h"
#include "web/json_codec.h"

namespace perfgate {

struct SeriesSummary {
  std::string commit;
  std::string scenario;
  std::string metric;
  std::string series;
  double median = 0;  // of the present values; NaN when every sample is missing
  double min = 0;     // the spread of the present values; NaN like the median
  double max = 0;
  int sample_count = 0;   // present values
  int missing_count = 0;  // samples without a value
};

// Sorted by scenario, metric, series; `commit` is copied into each summary (the samples a
// store returns are those of one commit).
std::vector<SeriesSummary> SummarizeSamples(std::span<const Sample> samples,
                                            const std::string& commit);

// {"commit", "scenario", "metric", "series", "median", "min", "max" (null when NaN), "samples",
//  "missing"}
Json SeriesSummaryToJson(const SeriesSummary& summary);

}  // namespace perfgate
