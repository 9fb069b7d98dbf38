#include <fmt/chrono.h>
#include <fmt/format.h>

#include "base/labels.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/workspace.h"
#include "report/format.h"

namespace perfgate {
namespace {

// The scenario that has `metric`: the one named, else the only one that has it.
Result<const ScenarioConfig*> ScenarioWithMetric(const Config& config, const std::string& scenario,
                                                 const std::string& metric) {
  const ScenarioConfig* found = nullptr;
  for (const ScenarioConfig& candidate : config.scenarios) {
    if (!scenario.empty() && candidate.name != scenario) continue;
    for (const MetricConfig& m : candidate.metrics) {
      if (m.name != metric) continue;
      if (found) {
        return std::unexpected(InvalidInput("metric `" + metric + "` is in several scenarios",
                                            "--metric", "name one with --scenario"));
      }
      found = &candidate;
    }
  }
  if (!found) {
    return std::unexpected(NotFound("no scenario has metric `" + metric + "`", "--metric",
                                    "use a metric name from " + config.path));
  }
  return found;
}

const MetricConfig& MetricOf(const ScenarioConfig& scenario, const std::string& name) {
  return *std::ranges::find(scenario.metrics, name, &MetricConfig::name);
}

}  // namespace

int HistoryCommand(const HistoryOptions& options) {
  std::string series;
  if (!options.series.empty()) {
    auto labels = ParseLabels(options.series);
    if (!labels) {
      PrintError(InvalidInput("`" + options.series + "` is not a label set", "--series",
                              "write it like endpoint=\"/sort\""));
      return kExitError;
    }
    series = FormatLabels(*labels);
  }
  auto workspace = OpenWorkspace(options.config, WithRepository::kNo);
  if (!workspace) return kExitError;
  auto scenario = ScenarioWithMetric(workspace->config, options.scenario, options.metric);
  if (!scenario) {
    PrintError(scenario.error());
    return kExitError;
  }
  auto points = workspace->store->History((*scenario)->name, options.metric, series);
  if (!points) {
    PrintError(points.error());
    return kExitError;
  }
  if (points->empty()) {
    fmt::print("no baseline results for {} {} yet: run `perfgate run --baseline --commit REV`\n",
               (*scenario)->name, options.metric);
    return kExitOk;
  }
  auto change_points =
      workspace->store->ListChangePoints((*scenario)->name, options.metric, series);
  if (!change_points) {
    PrintError(change_points.error());
    return kExitError;
  }
  const std::string& unit = MetricOf(**scenario, options.metric).unit;
  fmt::print(
      "{} {} on the default branch, oldest first; * marks a change point, the first\n"
      "baseline of a lasting new level\n",
      (*scenario)->name, options.metric);
  fmt::print("{:>6}  {:<12}  {:<16}  {:>12}  {:>3}  {:<9}  {}\n", "JOB", "COMMIT", "FINISHED",
             "MEDIAN", "N", "CHANGE", "SERIES");
  for (const HistoryPoint& point : *points) {
    auto change_point = std::ranges::find_if(*change_points, [&](const ChangePointRecord& c) {
      return c.job_id == point.job_id && c.series == point.series;
    });
    std::string change =
        change_point == change_points->end() ? "" : "* " + FormatChange(change_point->change);
    fmt::print("{:>6}  {:<12}  {:%Y-%m-%d %H:%M}  {:>12}  {:>3}  {:<9}  {}\n", point.job_id,
               point.commit.substr(0, 12),
               std::chrono::floor<std::chrono::seconds>(point.finished_at),
               FormatValue(point.median, unit), point.sample_count, change, point.series);
  }
  return kExitOk;
}

}  // namespace perfgate
