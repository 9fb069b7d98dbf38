// One run: one scenario measured for one commit, from checkout to teardown.
//
// A run is prepared once (checkout, ports, build) and measured in one or more sessions, each
// with a fresh environment: a baseline measures all its windows in one session; an
// interleaved job alternates sessions of its base's and its candidate's runs, one window
// each.
#pragma once

#include <atomic>
#include <optional>
#include <string>
#include <vector>

#include "analysis/sample.h"
#include "base/clock.h"
#include "base/error.h"
#include "config/config.h"
#include "config/template.h"
#include "prometheus/client.h"
#include "prometheus/targets.h"
#include "runner/progress.h"
#include "store/job.h"
#include "vcs/repository.h"

namespace perfgate {

struct ScenarioRunRequest {
  const Config* config = nullptr;
  const ScenarioConfig* scenario = nullptr;
  JobId job_id = 0;
  RunId run_id = 0;
  std::string commit;
  std::string worktree_dir;  // where the commit is checked out; must not exist yet
  std::string log_dir;       // build.log, <service>.log, load.log
  std::string targets_dir;   // file_sd directory the Prometheus server reads
  // Checked before each window and while waiting for Prometheus' scrapes; may be null.
  const std::atomic<bool>* interrupted = nullptr;
  RunSide side = RunSide::kSingle;  // named in the run's phases when not kSingle
};

// The request that measures `run` (of `job`, for `scenario`): its worktree and log folders
// named after the job and the run, so that a reaper can tell whose they are.
ScenarioRunRequest RunRequestFor(const Config& config, const Job& job,
                                 const ScenarioConfig& scenario, const Run& run,
                                 const std::string& targets_dir,
                                 const std::atomic<bool>* interrupted);

// A run's commit checked out and built, its ports allocated: what each session of the run
// starts from. Destroying it removes the worktree and the target file.
struct PreparedRun {
  ScenarioRunRequest request;
  Worktree worktree;
  TemplateVars vars;  // commit, short_commit, job, run, workdir and every port.NAME
  // The run's scrape targets, written by its first session and kept until the run ends: the
  // ports stay the same across sessions, so Prometheus scrapes one series per target for the
  // whole run, and windows are told apart by their time ranges.
  std::optional<TargetFile> targets = std::nullopt;
};

// Checks the commit out, allocates the ports and runs the build steps. On failure nothing is
// left: the worktree is removed before returning.
[[nodiscard]] Result<PreparedRun> PrepareRun(const ScenarioRunRequest& request,
                                             Repository& repository, Clock& clock,
                                             ProgressListener& progress);

// The windows one session measures: repetitions first .. first + count - 1 of `total` (the
// run's planned number, for progress).
struct SessionWindows {
  int first = 0;
  int count = 0;
  int total = 0;
};

// Brings a fresh environment up, runs the warm-up and the windows, and queries every metric
// after each window. The environment and the target file are torn down before returning,
// on every path.
[[nodiscard]] Result<std::vector<Sample>> MeasureSession(PreparedRun& run, SessionWindows windows,
                                                         PrometheusClient& prometheus, Clock& clock,
                                                         ProgressListener& progress);

// PrepareRun, then one session of every repetition of the scenario.
[[nodiscard]] Result<std::vector<Sample>> RunScenario(const ScenarioRunRequest& request,
                                                      Repository& repository,
                                                      PrometheusClient& prometheus, Clock& clock,
                                                      ProgressListener& progress);

}  // namespace perfgate
