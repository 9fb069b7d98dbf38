// The build steps of a process environment, run in order in the worktree.

#include <string>

#include "base/clock.h"
#include "base/duration.h"
#include "base/logging.h"
#include "environment/environment.h"
#include "environment/log_files.h"
#include "process/subprocess.h"

namespace perfgate {

Result<void> BuildEnvironment(const EnvironmentRequest& request) {
  const ScenarioConfig& scenario = *request.scenario;
  const std::string context = "scenario " + scenario.name;
  if (auto made = EnsureLogDir(request.log_dir); !made) {
    return std::unexpected(made.error().In(context));
  }
  const std::string log_path = BuildLogPath(request.log_dir);
  auto log = Logger("environment");
  // build_timeout bounds the whole build, not each step: it is what a person waits for.
  Clock& clock = SystemClock();
  const TimePoint deadline = clock.Now() + scenario.environment.build_timeout;
  const std::vector<Argv>& steps = scenario.environment.build;
  for (size_t i = 0; i < steps.size(); ++i) {
    const std::string step_context = context + ": environment.build[" + std::to_string(i) + "]";
    auto argv = ExpandArgv(steps[i], request.vars);
    if (!argv) return std::unexpected(argv.error().In(step_context));
    Duration remaining = std::chrono::duration_cast<Duration>(deadline - clock.Now());
    if (remaining <= Duration::zero()) remaining = Duration(1);
    log->info("build step started scenario={} step={} argv=\"{}\"", scenario.name, i,
              FormatCommand(*argv));
    auto ran = RunToCompletion(
        ProcessSpec{.argv = *argv, .cwd = request.workdir, .log_path = log_path}, remaining);
    if (!ran) {
      // Named by its step, not by the worktree it ran in: that is removed when the job ends.
      Error error = ran.error();
      error.where = step_context;
      if (error.kind == ErrorKind::kUnavailable) {
        error.fix = "the build took longer than environment.build_timeout (" +
                    FormatDuration(scenario.environment.build_timeout) +
                    "): raise it or make the build faster; output in " + log_path;
      }
      return std::unexpected(std::move(error));
    }
  }
  log->info("build finished scenario={} steps={}", scenario.name, steps.size());
  return {};
}

}  // namespace perfgate
