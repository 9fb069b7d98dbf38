#include <signal.h>
#include <unistd.h>

#include <cstdio>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/interrupt_watcher.h"
#include "cli/report_output.h"
#include "cli/terminal_progress.h"
#include "cli/workspace.h"
#include "process/process_groups.h"
#include "runner/job_runner.h"

namespace perfgate {
namespace {

Result<void> CheckScenarios(const Config& config, const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    if (config.FindScenario(name)) continue;
    std::string known;
    for (const ScenarioConfig& scenario : config.scenarios) {
      known += (known.empty() ? "" : ", ") + scenario.name;
    }
    return std::unexpected(NotFound("scenario `" + name + "` is not in " + config.path,
                                    "--scenario", "use one of: " + known));
  }
  return {};
}

}  // namespace

int RunCommand(const RunOptions& options) {
  if (!IsReportFormat(options.format)) {
    PrintError(InvalidInput("unknown format `" + options.format + "`", "--format",
                            "use terminal, markdown or json"));
    return kExitError;
  }
  // First, so that every thread started later inherits its signal mask. Stopping the job's
  // process groups makes every phase in progress fail at once, and the pipeline unwind.
  InterruptWatcher interrupts([](int, int) { SignalProcessGroups(SIGTERM); });
  auto workspace = OpenWorkspace(options.config, WithRepository::kYes);
  if (!workspace) return kExitError;
  if (auto known = CheckScenarios(workspace->config, options.scenarios); !known) {
    PrintError(known.error());
    return kExitError;
  }
  PrintConfigCautions(options.config, workspace->config);
  Repository& repository = *workspace->repository;
  auto commit = repository.Resolve(options.commit);
  if (!commit) {
    PrintError(commit.error().In("--commit"));
    return kExitError;
  }
  JobRequest request;
  request.kind = options.baseline ? JobKind::kBaseline : JobKind::kExperiment;
  request.commit = *commit;
  request.ref = options.commit;
  request.scenarios = options.scenarios;
  if (!options.base.empty()) {
    auto base = repository.Resolve(options.base);
    if (!base) {
      PrintError(base.error().In("--base"));
      return kExitError;
    }
    request.base_commit = *base;
  }
  Clock& clock = SystemClock();
  auto job = workspace->store->CreateJob(request, clock.Now());
  if (!job) {
    PrintError(job.error());
    return kExitError;
  }
  std::fprintf(stderr, "job %lld: %s of %s (%s)\n", static_cast<long long>(job->id),
               JobKindName(job->kind), job->commit.c_str(), options.commit.c_str());

  Result<JobOutcome> outcome;
  {
    TerminalProgress progress(stderr, isatty(STDERR_FILENO) != 0, clock);
    RunnerContext context{
        &workspace->config, workspace->store.get(),   &repository, workspace->http.get(), &clock,
        &progress,          &interrupts.interrupted()};
    outcome = RunJob(context, job->id);
  }
  if (!outcome) {
    PrintError(outcome.error().In("job " + std::to_string(job->id)));
    return kExitError;
  }
  if (options.baseline) {
    std::printf("baseline job %lld of %s stored\n", static_cast<long long>(job->id),
                job->commit.c_str());
    return kExitOk;
  }
  if (!outcome->comparison) {
    std::printf("job %lld stored; not compared: %s\n", static_cast<long long>(job->id),
                outcome->no_comparison_reason.c_str());
    return kExitOk;
  }
  PrintReport(*outcome->comparison, workspace->config, options.format);
  bool regression = outcome->comparison->comparison.HasRegression();
  return regression && !options.no_fail ? kExitRegression : kExitOk;
}

}  // namespace perfgate
