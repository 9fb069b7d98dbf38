// The history of a metric: per baseline job and series, the median of its sample values.
// Pure functions, so that the arithmetic is tested without a database.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "store/job.h"

namespace perfgate {

// One present sample value of a baseline job, as read for the history.
struct HistoryValue {
  JobId job_id = 0;
  std::string commit;
  TimePoint finished_at;
  std::string series;
  double value = 0;
};

// One point per (job, series): the median (analysis/statistics.h) of its values and their
// count. `values` must be grouped by job in history order and, within a job, by series;
// the points keep that order.
std::vector<HistoryPoint> SummarizeHistory(std::span<const HistoryValue> values);

}  // namespace perfgate
