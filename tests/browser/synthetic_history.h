// A made-up history for the screenshot of the history page: real baseline jobs take seconds
// each, and a chart worth looking at needs dozens of them, with a change point or two. The
// values are synthetic; everything else is real: commits of a git repository, jobs, runs and
// samples written through the store, change points found by the runner's own detection after
// each baseline, and test jobs of pull requests with stored comparisons.
#pragma once

#include <string>

#include "config/config.h"
#include "support/temp_dir.h"

namespace perfgate::testing {

// Commits SeedSyntheticHistory() makes on main, one baseline job each.
inline constexpr int kSyntheticCommits = 40;
// The commit from which /sort is slower: the first job of its change point.
inline constexpr int kSlowerSortAt = 27;

struct SyntheticHistory {
  int baselines = 0;
  int change_points = 0;
  int test_jobs = 0;
};

// Fills the git repository at <dir>/repo (created) and the store of `config` (whose scenario
// must have metric `metric`) with the history: three endpoints of the quickstart, /hash
// getting faster a third of the way and /sort slower two thirds of the way, with a few pull
// requests beside them, the last one a regression. Jobs finish two hours apart, the newest an
// hour ago. Failures are test failures.
SyntheticHistory SeedSyntheticHistory(const TempDir& dir, const Config& config,
                                      const std::string& metric);

}  // namespace perfgate::testing
