// One run: one scenario measured for one commit, from checkout to teardown.
#pragma once

#include <atomic>
#include <string>
#include <vector>

#include "analysis/sample.h"
#include "base/clock.h"
#include "base/error.h"
#include "config/config.h"
#include "prometheus/client.h"
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
  const std::atomic<bool>* interrupted = nullptr;  // checked before each window; may be null
};

// Checks the commit out, builds and starts the environment, runs the warm-up and every
// measured window, and queries every metric after each window. The environment, the target
// file and the worktree are torn down before returning, on every path.
[[nodiscard]] Result<std::vector<Sample>> RunScenario(const ScenarioRunRequest& request,
                                                      Repository& repository,
                                                      PrometheusClient& prometheus, Clock& clock,
                                                      ProgressListener& progress);

}  // namespace perfgate
