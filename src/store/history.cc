#include "store/history.h"

#include <algorithm>

#include "analysis/statistics.h"

namespace perfgate {

std::vector<HistoryPoint> SummarizeHistory(std::span<const HistoryValue> values) {
  std::vector<HistoryPoint> points;
  auto group_start = values.begin();
  while (group_start != values.end()) {
    auto group_end = std::find_if(group_start, values.end(), [&](const HistoryValue& value) {
      return value.job_id != group_start->job_id || value.series != group_start->series;
    });
    std::vector<double> group;
    for (auto it = group_start; it != group_end; ++it) group.push_back(it->value);
    points.push_back(HistoryPoint{
        .job_id = group_start->job_id,
        .commit = group_start->commit,
        .finished_at = group_start->finished_at,
        .series = group_start->series,
        .median = Median(group),
        .sample_count = static_cast<int>(group.size()),
    });
    group_start = group_end;
  }
  return points;
}

}  // namespace perfgate
