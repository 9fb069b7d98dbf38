// What the history page's chart draws for one metric, in columns, as
// GET /api/v1/history/chart answers it: one position per baseline job of the default branch
// (oldest first), one column of medians per series, and the change points and test jobs'
// results placed on the same positions. Pure functions.
//
// Columns rather than GET /api/v1/history's list of points: uPlot draws from one array of x
// values and one array of y values per series, and a history of 5,000 commits of 10 series is
// 50,000 points, which as objects with repeated keys (and every commit in full, per point) is
// ten times the bytes and the time to build and to parse.
#pragma once

#include <map>
#include <span>
#include <string>
#include <vector>

#include "store/store.h"

namespace perfgate {

struct HistoryChart {
  // The x axis: one entry per baseline job, in the default branch's commit order (see
  // BuildHistoryChart); `times` are then not always in order.
  std::vector<JobId> jobs;
  std::vector<std::string> commits;  // full SHAs
  std::vector<TimePoint> times;      // when each job finished
  std::vector<std::string> series;   // sorted
  // values[s][x]: the median of series s in job x; NaN when the job has none.
  std::vector<std::vector<double>> values;

  // A change point on the axis: the first job of the new level.
  struct ChangePoint {
    size_t x = 0;
    size_t series = 0;  // an index into `series`
    double change = 0;  // relative; NaN when the level before was 0
  };
  std::vector<ChangePoint> change_points;

  // A test job's result for one series, placed at the last baseline job of its base commit,
  // or else at the last one that finished before it did.
  struct Candidate {
    size_t x = 0;
    size_t series = 0;
    const CandidatePoint* point = nullptr;  // into the span given to BuildHistoryChart
  };
  std::vector<Candidate> candidates;
};

// The chart of `points` (one metric's history, in the store's order: by finish time), with the
// change points and candidate results of the same metric. Jobs go in the order of their commits
// in `branch_commits` (the default branch along its first parents, newest first); a job of a
// commit not in it stays after the job that finished before it, and with no branch commits at
// all the store's order is kept. Several jobs of one commit go by finish time. Change points of
// jobs or series the history lacks are left out; candidate results of series it lacks too. The
// chart refers into `candidates`, which must outlive it.
HistoryChart BuildHistoryChart(std::span<const HistoryPoint> points,
                               std::span<const ChangePointRecord> change_points,
                               std::span<const CandidatePoint> candidates,
                               std::span<const std::string> branch_commits);

// The chart as compact JSON, each array one column:
//   {"scenario", "metric", "unit",
//    "jobs": [ids], "commits": [short SHAs], "subjects": [subject or null],
//    "times": [Unix seconds], "series": [labels], "values": [[median or null, ...] per series],
//    "change_points": {"x": [], "series": [], "change": []},
//    "candidates": {"x": [], "series": [], "jobs": [], "pull_requests": [number or null],
//                   "commits": [short SHAs], "times": [], "values": [], "verdicts": []}}
// Values keep 6 significant digits: the page shows 3. `subjects` maps full SHAs to the first
// line of their message; commits without one get null.
std::string HistoryChartJson(const HistoryChart& chart, const std::string& scenario,
                             const std::string& metric, const std::string& unit,
                             const std::map<std::string, std::string>& subjects);

}  // namespace perfgate
