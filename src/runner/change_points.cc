#include "runner/change_points.h"

#include <algorithm>
#include <map>

#include "analysis/change_point.h"
#include "base/logging.h"
#include "delivery/outbox_writer.h"
#include "delivery/reports.h"

namespace perfgate {
namespace {

// One series' history, oldest first.
using SeriesHistory = std::vector<const HistoryPoint*>;

std::map<std::string, SeriesHistory> BySeries(const std::vector<HistoryPoint>& points) {
  std::map<std::string, SeriesHistory> series;
  for (const HistoryPoint& point : points) series[point.series].push_back(&point);
  return series;
}

// Where `job` stands in `history`; nullopt when it is not there.
std::optional<size_t> PositionOf(const SeriesHistory& history, JobId job) {
  auto found = std::ranges::find(history, job, &HistoryPoint::job_id);
  if (found == history.end()) return std::nullopt;
  return static_cast<size_t>(found - history.begin());
}

bool AlreadyRecorded(const SeriesHistory& history, size_t index,
                     const std::vector<ChangePointRecord>& recorded, size_t min_segment) {
  return std::ranges::any_of(recorded, [&](const ChangePointRecord& known) {
    auto position = PositionOf(history, known.job_id);
    return position && std::max(*position, index) - std::min(*position, index) < min_segment;
  });
}

}  // namespace

Result<std::vector<ChangePointRecord>> DetectChangePoints(const Config& config, Store& store,
                                                          const Job& baseline, TimePoint now) {
  const ChangePointOptions options;
  std::vector<ChangePointRecord> found;
  for (const ScenarioConfig& scenario : config.scenarios) {
    if (!JobMeasures(baseline, scenario.name)) continue;
    for (const MetricConfig& metric : scenario.metrics) {
      auto points = store.History(scenario.name, metric.name, "");
      if (!points) return std::unexpected(points.error());
      for (const auto& [series, history] : BySeries(*points)) {
        std::vector<double> medians;
        for (const HistoryPoint* point : history) medians.push_back(point->median);
        auto change_points = FindChangePoints(medians, options);
        if (!change_points) return std::unexpected(change_points.error());
        if (change_points->empty()) continue;
        auto recorded = store.ListChangePoints(scenario.name, metric.name, series);
        if (!recorded) return std::unexpected(recorded.error());
        for (const ChangePoint& change_point : *change_points) {
          if (AlreadyRecorded(history, change_point.index, *recorded, options.min_segment)) {
            continue;
          }
          const HistoryPoint& first = *history[change_point.index];
          ChangePointRecord record{.scenario = scenario.name,
                                   .metric = metric.name,
                                   .series = series,
                                   .job_id = first.job_id,
                                   .commit = first.commit,
                                   .mean_before = change_point.mean_before,
                                   .mean_after = change_point.mean_after,
                                   .change = change_point.change,
                                   .p_value = change_point.p_value,
                                   .detected_by = baseline.id,
                                   .detected_at = now};
          auto added = store.RecordChangePoint(record);
          if (!added) return std::unexpected(added.error());
          if (*added) found.push_back(std::move(record));
        }
      }
    }
  }
  return found;
}

void RecordChangePointsAfter(const Config& config, Store& store, const Job& baseline,
                             TimePoint now) {
  auto log = Logger("runner");
  auto found = DetectChangePoints(config, store, baseline, now);
  if (!found) {
    // The job's results stand; the next baseline looks again.
    log->warn("change points not searched job={} error={}", baseline.id, found.error().ToString());
    return;
  }
  for (const ChangePointRecord& change_point : *found) {
    log->info("change point scenario={} metric={} series={} commit={} change={:.4f}",
              change_point.scenario, change_point.metric, change_point.series,
              change_point.commit.substr(0, 12), change_point.change);
  }
  WriteToOutbox(store, ChangePointReports(config, baseline, *found), now);
}

}  // namespace perfgate
